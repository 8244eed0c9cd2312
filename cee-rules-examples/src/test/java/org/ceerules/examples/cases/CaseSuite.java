package org.ceerules.examples.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ceerules.api.Routers;
import org.ceerules.examples.cli.CliHarness;
import org.ceerules.examples.json.JsonTree;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden tests: every case of a folder through the API (the case runner: JSON mapping, then
 * {@link Routers#defaultRouter()}) and through the CLI's {@code route}, as one JSON Lines batch in
 * file-name order, compared line by line. Skipped, with a message, when the folder is absent.
 */
abstract class CaseSuite {

    /** @return the folder of the cases */
    abstract Path casesDir();

    List<RoutingCase> cases() throws IOException {
        Path dir = casesDir();
        Assumptions.assumeTrue(Files.isDirectory(dir), () -> "no routing cases at " + dir.toAbsolutePath()
                + ": set -Dcee.cases.dir to run them");
        List<RoutingCase> cases = RoutingCase.load(dir);
        Assumptions.assumeFalse(cases.isEmpty(), () -> "no *.json case in " + dir.toAbsolutePath());
        return cases;
    }

    @Test
    void everyCaseIsWellFormed() throws IOException {
        for (RoutingCase routingCase : cases()) {
            assertThat(routingCase.problems()).as("format of %s", routingCase.file()).isEmpty();
        }
    }

    @TestFactory
    Stream<DynamicNode> throughTheApi() throws IOException {
        cases();
        return CaseTests.of(casesDir(), Routers.defaultRouter(), false);
    }

    @Test
    void throughTheCliAsOneBatch() throws IOException {
        List<RoutingCase> cases = cases().stream().filter(c -> c.request().isPresent()).toList();
        String batch = cases.stream().map(c -> c.requestLine().orElseThrow())
                .collect(Collectors.joining("\n", "", "\n"));

        CliHarness.Result run = CliHarness.route(batch);

        List<Map<String, Object>> lines = JsonTree.lines(run.out());
        assertThat(lines).as("one line per case").hasSize(cases.size());
        for (int i = 0; i < cases.size(); i++) {
            assertThat(CaseCheck.differences(withoutRules(cases.get(i)), lines.get(i)))
                    .as("%s through the CLI, line %d", cases.get(i), i + 1).isEmpty();
        }
        boolean anyRejected = cases.stream().anyMatch(RoutingCase::expectsErrors);
        assertThat(run.status()).as("exit status").isEqualTo(anyRejected ? 1 : 0);
    }

    /** {@code route} does not say which rules fired: the case without that expectation. */
    private static RoutingCase withoutRules(RoutingCase c) {
        Map<String, Object> expect = new HashMap<>(c.expect());
        expect.remove("rules");
        return new RoutingCase(c.file(), c.name(), c.source(), c.request(), c.lookup(), expect, c.problems());
    }
}
