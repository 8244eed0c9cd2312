package org.ceerules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ceerules.json.JsonTree;
import org.ceerules.testing.CaseFolders;
import org.ceerules.testkit.CaseCheck;
import org.ceerules.testkit.RoutingCase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden cases (which the rules' own module runs through the API) through the command line's
 * {@code route}: every folder as one JSON Lines batch in file-name order, compared line by line,
 * and the exit status of the batch.
 */
class CaseFoldersThroughTheCliTest {

    static Stream<Path> folders() {
        return Stream.of(CaseFolders.project(), CaseFolders.snapshot(), CaseFolders.shared());
    }

    @ParameterizedTest
    @MethodSource("folders")
    void everyCaseOfTheFolderAsOneBatch(Path dir) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(dir), () -> "no routing cases at " + dir.toAbsolutePath());
        List<RoutingCase> cases = RoutingCase.load(dir).stream().filter(c -> c.request().isPresent()).toList();
        Assumptions.assumeFalse(cases.isEmpty(), () -> "no request case in " + dir.toAbsolutePath());
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
