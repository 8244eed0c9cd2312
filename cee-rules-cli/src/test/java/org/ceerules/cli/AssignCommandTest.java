package org.ceerules.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.ceerules.json.JsonTree;
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

    /**
     * B5: {@code 1 + 1e-99999999} has a hundred million digits; summing it hung {@code assign}, and
     * writing {@code 1e-999999999} out exhausted the heap. Beyond 6 decimal places a value is named.
     */
    @Test
    void aValueOfAHugeScaleIsNamedBeforeAnySum() {
        String line = "{\"entryNumber\":\"345-6789012-3\",\"entryType\":\"01\",\"portOfEntry\":\"2704\","
                + "\"entryDate\":\"2018-01-10\",\"lines\":[{\"hts\":\"8517.62.0090\",\"enteredValue\":\"1\"},"
                + "{\"hts\":\"8517.62.0090\",\"enteredValue\":\"%s\"}]}\n";
        for (String value : new String[] {"1e-99999999", "1e-999999999"}) {
            CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> CliRun.run(line.formatted(value), "assign", "--as-of", "2018-01-15"));
            assertThat(run.status()).as(run.err()).isEqualTo(1);
            assertThat(JsonTree.write(run.lines().get(0)))
                    .contains("\"field\":\"entrySummaries[0].lines[1].enteredValue\"")
                    .contains("must have at most 6 decimal places");
        }
    }

    @Test
    void zerosBeyondTheSixthPlaceAreCountedAsTheValue() {
        String line = "{\"entryNumber\":\"345-6789012-3\",\"entryType\":\"01\",\"portOfEntry\":\"2704\","
                + "\"entryDate\":\"2018-01-10\",\"lines\":[{\"hts\":\"8517.62.0090\",\"enteredValue\":\"1\"},"
                + "{\"hts\":\"8517.62.0090\",\"enteredValue\":0E-99999999}]}\n";
        CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> CliRun.run(line, "assign", "--as-of", "2018-01-15"));
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(JsonTree.write(run.lines().get(0))).contains("\"value\":\"1.000000\"");
    }
}
