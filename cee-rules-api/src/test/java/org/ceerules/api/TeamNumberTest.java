package org.ceerules.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ceerules.api.TeamNumber.Reading;
import org.ceerules.api.TeamNumber.Together;
import org.ceerules.api.TeamNumber.Together.Assignment;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TeamNumberTest {

    /**
     * customsnow-2017-06-07, a trade-press report of CBP's 2017 symposium (secondary): the third
     * digit names the Center; 0 is Machinery, our reading.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
        CE1, 001, SECONDARY
        XY2, 002, SECONDARY
        AB3, 003, SECONDARY
        CE4, 004, SECONDARY
        ce4, 004, SECONDARY
        005, 005, SECONDARY
        9Z6, 006, SECONDARY
        C17, 007, SECONDARY
        AA8, 008, SECONDARY
        B09, 009, SECONDARY
        AB0, 010, INFERRED
        """)
    void theThirdDigitNamesTheCenter(String number, String team, Certainty certainty) {
        TeamNumber teamNumber = TeamNumber.of(number);
        assertThat(teamNumber.center()).contains(Center.ofTeamCode(team).orElseThrow());
        assertThat(Center.ofTeamNumber(number)).isEqualTo(teamNumber.center());
        assertThat(teamNumber.certainty()).contains(certainty);
        assertThat(teamNumber.source()).contains("customsnow-2017-06-07");
        assertThat(teamNumber.value()).isEqualTo(number.toUpperCase());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABC", "12X", "C1a", "00Z"})
    void aThirdLetterIsAPortTeam(String number) {
        assertThat(Center.ofTeamNumber(number)).isEmpty();
        assertThat(TeamNumber.of(number).certainty()).isEmpty();
        assertThat(TeamNumber.of(number).source()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12", "1234", "C-4", "C 4", " C4", "CÉ4", "١٢٣"})
    void anythingButThreeLettersOrDigitsIsRefused(String number) {
        assertThatThrownBy(() -> Center.ofTeamNumber(number)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("teamNumber: must be 3 letters or digits");
    }

    @Test
    void nullIsRefusedByName() {
        assertThatThrownBy(() -> TeamNumber.of(null)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("teamNumber: is required");
    }

    @Test
    void numbersConsistentlyNamingOneCenterNameIt() {
        assertThat(TeamNumber.commonCenter(List.of(TeamNumber.of("CE4"), TeamNumber.of("DX4"), TeamNumber.of("114"))))
                .contains(Center.APPAREL_FOOTWEAR_TEXTILES);
        assertThat(TeamNumber.commonCenter(List.of(TeamNumber.of("CE4")))).contains(Center.APPAREL_FOOTWEAR_TEXTILES);
    }

    @Test
    void numbersNamingDifferentCentersOrAPortTeamNameNone() {
        assertThat(TeamNumber.commonCenter(List.of(TeamNumber.of("CE4"), TeamNumber.of("CE7")))).isEmpty();
        assertThat(TeamNumber.commonCenter(List.of(TeamNumber.of("CE4"), TeamNumber.of("ABC")))).isEmpty();
        assertThat(TeamNumber.commonCenter(List.of(TeamNumber.of("ABC"), TeamNumber.of("ABC")))).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> TeamNumber.commonCenter(List.of()));
    }

    /** The data file cites the bibliography by id, and names no document a user cannot open. */
    @Nested
    class DataFile {

        private static String text() throws IOException {
            try (InputStream in = TeamNumber.class.getResourceAsStream("team-number-digits.csv")) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }

        private static List<List<String>> rows() throws IOException {
            List<List<String>> rows = new ArrayList<>();
            for (String line : text().split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(Checks.splitCsv(line));
                }
            }
            return rows.subList(1, rows.size());
        }

        @Test
        void namesNoInternalDocumentNorIssue() throws IOException {
            assertThat(text()).doesNotContainIgnoringCase("seed").doesNotContain("DOMAIN").doesNotContain("DESIGN")
                    .doesNotContainPattern("(?i)issue\\s*#?[0-9]");
        }

        @Test
        void theSourceColumnHoldsBibliographyIdsOnly() throws IOException {
            assertThat(rows()).hasSize(10).allSatisfy(row -> assertThat(row.get(3)).isEqualTo("customsnow-2017-06-07"));
        }

        @Test
        void digitZeroIsInferredAndItsNoteSaysNoSourceNamesIt() throws IOException {
            assertThat(rows()).filteredOn(row -> row.get(0).equals("0")).singleElement().satisfies(row -> {
                assertThat(row.get(1)).isEqualTo("010");
                assertThat(row.get(2)).isEqualTo("inferred");
                assertThat(row.get(4)).contains("no source names 0");
            });
            assertThat(TeamNumber.of("AB0").reading().note()).contains("no source names 0");
        }
    }

    /** The reading was observed on 2015-2017 numbers; CBP updated the team codes on 2020-06-18. */
    @Nested
    class Dated {

        @Test
        void undatedTheReadingHoldsForNumbersFrom2015To2017() {
            Reading reading = TeamNumber.of("CE4").reading();
            assertThat(reading.printedOn()).isEmpty();
            assertThat(reading.center()).contains(Center.APPAREL_FOOTWEAR_TEXTILES);
            assertThat(reading.certainty()).isEqualTo(Certainty.SECONDARY);
            assertThat(reading.sources()).containsExactly("customsnow-2017-06-07");
            assertThat(reading.note()).contains("team 004, Apparel, Footwear & Textiles")
                    .contains("the reading holds for team numbers from 2015-2017");
        }

        @ParameterizedTest(name = "{0} on {1}: {2}")
        @CsvSource(textBlock = """
            CE4, 2014-12-31, INFERRED
            CE4, 2015-01-01, SECONDARY
            CE4, 2016-05-02, SECONDARY
            CE4, 2018-03-01, SECONDARY
            CE4, 2020-06-17, SECONDARY
            CE4, 2020-06-18, INFERRED
            CE4, 2024-01-10, INFERRED
            AB0, 2016-05-02, INFERRED
            X1Z, 2016-05-02, INFERRED
            X1Z, 2021-05-02, INFERRED
            """)
        void aNumberDatedOnOrAfterTheUpdateOrBefore2015IsInferred(String number, LocalDate printedOn,
                Certainty certainty) {
            Reading reading = TeamNumber.of(number).reading(printedOn);
            assertThat(reading.printedOn()).contains(printedOn);
            assertThat(reading.certainty()).isEqualTo(certainty);
            assertThat(reading.center()).isEqualTo(TeamNumber.of(number).center());
            assertThat(reading.note()).contains("dated " + printedOn);
        }

        @Test
        void afterTheUpdateTheUpdateIsCitedAndSaid() {
            Reading reading = TeamNumber.of("CE4").reading(LocalDate.of(2021, 3, 1));
            assertThat(reading.sources()).containsExactly("customsnow-2017-06-07", "csms-43089259");
            assertThat(reading.note()).contains("on or after 2020-06-18").contains("may no longer hold");
            assertThat(TeamNumber.of("CE4").reading(LocalDate.of(2020, 6, 17)).sources())
                    .containsExactly("customsnow-2017-06-07");
        }

        @Test
        void aPortTeamIsNamedSo() {
            Reading reading = TeamNumber.of("X1Z").reading();
            assertThat(reading.center()).isEmpty();
            assertThat(reading.certainty()).isEqualTo(Certainty.INFERRED);
            assertThat(reading.sources()).containsExactly("customsnow-2017-06-07");
            assertThat(reading.note()).contains("a port's team");
        }

        @Test
        void aDateOutOfRangeOrNullIsRefused() {
            assertThatThrownBy(() -> TeamNumber.of("CE4").reading(LocalDate.of(1899, 12, 31)))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("printedOn");
            assertThatThrownBy(() -> TeamNumber.of("CE4").reading(null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new Reading(null, Optional.empty())).isInstanceOf(NullPointerException.class);
        }
    }

    /** One number is evidence; several naming one Center, CBP's advice; a Center ID decides. */
    @Nested
    class TogetherReading {

        private static List<Reading> undated(String... numbers) {
            return java.util.Arrays.stream(numbers).map(n -> TeamNumber.of(n).reading()).toList();
        }

        private static List<CenterId> ids(String... ids) {
            return java.util.Arrays.stream(ids).map(CenterId::of).toList();
        }

        @ParameterizedTest
        @ValueSource(strings = {"CE4", "AB0", "X1Z"})
        void oneNumberIsNotEnoughEvidence(String number) {
            Together together = TeamNumber.together(undated(number), List.of());
            assertThat(together.assignment()).isEqualTo(Assignment.NOT_ENOUGH_EVIDENCE);
            assertThat(together.center()).isEmpty();
            assertThat(together.disagreeing()).isEmpty();
        }

        @Test
        void severalNumbersNamingOneCenterNameTheMostLikelyCenter() {
            Together together = TeamNumber.together(undated("CE4", "DX4"), List.of());
            assertThat(together.assignment()).isEqualTo(Assignment.MOST_LIKELY);
            assertThat(together.center()).contains(Center.APPAREL_FOOTWEAR_TEXTILES);
            assertThat(together.certainty()).isEqualTo(Certainty.SECONDARY);
            assertThat(together.sources()).containsExactly("customsnow-2017-06-07");
            assertThat(TeamNumber.together(undated("CE4", "CE4"), List.of()).assignment())
                    .as("the same team on two entry summaries").isEqualTo(Assignment.MOST_LIKELY);
        }

        @Test
        void severalNumbersNotNamingOneCenterMeanNotYetAssigned() {
            assertThat(TeamNumber.together(undated("CE4", "DX7"), List.of()).assignment())
                    .isEqualTo(Assignment.NOT_YET_ASSIGNED);
            Together withAPortTeam = TeamNumber.together(undated("CE4", "X1Z", "DX4"), List.of());
            assertThat(withAPortTeam.assignment()).isEqualTo(Assignment.NOT_YET_ASSIGNED);
            assertThat(withAPortTeam.center()).isEmpty();
        }

        @Test
        void theWeakestReadingAndEverySourceCount() {
            List<Reading> readings = List.of(TeamNumber.of("CE4").reading(LocalDate.of(2016, 5, 2)),
                    TeamNumber.of("DX4").reading(LocalDate.of(2021, 3, 1)));
            Together together = TeamNumber.together(readings, List.of());
            assertThat(together.assignment()).isEqualTo(Assignment.MOST_LIKELY);
            assertThat(together.certainty()).isEqualTo(Certainty.INFERRED);
            assertThat(together.sources()).containsExactly("customsnow-2017-06-07", "csms-43089259");
            assertThat(TeamNumber.together(undated("AB0", "CD0"), List.of()).certainty())
                    .isEqualTo(Certainty.INFERRED);
        }

        @Test
        void aCenterIdDecidesAndTheNumbersSayingOtherwiseAreListed() {
            Together together = TeamNumber.together(undated("CE4", "DX7", "X1Z"), ids("CEE004"));
            assertThat(together.assignment()).isEqualTo(Assignment.ASSIGNED);
            assertThat(together.center()).contains(Center.APPAREL_FOOTWEAR_TEXTILES);
            assertThat(together.certainty()).isEqualTo(Certainty.CONFIRMED);
            assertThat(together.sources()).containsExactly("cbp-center-id");
            assertThat(together.disagreeing()).extracting(TeamNumber::value).containsExactly("DX7", "X1Z");

            Together alone = TeamNumber.together(List.of(), ids("cee010"));
            assertThat(alone.assignment()).isEqualTo(Assignment.ASSIGNED);
            assertThat(alone.center()).contains(Center.MACHINERY);
            assertThat(TeamNumber.together(undated("CE7"), ids("CEE007")).disagreeing()).isEmpty();
        }

        @Test
        void aCenterIdNamingNoCenterNamesNone() {
            Together notEligible = TeamNumber.together(undated("CE4", "DX4"), ids("NOTELG"));
            assertThat(notEligible.assignment()).isEqualTo(Assignment.NOT_ELIGIBLE);
            assertThat(notEligible.center()).isEmpty();
            assertThat(notEligible.disagreeing()).extracting(TeamNumber::value).containsExactly("CE4", "DX4");
            Together pending = TeamNumber.together(undated("X1Z"), ids("PNDING"));
            assertThat(pending.assignment()).isEqualTo(Assignment.PENDING);
            assertThat(pending.center()).isEmpty();
            assertThat(pending.disagreeing()).isEmpty();
        }

        @Test
        void centerIdsThatDifferNameNoCenter() {
            Together together = TeamNumber.together(undated("CE4", "DX4"), ids("CEE004", "PNDING"));
            assertThat(together.assignment()).isEqualTo(Assignment.CONFLICTING_CENTER_IDS);
            assertThat(together.center()).isEmpty();
            assertThat(together.disagreeing()).isEmpty();
            assertThat(TeamNumber.together(List.of(), ids("CEE004", "cee004")).assignment())
                    .isEqualTo(Assignment.ASSIGNED);
        }

        @Test
        void nothingIsRefusedAndTheListsAreCopied() {
            assertThatIllegalArgumentException().isThrownBy(() -> TeamNumber.together(List.of(), List.of()));
            List<Reading> readings = new ArrayList<>(undated("CE4"));
            Together together = TeamNumber.together(readings, List.of());
            readings.add(TeamNumber.of("DX4").reading());
            assertThat(together.readings()).hasSize(1);
            assertThat(together.assignment()).isEqualTo(Assignment.NOT_ENOUGH_EVIDENCE);
            assertThatThrownBy(() -> together.readings().add(TeamNumber.of("DX4").reading()))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }
}
