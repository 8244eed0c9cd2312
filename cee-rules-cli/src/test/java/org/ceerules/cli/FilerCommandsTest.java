package org.ceerules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ceerules.testing.Requests;
import org.ceerules.json.JsonTree;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The filers' commands: {@code subject}, {@code team} and {@code assign}, and the submissions in {@code route}. */
class FilerCommandsTest {

    private static final Path SAMPLES = MainTest.SAMPLES;
    private static final String ONE = SAMPLES.resolve("participant-consumption.json").toString();
    private static final String IMPORTER = SAMPLES.resolve("importer-entries.jsonl").toString();

    /** An account in no Center: the port handles everything. */
    /** An account assigned to no Center, routed under the regulations (in 2016 the delegation would claim its entry). */
    private static final String UNASSIGNED = Requests.change(Requests.change(Requests.change(Requests.change(
            Requests.without("account.center"), "account.participationStart", Requests.REMOVE),
            "account.withdrawalEffective", Requests.REMOVE), "asOf", "2018-03-01"), "entrySummary.entryDate", "2018-02-20");

    private static Map<String, Object> only(CliRun run) {
        List<Map<String, Object>> lines = run.lines();
        assertThat(lines).hasSize(1);
        return lines.get(0);
    }

    @Nested
    class Route {

        @SuppressWarnings("unchecked")
        @Test
        void centerRoutesCarryTheSubmissionOfTheProcedures() {
            CliRun run = CliRun.run("", "route", ONE);
            assertThat(run.status()).isZero();
            List<Map<String, Object>> routes = (List<Map<String, Object>>) only(run).get("routes");
            Map<String, Object> dr = routes.get(1);
            assertThat(dr.get("function")).isEqualTo("ENTRY_SUMMARY_REVIEW");
            // routed in 2016: the subject-line format of the 2013 procedures is confirmed
            assertThat(dr.get("submission")).isEqualTo(Map.of("to", List.of("CEE-Electronics@cbp.dhs.gov"),
                    "subject", "DR,NokiaInc,345-67890123,2704", "certainty", "confirmed"));
            assertThat(routes).filteredOn(r -> r.containsKey("submission"))
                    .extracting(r -> ((Map<String, Object>) r.get("submission")).get("subject").toString()
                            .split(",")[0])
                    .containsExactly("DR", "F28", "F29", "R", "CA", "CE", "PE", "5D", "PR", "PD");
            assertThat(routes).filteredOn(r -> r.get("function").equals("PAYMENT"))
                    .allSatisfy(r -> assertThat(r).doesNotContainKey("submission"));
        }

        @SuppressWarnings("unchecked")
        @Test
        void explainWritesTheSameSubmissions() {
            List<Map<String, Object>> routed = (List<Map<String, Object>>) only(CliRun.run("", "route", ONE)).get("routes");
            List<Map<String, Object>> explained = (List<Map<String, Object>>) only(CliRun.run("", "explain", ONE))
                    .get("routes");
            for (int i = 0; i < routed.size(); i++) {
                assertThat(explained.get(i).get("submission")).isEqualTo(routed.get(i).get("submission"));
            }
        }

        @SuppressWarnings("unchecked")
        @Test
        void aPortDecisionHasNoSubmission() {
            CliRun run = CliRun.run(UNASSIGNED, "route");
            List<Map<String, Object>> routes = (List<Map<String, Object>>) only(run).get("routes");
            assertThat(routes).allSatisfy(r -> assertThat(r).doesNotContainKey("submission"));
        }

        @SuppressWarnings("unchecked")
        @Test
        void theSubjectIsTheEntrysOwnInEveryLineOfABatch() {
            String a = Requests.change(Requests.VALID, "account.name", "Müller & Söhne GmbH");
            String b = Requests.change(Requests.VALID, "account.name", "AT&T Inc.");
            String c = Requests.change(Requests.VALID, "account.name", "株式会社 東芝 𐌰𐌱");
            List<Map<String, Object>> lines = CliRun.run(a + "\n" + b + "\n" + a + "\n" + c + "\n", "route").lines();
            assertThat(lines).extracting(l -> ((Map<String, Object>) ((List<Map<String, Object>>) l.get("routes")).get(2)
                    .get("submission")).get("subject"))
                    .containsExactly("F28,MullerSohn,345-67890123,2704", "F28,ATTInc,345-67890123,2704",
                            "F28,MullerSohn,345-67890123,2704", "F28,株式会社東芝𐌰𐌱,345-67890123,2704");
        }
    }

    @Nested
    class Subject {

        @Test
        void aFunctionsAbbreviationFollowsItsRoute() {
            CliRun run = CliRun.run("", "subject", "F28", ONE);
            assertThat(run.status()).isZero();
            Map<String, Object> line = only(run);
            assertThat(line.get("function")).isEqualTo("REQUEST_FOR_INFORMATION");
            assertThat(line.get("center")).isEqualTo("007");
            assertThat(line.get("submission")).isEqualTo(Map.of("to", List.of("CEE-Electronics@cbp.dhs.gov"),
                    "subject", "F28,NokiaInc,345-67890123,2704", "certainty", "confirmed"));
            assertThat(line.get("rule")).isEqualTo("the Center issues Requests for Information (CF-28)");
        }

        /** Regression: the subject line's submission had no certainty, which a route's submission has. */
        @SuppressWarnings("unchecked")
        @Test
        void theSubmissionIsTheRoutesOwnCertaintyIncluded() {
            for (String asOf : List.of("2016-05-02", "2018-03-01")) {
                String request = Requests.change(Requests.VALID, "asOf", asOf);
                Map<String, Object> route = ((List<Map<String, Object>>) only(CliRun.run(request, "route")).get("routes"))
                        .stream().filter(r -> r.get("function").equals("REQUEST_FOR_INFORMATION")).findFirst().orElseThrow();
                Map<String, Object> subject = only(CliRun.run(request, "subject", "F28"));
                assertThat(subject.get("submission")).as(asOf).isEqualTo(route.get("submission"));
            }
            // after the 2013 procedures' subject-line section was replaced, the format is inferred
            Map<String, Object> later = only(CliRun.run(Requests.change(Requests.VALID, "asOf", "2018-03-01"), "subject", "a"));
            assertThat(((Map<?, ?>) later.get("submission")).get("certainty")).isEqualTo("inferred");
        }

        @Test
        void anAbbreviationOfNoFunctionGoesToTheCenterWithJurisdiction() {
            Map<String, Object> line = only(CliRun.run(Requests.VALID, "subject", "a"));
            assertThat(line.get("abbreviation")).isEqualTo("A");
            assertThat(line.get("function")).isNull();
            assertThat(((Map<?, ?>) line.get("submission")).get("subject")).isEqualTo("A,NokiaInc,345-67890123,2704");
        }

        @Test
        void documentsThatGoToThePortGetAnErrorSayingSo() {
            CliRun run = CliRun.run(UNASSIGNED, "subject", "F28");
            assertThat(run.status()).isEqualTo(1);
            assertThat(JsonTree.write(only(run))).contains("is handled by PORT 2704").contains("no subject line applies")
                    // the abbreviation as the user gave it, as for the others (regression: FORM_28 (Form 28))
                    .contains("\"message\":\"F28 (").doesNotContain("FORM_28");
            CliRun general = CliRun.run(UNASSIGNED, "subject", "I");
            assertThat(general.status()).isEqualTo(1);
            assertThat(JsonTree.write(only(general))).contains("no Center has jurisdiction");
        }

        @Test
        void anInvalidRequestGetsItsErrors() {
            CliRun run = CliRun.run(Requests.with("entrySummary.portOfEntry", "\"27A4\""), "subject", "DR");
            assertThat(run.status()).isEqualTo(1);
            assertThat(JsonTree.write(only(run))).contains("entrySummary.portOfEntry");
        }

        @Test
        void usageErrors() {
            CliRun unknown = CliRun.run(Requests.VALID, "subject", "XX");
            assertThat(unknown.status()).isEqualTo(2);
            assertThat(unknown.out()).isEmpty();
            assertThat(unknown.err()).contains("unknown subject abbreviation \"XX\": one of DR, CE, PR");
            CliRun two = CliRun.run(Requests.VALID + "\n" + Requests.VALID + "\n", "subject", "DR");
            assertThat(two.status()).isEqualTo(2);
            assertThat(two.err()).contains("more than one request");
            assertThat(CliRun.run("", "subject", "DR").err()).contains("no request");
            assertThat(CliRun.run("", "subject", "DR", "no/such/file.json").err()).contains("no such file");
        }
    }

    @Nested
    class Team {

        @ParameterizedTest(name = "{0}")
        @CsvSource(nullValues = "-", textBlock = """
            CE4, 004, secondary
            ab0, 010, inferred
            X1Z, -,   inferred
            """)
        void oneLinePerNumber(String number, String center, String status) {
            CliRun run = CliRun.run("", "team", number);
            assertThat(run.status()).isZero();
            Map<String, Object> line = only(run);
            assertThat(line.get("teamNumber")).isEqualTo(number.toUpperCase());
            assertThat(line.get("center")).isEqualTo(center);
            assertThat(line.get("status")).isEqualTo(status);
            assertThat(line.get("source")).isEqualTo("customsnow-2017-06-07");
        }

        /** A three-character number keeps its fields and their meaning; the new ones come after. */
        @Test
        void aTeamNumbersLineKeepsItsFieldsAndAddsItsReading() {
            Map<String, Object> line = only(CliRun.run("", "team", "CE4"));
            assertThat(line.keySet()).containsExactly("teamNumber", "center", "industry", "status", "source", "reading");
            assertThat(line.get("industry")).isEqualTo("Apparel, Footwear & Textiles");
            assertThat(line.get("reading")).asString().contains("the reading holds for team numbers from 2015-2017");
            assertThat(only(CliRun.run("", "team", "AB0")).get("reading")).asString().contains("no source names 0");
        }

        @Test
        void noLineNamesAnInternalDocument() {
            CliRun run = CliRun.run("", "team", "--together", "CE1", "CE4", "AB0", "X1Z", "CEE004");
            assertThat(run.out()).doesNotContainIgnoringCase("seed").doesNotContain("DOMAIN").doesNotContain("DESIGN");
        }

        @Test
        void anInvalidNumberGetsAnErrorInPlace() {
            CliRun run = CliRun.run("", "team", "CE4", "C-4", "AB7");
            assertThat(run.status()).isEqualTo(1);
            assertThat(run.lines()).extracting(l -> l.containsKey("errors")).containsExactly(false, true, false);
        }

        @Test
        void togetherSaysWhetherTheNumbersNameOneCenter() {
            List<Map<String, Object>> same = CliRun.run("", "team", "--together", "CE4", "DX4").lines();
            assertThat(same).hasSize(3);
            assertThat(same.get(2).get("center")).isEqualTo("004");
            assertThat(same.get(2).get("assignment")).isEqualTo("MOST_LIKELY");
            assertThat(same.get(2).get("reading")).asString().contains("most likely assigned");
            List<Map<String, Object>> differ = CliRun.run("", "team", "--together", "CE4", "DX7").lines();
            assertThat(differ.get(2).get("center")).isNull();
            assertThat(differ.get(2).get("reading")).asString().contains("not yet assigned");
            assertThat(differ.get(2).get("assignment")).isEqualTo("NOT_YET_ASSIGNED");
        }

        /** One number is evidence, not an assignment: CBP's advice needs several. */
        @ParameterizedTest
        @CsvSource({"CE4", "AB0", "X1Z"})
        void togetherWithOneNumberSaysThereIsNotEnoughEvidence(String number) {
            List<Map<String, Object>> lines = CliRun.run("", "team", "--together", number).lines();
            assertThat(lines).hasSize(2);
            Map<String, Object> together = lines.get(1);
            assertThat(together.get("teamNumbers")).isEqualTo(List.of(number));
            assertThat(together.get("center")).isNull();
            assertThat(together.get("industry")).isNull();
            assertThat(together.get("assignment")).isEqualTo("NOT_ENOUGH_EVIDENCE");
            assertThat(together.get("reading")).asString().contains("not enough evidence")
                    .doesNotContain("most likely").doesNotContain("is assigned").doesNotContain("not yet assigned");
        }

        @Test
        void aCenterIdNamesTheAssignedCenter() {
            CliRun run = CliRun.run("", "team", "CEE004");
            assertThat(run.status()).isZero();
            Map<String, Object> line = only(run);
            assertThat(line.get("centerId")).isEqualTo("CEE004");
            assertThat(line.get("center")).isEqualTo("004");
            assertThat(line.get("industry")).isEqualTo("Apparel, Footwear & Textiles");
            assertThat(line.get("assignment")).isEqualTo("ASSIGNED");
            assertThat(line.get("status")).isEqualTo("confirmed");
            assertThat(line.get("source")).isEqualTo("cbp-center-id");
            assertThat(line.get("reading")).asString()
                    .contains("assigned to the Apparel, Footwear & Textiles Center (team 004)");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(textBlock = """
            NOTELG, NOT_ELIGIBLE, not Center eligible
            pnding, PENDING,      pending
            """)
        void notEligibleAndPendingAreRecognisedAndNameNoCenter(String id, String assignment, String words) {
            CliRun run = CliRun.run("", "team", id);
            assertThat(run.status()).isZero();
            Map<String, Object> line = only(run);
            assertThat(line.get("centerId")).isEqualTo(id.toUpperCase());
            assertThat(line.get("center")).isNull();
            assertThat(line.get("industry")).isNull();
            assertThat(line.get("assignment")).isEqualTo(assignment);
            assertThat(line.get("status")).isEqualTo("confirmed");
            assertThat(line.get("source")).isEqualTo("cbp-center-id");
            assertThat(line.get("reading")).asString().contains(words);
        }

        @Test
        void anInvalidCenterIdIsNamedSo() {
            CliRun run = CliRun.run("", "team", "CEE011", "CEE4", "CEE004");
            assertThat(run.status()).isEqualTo(1);
            assertThat(run.lines().get(0)).isEqualTo(Map.of("errors", List.of(Map.of("field", "centerId", "message",
                    "must be a Center ID of ACE, CEE001 to CEE010, NOTELG or PNDING, was \"CEE011\""))));
            assertThat(run.lines().get(1).toString()).contains("centerId");
            assertThat(run.lines().get(2).get("center")).isEqualTo("004");
        }

        @Test
        void togetherACenterIdDecidesOverTheTeamNumbers() {
            List<Map<String, Object>> lines = CliRun.run("", "team", "--together", "CE4", "DX7", "CEE004").lines();
            assertThat(lines).hasSize(4);
            Map<String, Object> together = lines.get(3);
            assertThat(together.get("teamNumbers")).isEqualTo(List.of("CE4", "DX7"));
            assertThat(together.get("centerIds")).isEqualTo(List.of("CEE004"));
            assertThat(together.get("center")).isEqualTo("004");
            assertThat(together.get("assignment")).isEqualTo("ASSIGNED");
            assertThat(together.get("status")).isEqualTo("confirmed");
            assertThat(together.get("source")).isEqualTo("cbp-center-id");
            assertThat(together.get("disagreeing")).isEqualTo(List.of("DX7"));

            Map<String, Object> alone = CliRun.run("", "team", "--together", "CEE007").lines().get(1);
            assertThat(alone.get("center")).isEqualTo("007");
            assertThat(alone.get("assignment")).isEqualTo("ASSIGNED");

            Map<String, Object> pending = CliRun.run("", "team", "--together", "CE4", "DX4", "PNDING").lines().get(3);
            assertThat(pending.get("center")).isNull();
            assertThat(pending.get("assignment")).isEqualTo("PENDING");
            assertThat(pending.get("disagreeing")).isEqualTo(List.of("CE4", "DX4"));

            Map<String, Object> conflict = CliRun.run("", "team", "--together", "CEE004", "CEE007").lines().get(2);
            assertThat(conflict.get("center")).isNull();
            assertThat(conflict.get("assignment")).isEqualTo("CONFLICTING_CENTER_IDS");
        }

        @ParameterizedTest(name = "{0}: {1}")
        @CsvSource(textBlock = """
            2014-12-31, inferred,  customsnow-2017-06-07
            2016-05-02, secondary, customsnow-2017-06-07
            2020-06-17, secondary, customsnow-2017-06-07
            2020-06-18, inferred,  'customsnow-2017-06-07, csms-43089259'
            2023-02-01, inferred,  'customsnow-2017-06-07, csms-43089259'
            """)
        void asOfDatesTheReading(String asOf, String status, String source) {
            CliRun run = CliRun.run("", "team", "--as-of", asOf, "CE4");
            assertThat(run.status()).isZero();
            Map<String, Object> line = only(run);
            assertThat(line.get("center")).isEqualTo("004");
            assertThat(line.get("status")).isEqualTo(status);
            assertThat(line.get("source")).isEqualTo(source);
            assertThat(line.get("asOf")).isEqualTo(asOf);
            assertThat(line.get("reading")).asString().contains("dated " + asOf);
        }

        @Test
        void togetherIsAsSureAsItsWeakestReading() {
            Map<String, Object> together = CliRun.run("", "team", "--together", "--as-of", "2021-03-01", "CE4", "DX4")
                    .lines().get(2);
            assertThat(together.get("assignment")).isEqualTo("MOST_LIKELY");
            assertThat(together.get("status")).isEqualTo("inferred");
            assertThat(together.get("source")).isEqualTo("customsnow-2017-06-07, csms-43089259");
        }

        @Test
        void aBadAsOfIsAUsageError() {
            CliRun run = CliRun.run("", "team", "--as-of", "2020-13-01", "CE4");
            assertThat(run.status()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
        }
    }

    @Nested
    class Assign {

        @SuppressWarnings("unchecked")
        @Test
        void theSampleImportersMeasuresDisagreeAndAnAppealMayBeWarranted() {
            CliRun run = CliRun.run("", "assign", "--as-of", "2018-01-15", "--center", "005", IMPORTER);
            assertThat(run.status()).isZero();
            Map<String, Object> advice = only(run);
            assertThat(advice.get("entrySummaries")).isEqualTo(new java.math.BigDecimal(5));
            assertThat(advice.get("outOfScope")).isEqualTo(Map.of("lines", new java.math.BigDecimal(1), "value", "450.00"));
            assertThat((List<Map<String, Object>>) advice.get("shares")).extracting(s -> s.get("center"))
                    .containsExactly("005", "007", "010");
            assertThat(((Map<String, Object>) advice.get("byLines")).get("center")).isEqualTo("007");
            assertThat(((Map<String, Object>) advice.get("byValue")).get("center")).isEqualTo("005");
            assertThat(advice.get("agree")).isEqualTo(false);
            Map<String, Object> appeal = (Map<String, Object>) advice.get("appeal");
            assertThat(appeal.get("mayBeWarranted")).isEqualTo(true);
            assertThat(appeal.get("reason")).asString().contains("points to 007");
        }

        @Test
        void aWholeRequestCountsItsEntrySummary() {
            CliRun run = CliRun.run("", "assign", "--as-of", "2018-01-15", ONE);
            assertThat(run.status()).isZero();
            assertThat(JsonTree.write(only(run).get("byValue"))).contains("\"center\":\"007\"");
        }

        @Test
        void anInvalidEntrySummaryYieldsItsErrorsAndNoAdvice() {
            CliRun run = CliRun.run("", "assign", SAMPLES.resolve("batch.jsonl").toString());
            assertThat(run.status()).isEqualTo(1);
            assertThat(JsonTree.write(only(run))).contains("\"field\":\"entrySummaries[6].portOfEntry\"")
                    .contains("\"field\":\"entrySummaries[7]\"").doesNotContain("byLines");
        }

        @Test
        void noInputOrNoLineInAnyCentersScopeIsAnErrorNotAGuess() {
            CliRun empty = CliRun.run("", "assign");
            assertThat(empty.status()).isEqualTo(1);
            assertThat(JsonTree.write(only(empty))).contains("no entry summaries");
            String special = Requests.change(Requests.VALID, "entrySummary.lines[0].hts", "9801.00.1098");
            CliRun unknown = CliRun.run(special, "assign", "--as-of", "2018-01-15");
            assertThat(unknown.status()).isEqualTo(1);
            assertThat(JsonTree.write(only(unknown))).contains("none of the 1 lines falls in a Center's industry");
        }

        @Test
        void aBadCurrentCenterIsAUsageError() {
            CliRun run = CliRun.run("", "assign", "--center", "011", IMPORTER);
            assertThat(run.status()).isEqualTo(2);
            assertThat(run.err()).contains("--center must be a Center's team code");
        }
    }
}
