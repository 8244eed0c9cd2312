package org.ceerules.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.ceerules.examples.json.JsonTree;
import org.junit.jupiter.api.Test;

/** {@code assign} on entry summaries whose errors are named outside {@code entrySummary}. */
class AssignCommandTest {

    /** B4: an unknown field at the root has a path without a dot; it was cut with substring(-1). */
    @Test
    void anUnknownFieldAtTheRootIsNamedNotAnInternalError() {
        CliRun run = CliRun.run("{\"x\":1}\n", "assign");
        assertThat(run.err()).doesNotContain("internal error");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.lines()).hasSize(1);
        assertThat(JsonTree.write(run.lines().get(0))).contains("\"field\":\"entrySummaries[0].x\"")
                .contains("unknown field");
    }

    @Test
    void anUnknownFieldWithAnOddNameAtTheRootIsNamedInBrackets() {
        CliRun run = CliRun.run("{\"a.b c\":1}\n{\"\":2}\n", "assign");
        assertThat(run.err()).doesNotContain("internal error");
        assertThat(run.status()).isEqualTo(1);
        assertThat(JsonTree.write(run.lines().get(0))).contains("\"field\":\"entrySummaries[0][\\\"a.b c\\\"]\"")
                .contains("\"field\":\"entrySummaries[1][\\\"\\\"]\"");
    }

    @Test
    void theFieldsOfAWholeRequestKeepTheirPathUnderTheEntrySummary() {
        CliRun run = CliRun.run("{\"entrySummary\":{\"y\":1},\"z\":2}\n", "assign");
        assertThat(run.status()).isEqualTo(1);
        assertThat(JsonTree.write(run.lines().get(0))).contains("\"field\":\"entrySummaries[0].y\"")
                .contains("\"field\":\"entrySummaries[0].z\"");
    }
}
