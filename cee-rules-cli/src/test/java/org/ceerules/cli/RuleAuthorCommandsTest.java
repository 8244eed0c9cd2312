package org.ceerules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ceerules.testing.Requests;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rule author's commands, as docs/maintaining-rules.md walks through them: export the shipped
 * rule set, move a heading to another Center from a date, check, test the cases, look up and route
 * with {@code --rules DIR}; and each command's answer to a broken rule set or a failing case.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RuleAuthorCommandsTest {

    /**
     * The source of the change, a row of the bibliography: every data row cites bibliography ids,
     * and every id must resolve to a row of data/sources.csv.
     */
    private static final String DELEGATION_ORDER = "cbp-do-2026-12-01,Delegation order of 2026-12-01 (test),"
            + "U.S. Customs and Border Protection,2026-12-01,CBP delegation order of 2026-12-01 (test),"
            + "https://www.cbp.gov/example/delegation-order-2026-12-01,official\n";
    /** first,last,team,from,to,status,source,note: the source column holds bibliography ids only. */
    private static final String MOVE_8543 = "8543,8543,010,2027-01-01,,inferred,cbp-do-2026-12-01,"
            + "\"8543 moves to Machinery (test)\"\n";

    private Path work;
    private Path rules;
    private Path cases;

    @BeforeAll
    void exportAndChangeTheRuleSet(@TempDir Path temp) throws IOException {
        work = temp;
        rules = work.resolve("my-rules");
        CliRun export = CliRun.real("", "export-rules", rules.toString());
        assertThat(export.status()).isZero();
        assertThat(export.out()).isEmpty();
        // VERSION, 5 DRL files, 11 data files (the bibliography, the delegations, their port lists and
        // port names, the dated measures and the districts treated apart among them)
        assertThat(export.err()).contains("wrote 17 files");
        try (Stream<Path> files = Files.walk(rules)) {
            assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(17);
        }
        append(rules.resolve("data/sources.csv"), DELEGATION_ORDER);
        append(rules.resolve("data/hts-scope.csv"), MOVE_8543);
        Files.writeString(rules.resolve("VERSION"), "2026.12.01-test\n");

        cases = work.resolve("cases");
        Files.createDirectories(cases.resolve("hts"));
        Files.writeString(cases.resolve("hts/hts-8543-machinery-from-2027.json"), """
                {"name": "hts-8543-machinery-from-2027", "source": "cbp-do-2026-12-01 (the test's delegation order)",
                 "lookup": {"hts": "8543.70.9960", "asOf": "2027-01-01"}, "expect": {"center": "010"}}
                """);
        Files.writeString(cases.resolve("participant-routes-to-electronics.json"), """
                {"name": "participant-routes-to-electronics", "source": "tpd-2013, Entry Summary Processes",
                 "request": %s,
                 "expect": {"center": "007",
                            "routes": {"LIQUIDATION": {"type": "CENTER", "code": "007",
                                                       "rule": "the Center liquidates the entry"},
                                       "PAYMENT": {"type": "PORT", "code": "2704"}},
                            "rules": ["test regime: a participating account's entries go to its Center"]}}
                """.formatted(Requests.VALID));
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, Files.readString(file) + text, StandardCharsets.UTF_8);
    }

    @Test
    void checkFindsNoProblemInTheChangedSet() {
        CliRun run = CliRun.real("", "check", rules.toString());
        assertThat(run.status()).isZero();
        // the change adds data rows, no rule: the changed set has exactly the shipped set's rules
        int shipped = org.ceerules.api.Routers.defaultRouter().rules().size();
        assertThat(shipped).isGreaterThan(50);
        assertThat(run.out()).isEqualTo(rules + ": rule set 2026.12.01-test, " + shipped + " rules: no problem found\n");
    }

    @Test
    void lookupAnswersFromTheChangedSetOnEitherSideOfTheDate() {
        CliRun before = CliRun.real("", "lookup", "--rules", rules.toString(), "--as-of", "2026-12-31", "8543.70.9960");
        CliRun after = CliRun.real("", "lookup", "--rules", rules.toString(), "--as-of", "2027-01-01", "8543709960");
        assertThat(before.status()).isZero();
        assertThat(before.lines()).singleElement().satisfies(l -> {
            assertThat(l).containsEntry("center", "007").containsEntry("rulesVersion", "2026.12.01-test");
            assertThat((Map<String, Object>) l.get("row")).containsEntry("range", "85");
        });
        assertThat(after.lines()).singleElement().satisfies(l -> {
            assertThat(l).containsEntry("hts", "8543.70.9960").containsEntry("center", "010")
                    .containsEntry("industry", "Machinery");
            assertThat((Map<String, Object>) l.get("row")).containsEntry("range", "8543")
                    .containsEntry("from", "2027-01-01").containsEntry("status", "inferred")
                    .containsEntry("source", "cbp-do-2026-12-01").containsEntry("file", "data/hts-scope.csv");
        });
        // the embedded set is unchanged
        CliRun embedded = CliRun.real("", "lookup", "--as-of", "2027-01-01", "8543.70.9960");
        assertThat(embedded.lines()).singleElement().satisfies(l -> assertThat(l).containsEntry("center", "007"));
    }

    @Test
    void lookupPutsAnErrorInPlaceOfABadNumberAndNullWhereNoRowCovers() {
        CliRun run = CliRun.real("", "lookup", "--as-of", "2012-01-01", "12", "0201.10.0000", "8517.62.0090");
        assertThat(run.status()).isEqualTo(1);
        List<Map<String, Object>> lines = run.lines();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).containsOnlyKeys("errors");
        assertThat(lines.get(1)).containsEntry("center", null).containsEntry("row", null);
        assertThat(lines.get(2)).containsEntry("center", "007");
    }

    @Test
    void testCasesRunsTheAuthorsCasesAgainstTheChangedSet() {
        CliRun run = CliRun.real("", "test-cases", "--rules", rules.toString(), cases.toString());
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("rule set 2026.12.01-test: ").endsWith("2 passed, 0 failed\n")
                .doesNotContain("FAIL");
        CliRun embedded = CliRun.real("", "test-cases", cases.toString());
        assertThat(embedded.status()).isEqualTo(1);
        assertThat(embedded.out()).contains("FAIL hts-8543-machinery-from-2027 (")
                .contains("  center: expected 010, got 007").endsWith("1 passed, 1 failed\n");
    }

    @Test
    void testCasesNamesTheRulesThatNeverFiredAndFailsWhenCoverageIsRequired() {
        CliRun run = CliRun.real("", "test-cases", "--require-coverage", "--rules", rules.toString(), cases.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("rules that fired for no case (")
                .contains("  drl/exceptions.drl:").contains(": TIB entries stay at the port\n")
                .endsWith("2 passed, 0 failed\n");
    }

    @Test
    void routeCarriesTheChangedSetsVersion() {
        CliRun run = CliRun.real(Requests.VALID + "\n", "route", "--rules", rules.toString());
        assertThat(run.status()).isZero();
        assertThat(run.lines()).singleElement().satisfies(d -> assertThat(d).containsEntry("rulesVersion", "2026.12.01-test"));
        CliRun centers = CliRun.real("", "centers", "--rules", rules.toString());
        assertThat(centers.lines()).hasSize(10).allSatisfy(c -> assertThat(c).containsEntry("rulesVersion", "2026.12.01-test"));
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Mistakes {

        private Path broken;
        /** The lines the report must name: the broken opening date's, the appended row's. */
        private String timelineLine;
        private String htsLine;

        @BeforeAll
        void breakACopy() throws IOException {
            broken = work.resolve("broken");
            assertThat(CliRun.real("", "export-rules", broken.toString()).status()).isZero();
            Path scope = broken.resolve("data/hts-scope.csv");
            append(scope, "8543,8543,011,2027-01-01,,inferred,tpd-2013,x\n");
            htsLine = "data/hts-scope.csv:" + Files.readAllLines(scope).size() + ": team must be a Center's team code, "
                    + "001 to 010, or empty for no Center, was \"011\"";
            Path timeline = broken.resolve("data/center-timeline.csv");
            List<String> opened = new java.util.ArrayList<>(Files.readAllLines(timeline));
            int petroleum = opened.indexOf(opened.stream().filter(l -> l.startsWith("006,2012-10-01,")).findFirst()
                    .orElseThrow(() -> new AssertionError("no opening row of 006 on 2012-10-01")));
            opened.set(petroleum, opened.get(petroleum).replace("006,2012-10-01,", "006,2012-09-31,"));
            Files.write(timeline, opened);
            timelineLine = "data/center-timeline.csv:" + (petroleum + 1)
                    + ": opened must be a date yyyy-MM-dd, was \"2012-09-31\"";
        }

        @Test
        void checkPrintsEveryProblemWithFileAndLineAndExitsOne() {
            CliRun run = CliRun.real("", "check", broken.toString());
            assertThat(run.status()).isEqualTo(1);
            assertThat(run.out().lines()).containsExactly(timelineLine, htsLine,
                    broken + ": 2 problem(s); the router refuses this rule set");
        }

        @Test
        void theRouterRefusesToStartWithTheSameReport() {
            CliRun run = CliRun.real(Requests.VALID + "\n", "route", "--rules", broken.toString());
            assertThat(run.status()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err().lines()).containsExactly("cee-rules: the knowledge base failed to load, 2 problem(s):",
                    timelineLine, htsLine);
        }
    }

    @Test
    void aRulesDirectoryThatIsNotOneIsAUsageError() {
        Path missing = work.resolve("no-such-rules");
        for (String command : List.of("route", "explain", "centers", "lookup")) {
            String[] args = command.equals("lookup") ? new String[] {command, "--rules", missing.toString(), "8543.70.9960"}
                    : new String[] {command, "--rules", missing.toString()};
            CliRun run = CliRun.real(Requests.VALID + "\n", args);
            assertThat(run.status()).as(command).isEqualTo(2);
            assertThat(run.err()).as(command).contains("cee-rules: cannot read the rule set: not a directory: " + missing);
        }
        assertThat(CliRun.real("", "check", missing.toString()).status()).isEqualTo(2);
        assertThat(CliRun.real("", "test-cases", missing.toString()).status()).isEqualTo(2);
    }

    @Test
    void exportRulesRefusesADirectoryThatHoldsFiles() {
        CliRun run = CliRun.real("", "export-rules", rules.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("exists and is not an empty directory");
    }
}
