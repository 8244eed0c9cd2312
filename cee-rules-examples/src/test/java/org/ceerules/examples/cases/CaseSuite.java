package org.ceerules.examples.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ceerules.api.InvalidRequestException;
import org.ceerules.api.Routers;
import org.ceerules.api.RoutingRequest;
import org.ceerules.examples.JsonTree;
import org.ceerules.examples.cli.CliHarness;
import org.ceerules.examples.json.JsonRequestReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden tests: every case of a folder through the API (JSON mapping, then
 * {@link Routers#defaultRouter()}) and through the CLI's {@code route}, as one JSON Lines batch in
 * file-name order, compared line by line. Skipped, with a message, when the folder is absent.
 */
abstract class CaseSuite {

    /** @return the folder of the cases */
    abstract Path casesDir();

    List<RoutingCase> cases() {
        Path dir = casesDir();
        Assumptions.assumeTrue(Files.isDirectory(dir), () -> "no routing cases at " + dir.toAbsolutePath()
                + ": set -Dcee.cases.dir to run them");
        List<RoutingCase> cases = RoutingCase.load(dir);
        Assumptions.assumeFalse(cases.isEmpty(), () -> "no *.json case in " + dir.toAbsolutePath());
        return cases;
    }

    @Test
    void everyCaseIsNamedAfterItsFileAndHasAnExpectation() {
        for (RoutingCase routingCase : cases()) {
            assertThat(routingCase.file().getFileName().toString()).isEqualTo(routingCase.name() + ".json");
            assertThat(routingCase.source()).as("source of %s", routingCase).isNotBlank();
            assertThat(routingCase.request()).as("request of %s", routingCase).isNotNull();
            assertThat(routingCase.expect()).as("expect of %s: center or errorFields", routingCase).isNotNull()
                    .matches(expect -> expect.containsKey("center") ^ expect.containsKey("errorFields"));
        }
    }

    @TestFactory
    Stream<DynamicTest> throughTheApi() {
        return cases().stream().map(routingCase -> DynamicTest.dynamicTest(routingCase.name(), routingCase.file().toUri(),
                () -> {
                    Map<String, Object> answer;
                    try {
                        RoutingRequest request = JsonRequestReader.read(routingCase.requestLine());
                        answer = CaseCheck.tree(Routers.defaultRouter().route(request));
                    } catch (InvalidRequestException e) {
                        answer = CaseCheck.tree(e);
                    }
                    CaseCheck.verify(routingCase, answer, "API");
                }));
    }

    @Test
    void throughTheCliAsOneBatch() {
        List<RoutingCase> cases = cases();
        String batch = cases.stream().map(RoutingCase::requestLine).collect(Collectors.joining("\n", "", "\n"));

        CliHarness.Result run = CliHarness.route(batch);

        List<Map<String, Object>> lines = JsonTree.lines(run.out());
        assertThat(lines).as("one line per case").hasSize(cases.size());
        for (int i = 0; i < cases.size(); i++) {
            CaseCheck.verify(cases.get(i), lines.get(i), "CLI, line " + (i + 1));
        }
        boolean anyRejected = cases.stream().anyMatch(RoutingCase::expectsErrors);
        assertThat(run.status()).as("exit status").isEqualTo(anyRejected ? 1 : 0);
    }
}
