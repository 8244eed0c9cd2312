package org.ceerules.drools;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ceerules.api.Center;
import org.ceerules.api.Certainty;
import org.ceerules.api.HtsNumber;
import org.ceerules.api.IndustryScope;
import org.ceerules.api.KnowledgeBaseProblem;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Centers' HTS scope: lookups on the shipped data, and each check of the loader on small tables. */
class HtsScopeTest {

    private static Optional<IndustryScope> lookup(String hts, String date) {
        return EmbeddedRouter.ROUTER.industryScope(HtsNumber.of(hts), LocalDate.parse(date));
    }

    @Nested
    class ShippedData {

        @ParameterizedTest(name = "{0} on {1}: Center {2}")
        @CsvSource({
                "0201.10.0000, 2016-01-01, 002, 01-24, secondary",
                "3004.90.9290, 2016-01-01, 001, 2801-3302, secondary",
                "3304.99.5000, 2016-01-01, 008, 3303-3307, inferred",
                "3818.00.0000, 2016-01-01, 007, 3818, inferred",
                "3826.00.1000, 2016-01-01, 006, 3826, inferred",
                "4014.90.1000, 2016-01-01, 001, 4014, secondary",
                "4011.10.1000, 2016-01-01, 009, 39-41, inferred",
                "8471.30.0100, 2016-01-01, 007, 8471, inferred",
                "8481.80.9050, 2016-01-01, 010, 84, inferred",
                "8517.62.0090, 2016-01-01, 007, 85, inferred",
                "8511.10.0000, 2014-03-09, 010, 8511, secondary",
                "8511.10.0000, 2014-03-10, 003, 8511, secondary",
                "8703.23.0190, 2016-01-01, 003, 8701-8711, secondary",
                "8712.00.1510, 2016-01-01, 008, 8712, inferred",
                "9018.90.8000, 2016-01-01, 001, 9018-9019, secondary",
                "9402.90.0010, 2016-01-01, 001, 9402, secondary",
                "9403.60.8081, 2016-01-01, 008, 94, inferred",
                // the scope changes of 2014-03-10 and the household articles
                "7013.49.1000, 2014-03-09, 008, 7013, secondary",
                "7013.49.1000, 2014-03-10, 009, 68-71, inferred",
                "7310.10.0010, 2014-03-09, 005, 72-81, inferred",
                "7310.10.0010, 2014-03-10, 009, 7309-7311, inferred",
                "7414.90.0000, 2014-03-10, 009, 7414, inferred",
                "7415.10.0000, 2014-03-09, 009, 7415, inferred",
                "7415.10.0000, 2014-03-10, 005, 72-81, inferred",
                "8308.10.0000, 2014-03-09, 009, 8307-8311, inferred",
                "8308.10.0000, 2014-03-10, 005, 83, inferred",
                "6912.00.4810, 2016-01-01, 008, 6911-6912, inferred",
                "7323.93.0080, 2016-01-01, 008, 7323, inferred",
                "7418.10.0010, 2016-01-01, 008, 7418, inferred",
                "7615.10.7130, 2016-01-01, 008, 7615, inferred",
                "8211.91.8060, 2016-01-01, 008, 8211, inferred",
                "8215.99.5000, 2016-01-01, 008, 8214-8215, inferred",
        })
        void theLongestPrefixInEffectDecides(String hts, String date, String team, String range, String status) {
            IndustryScope scope = lookup(hts, date).orElseThrow();
            assertThat(scope.center()).contains(Center.ofTeamCode(team).orElseThrow());
            assertThat(scope.hts()).isEqualTo(HtsNumber.of(hts));
            assertThat(scope.asOf()).isEqualTo(LocalDate.parse(date));
            assertThat(scope.range()).isEqualTo(range);
            assertThat(scope.certainty().label()).isEqualTo(status);
            assertThat(scope.file()).isEqualTo(ReferenceData.HTS_SCOPE);
            assertThat(scope.source()).isNotBlank();
        }

        @Test
        void theRowNamesItsLineAndDates() {
            IndustryScope before = lookup("8511.10.0000", "2014-03-09").orElseThrow();
            IndustryScope after = lookup("8511.10.0000", "2014-03-10").orElseThrow();
            assertThat(before.effectiveUntil()).contains(LocalDate.parse("2014-03-10"));
            assertThat(after.effectiveFrom()).isEqualTo(LocalDate.parse("2014-03-10"));
            assertThat(after.effectiveUntil()).isEmpty();
            assertThat(after.line()).isEqualTo(before.line() + 1);
            assertThat(after.source()).contains("fr-2014-05115");
        }

        @Test
        void beforeMachineryOpened8511FallsBackToItsChapter() {
            assertThat(lookup("8511.10.0000", "2013-04-03").orElseThrow().center()).contains(Center.ELECTRONICS);
        }

        @Test
        void chapters98And99BelongToNoCenter() {
            IndustryScope scope = lookup("9801.00.1012", "2020-01-01").orElseThrow();
            assertThat(scope.center()).isEmpty();
            assertThat(scope.range()).isEqualTo("98-99");
        }

        @Test
        void beforeACenterOpenedNoRowCoversItsIndustry() {
            assertThat(lookup("0201.10.0000", "2013-06-02")).isEmpty();
            assertThat(lookup("0201.10.0000", "2013-06-03")).isPresent();
        }

        @Test
        void everyChapterButTheReservedHasACenterOrNoneToday() {
            for (int c = 1; c <= 99; c++) {
                if (c == 77) {
                    continue;
                }
                String hts = String.format("%02d01.00.0000", c);
                assertThat(lookup(hts, "2026-11-24")).as(hts).isPresent();
            }
        }
    }

    @Nested
    class Checks {

        private static final String HEADER = "first,last,team,from,to,status,source\n";
        /** Every chapter but 77 covered from 2011-10-20 by Electronics: a table with no problem. */
        private static final String COVER = "01,99,007,2011-10-20,,inferred,s\n";

        private final List<KnowledgeBaseProblem> problems = new ArrayList<>();

        private Optional<HtsScope> load(String rows) {
            Map<Center, LocalDate> opened = new EnumMap<>(Center.class);
            for (Center center : Center.values()) {
                opened.put(center, LocalDate.parse("2011-10-20"));
            }
            opened.put(Center.MACHINERY, LocalDate.parse("2013-04-04"));
            CsvTable table = CsvTable.parse("data/hts-scope.csv", HEADER + rows,
                    List.of("first", "last", "team", "from", "to", "status", "source"), problems);
            return HtsScope.load(table, opened);
        }

        private List<String> messages() {
            return problems.stream().map(KnowledgeBaseProblem::toString).toList();
        }

        @Test
        void aSoundTableLoadsWithoutProblems() {
            Optional<HtsScope> scope = load(COVER + "8511,8511,003,2014-03-10,,confirmed,s\n");
            assertThat(problems).isEmpty();
            IndustryScope found = scope.orElseThrow().lookup(HtsNumber.of("8511.10.0000"), LocalDate.parse("2015-01-01"))
                    .orElseThrow();
            assertThat(found.center()).contains(Center.AUTOMOTIVE_AEROSPACE);
            assertThat(found.certainty()).isEqualTo(Certainty.CONFIRMED);
            assertThat(found.line()).isEqualTo(3);
        }

        @Test
        void badPrefixesAreNamed() {
            load(COVER + "851,8511,003,2014-03-10,,confirmed,s\n"
                    + "85,8511,003,2014-03-10,,confirmed,s\n"
                    + "8512,8511,003,2014-03-10,,confirmed,s\n");
            assertThat(messages()).containsExactly(
                    "data/hts-scope.csv:3: first must be an HTS prefix of 2, 4, 6, 8 or 10 digits, was \"851\"",
                    "data/hts-scope.csv:4: first 85 and last 8511 must be as long as each other",
                    "data/hts-scope.csv:5: first 8512 comes after last 8511");
        }

        @Test
        void anUnknownTeamIsNamed() {
            load(COVER + "8511,8511,011,2014-03-10,,confirmed,s\n");
            assertThat(messages()).containsExactly("data/hts-scope.csv:3: team must be a Center's team code, 001 to "
                    + "010, or empty for no Center, was \"011\"");
        }

        @Test
        void aRowBeforeItsCenterOpenedIsNamed() {
            load(COVER + "8511,8511,010,2012-01-01,,inferred,s\n");
            assertThat(messages()).containsExactly("data/hts-scope.csv:3: from 2012-01-01 is before Center 010 opened "
                    + "on 2013-04-04 (data/center-timeline.csv)");
        }

        @Test
        void badDatesEmptyRangesAndAMissingSourceAreNamed() {
            load(COVER + "8511,8511,003,2014-02-30,,confirmed,s\n"
                    + "8512,8512,003,2014-03-10,2014-03-10,confirmed,s\n"
                    + "8513,8513,003,2014-03-10,,confirmed,\n"
                    + "8514,8514,003,2014-03-10,,maybe,s\n");
            assertThat(messages()).containsExactlyInAnyOrder(
                    "data/hts-scope.csv:3: from must be a date yyyy-MM-dd, was \"2014-02-30\"",
                    "data/hts-scope.csv:4: the range [from, to) is empty: to 2014-03-10 is not after from 2014-03-10",
                    "data/hts-scope.csv:5: source is required",
                    "data/hts-scope.csv:6: status must be one of [confirmed, inferred, secondary], was \"maybe\"");
        }

        @Test
        void rowsOfOneLengthCoveringAPrefixOnOneDateAreNamed() {
            load(COVER + "8501,8548,007,2014-01-01,,inferred,s\n"
                    + "8511,8520,003,2014-03-10,,confirmed,s\n");
            assertThat(messages()).containsExactly("data/hts-scope.csv:4: 8511-8520 [2014-03-10, ) overlaps "
                    + "8501-8548 [2014-01-01, ) of line 3: a prefix would have two Centers on one date");
        }

        @Test
        void aGapBetweenTheRowsOfOneRangeIsNamed() {
            load(COVER + "8511,8511,010,2013-04-04,2014-01-01,inferred,s\n"
                    + "8511,8511,003,2014-03-10,,confirmed,s\n");
            assertThat(messages()).containsExactly("data/hts-scope.csv:4: 8511: gap between [2013-04-04, 2014-01-01) "
                    + "of line 3 and [2014-03-10, ): no row says whose the range is in between");
        }

        @Test
        void aChapterLeftWithoutARowIsNamed() {
            load("01,84,007,2011-10-20,,inferred,s\n86,99,007,2011-10-20,,inferred,s\n");
            assertThat(messages()).containsExactly("data/hts-scope.csv: chapter 85 is covered by no chapter row: add one");
        }

        @Test
        void aChapterWhoseRowEndsWithoutASuccessorIsNamed() {
            load("01,84,007,2011-10-20,,inferred,s\n86,99,007,2011-10-20,,inferred,s\n"
                    + "85,85,007,2011-10-20,2020-01-01,inferred,s\n");
            assertThat(messages()).containsExactly("data/hts-scope.csv:4: chapter 85 is covered by no row from "
                    + "2020-01-01: end a chapter's row only where another starts");
        }

        @Test
        void aChapterWithAGapInTimeIsNamed() {
            load("01,84,007,2011-10-20,,inferred,s\n86,99,007,2011-10-20,,inferred,s\n"
                    + "85,85,007,2011-10-20,2020-01-01,inferred,s\n85,85,010,2021-01-01,,inferred,s\n");
            assertThat(messages()).contains("data/hts-scope.csv:5: chapter 85 is covered by no row between "
                    + "2020-01-01 and 2021-01-01");
        }
    }
}
