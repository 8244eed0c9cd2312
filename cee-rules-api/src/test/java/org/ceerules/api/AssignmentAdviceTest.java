package org.ceerules.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * {@link Router#adviseAssignment}: the counting, the two measures, ties, lines no Center covers,
 * inferred lines and the appeal. The router here answers the scope of a few chapters, so that
 * every count is known; the shipped scope data is exercised by the CLI's tests.
 */
class AssignmentAdviceTest {

    private static final LocalDate AS_OF = LocalDate.of(2018, 1, 1);

    /** Chapter 85 Electronics (inferred), 72 Base Metals (confirmed), 84 Machinery (inferred), 01 Agriculture (confirmed); 98 none. */
    private static final Map<String, Object[]> SCOPE = Map.of(
            "85", new Object[] {Center.ELECTRONICS, Certainty.INFERRED},
            "72", new Object[] {Center.BASE_METALS, Certainty.CONFIRMED},
            "84", new Object[] {Center.MACHINERY, Certainty.INFERRED},
            "01", new Object[] {Center.AGRICULTURE_PREPARED_PRODUCTS, Certainty.CONFIRMED},
            "98", new Object[] {null, Certainty.CONFIRMED});

    private static final Router ROUTER = new Router() {
        @Override
        public RoutingResult route(RoutingRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RoutingResult explain(RoutingRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String rulesVersion() {
            return "test";
        }

        @Override
        public Optional<IndustryScope> industryScope(HtsNumber hts, LocalDate asOf) {
            Object[] row = SCOPE.get(hts.chapter());
            if (row == null) {
                return Optional.empty();
            }
            return Optional.of(new IndustryScope(hts, asOf, Optional.ofNullable((Center) row[0]), hts.chapter(),
                    hts.chapter(), LocalDate.of(2011, 10, 20), Optional.empty(), (Certainty) row[1], "test", "scope.csv", 1));
        }

        @Override
        public List<KnowledgeBaseRule> rules() {
            return List.of();
        }
    };

    private static EntrySummary entry(String... htsAndValues) {
        List<EntryLine> lines = new ArrayList<>();
        for (int i = 0; i < htsAndValues.length; i += 2) {
            lines.add(EntryLine.of(htsAndValues[i], new BigDecimal(htsAndValues[i + 1])));
        }
        return new EntrySummary("345-6789012-3", "01", "2704", LocalDate.of(2017, 6, 1), lines);
    }

    private static AssignmentAdvice advise(Optional<Center> current, EntrySummary... entries) {
        return ROUTER.adviseAssignment(List.of(entries), AS_OF, current);
    }

    @Test
    void linesAndValueAreCountedPerCenterWithTheirShares() {
        AssignmentAdvice advice = advise(Optional.empty(),
                entry("8517620090", "100", "8517620090", "100", "7208100000", "1000"),
                entry("8517620090", "100", "9801001000", "50"));
        assertThat(advice.entrySummaries()).isEqualTo(2);
        assertThat(advice.counted()).isEqualTo(new AssignmentAdvice.Tally(4, new BigDecimal("1300")));
        assertThat(advice.outOfScope()).isEqualTo(new AssignmentAdvice.Tally(1, new BigDecimal("50")));
        assertThat(advice.shares()).extracting(AssignmentAdvice.CenterShare::center)
                .containsExactly(Center.BASE_METALS, Center.ELECTRONICS);
        AssignmentAdvice.CenterShare electronics = advice.shares().get(1);
        assertThat(electronics.all()).isEqualTo(new AssignmentAdvice.Tally(3, new BigDecimal("300")));
        assertThat(electronics.lineShare()).isEqualByComparingTo("0.75");
        assertThat(electronics.valueShare()).isEqualByComparingTo("0.2308");
        assertThat(electronics.inferred()).isEqualTo(electronics.all());
        assertThat(advice.shares().get(0).inferred()).isEqualTo(new AssignmentAdvice.Tally(0, BigDecimal.ZERO));
    }

    @Test
    void theMeasuresCanDisagree() {
        AssignmentAdvice advice = advise(Optional.empty(),
                entry("8517620090", "100", "8517620090", "100", "8517620090", "100", "7208100000", "1000"));
        assertThat(advice.byLines().center()).contains(Center.ELECTRONICS);
        assertThat(advice.byLines().tied()).isEmpty();
        assertThat(advice.byLines().reason()).isEqualTo("007 has the most lines: 3 lines");
        assertThat(advice.byValue().center()).contains(Center.BASE_METALS);
        assertThat(advice.byValue().reason()).isEqualTo("005 has the most value: $1000");
        assertThat(advice.agree()).isFalse();
    }

    @Test
    void aTieOnLinesIsBrokenByValue() {
        AssignmentAdvice advice = advise(Optional.empty(), entry("8517620090", "100", "7208100000", "900"));
        assertThat(advice.byLines().center()).contains(Center.BASE_METALS);
        assertThat(advice.byLines().tied()).containsExactly(Center.BASE_METALS, Center.ELECTRONICS);
        assertThat(advice.byLines().reason()).isEqualTo(
                "tied on lines (1 line each): 005, 007; broken by value: 005 with $900");
        assertThat(advice.byValue().center()).contains(Center.BASE_METALS);
        assertThat(advice.agree()).isTrue();
    }

    @Test
    void aTieOnValueIsBrokenByLines() {
        AssignmentAdvice advice = advise(Optional.empty(),
                entry("8517620090", "100", "8517620090", "100", "7208100000", "200"));
        assertThat(advice.byValue().center()).contains(Center.ELECTRONICS);
        assertThat(advice.byValue().tied()).containsExactly(Center.BASE_METALS, Center.ELECTRONICS);
        assertThat(advice.byValue().reason()).isEqualTo(
                "tied on value ($200 each): 005, 007; broken by lines: 007 with 2 lines");
    }

    @Test
    void aTieOnBothMeasuresPicksNoCenterAndNamesTheTiedOnes() {
        AssignmentAdvice advice = advise(Optional.of(Center.BASE_METALS),
                entry("8517620090", "100.00", "7208100000", "100", "0101210000", "50"));
        assertThat(advice.byLines().center()).isEmpty();
        assertThat(advice.byLines().tied()).containsExactly(Center.AGRICULTURE_PREPARED_PRODUCTS, Center.BASE_METALS,
                Center.ELECTRONICS);
        assertThat(advice.byLines().reason()).isEqualTo("tied on lines (1 line each): 002, 005, 007; still tied on "
                + "value ($100 each) between 005, 007: no Center is picked");
        assertThat(advice.byValue().center()).isEmpty();
        assertThat(advice.byValue().tied()).containsExactly(Center.BASE_METALS, Center.ELECTRONICS);
        assertThat(advice.agree()).isFalse();
        assertThat(advice.appeal()).get().extracting(AssignmentAdvice.Appeal::mayBeWarranted).isEqualTo(false);
    }

    @Test
    void anAppealMayBeWarrantedWhenAMeasurePicksAnotherCenter() {
        AssignmentAdvice advice = advise(Optional.of(Center.BASE_METALS), entry("8517620090", "100"));
        AssignmentAdvice.Appeal appeal = advice.appeal().orElseThrow();
        assertThat(appeal.current()).isEqualTo(Center.BASE_METALS);
        assertThat(appeal.mayBeWarranted()).isTrue();
        assertThat(appeal.reason()).isEqualTo("the account is with 005, but the predominant number of goods (lines) "
                + "points to 007 and the highest value points to 007; CBP accepts a written appeal at any time "
                + "(81 FR 92978)");
    }

    @Test
    void noAppealWhenTheMeasuresPickTheCurrentCenterAndNoneAskedWithoutOne() {
        AssignmentAdvice advice = advise(Optional.of(Center.ELECTRONICS), entry("8517620090", "100"));
        assertThat(advice.appeal().orElseThrow().mayBeWarranted()).isFalse();
        assertThat(advise(Optional.empty(), entry("8517620090", "100")).appeal()).isEmpty();
    }

    @Test
    void noEntrySummariesIsAnErrorNotAGuess() {
        assertThatThrownBy(() -> ROUTER.adviseAssignment(List.of(), AS_OF, Optional.empty()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("entrySummaries: no entry summaries");
    }

    @Test
    void linesInNoCentersScopeOnlyIsAnErrorNotAGuess() {
        assertThatThrownBy(() -> advise(Optional.empty(), entry("9801001000", "50", "9999999999", "1")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("none of the 2 lines falls in a Center's industry on 2018-01-01");
    }

    @Test
    void zeroValueEverywhereTiesOnValueAndIsBrokenByLines() {
        AssignmentAdvice advice = advise(Optional.empty(), entry("8517620090", "0", "8517620090", "0", "7208100000", "0"));
        assertThat(advice.byValue().center()).contains(Center.ELECTRONICS);
        assertThat(advice.shares()).allSatisfy(s -> assertThat(s.valueShare()).isEqualByComparingTo("0"));
    }

    /** Invariants over random entries: the counts add up, the shares are fractions, a pick has the most. */
    @Test
    void theCountsAddUpAndAPickHasTheMost() {
        Gen<String> hts = SourceDSL.arbitrary().pick("8517620090", "7208100000", "8471300100", "0101210000", "9801001000");
        Gen<String> value = SourceDSL.integers().between(0, 5000).map((Integer i) -> String.valueOf(i));
        Gen<List<String>> lines = SourceDSL.lists().of(hts.zip(value, (h, v) -> h + "=" + v)).ofSizeBetween(1, 30);
        QuickTheory.qt().withExamples(300).forAll(lines).checkAssert(pairs -> {
            String[] flat = pairs.stream().flatMap(p -> List.of(p.split("=")).stream()).toArray(String[]::new);
            boolean anyInScope = pairs.stream().anyMatch(p -> !p.startsWith("98"));
            if (!anyInScope) {
                assertThatThrownBy(() -> advise(Optional.empty(), entry(flat))).isInstanceOf(InvalidRequestException.class);
                return;
            }
            AssignmentAdvice advice = advise(Optional.empty(), entry(flat));
            assertThat(advice.counted().lines() + advice.outOfScope().lines()).isEqualTo(pairs.size());
            assertThat(advice.shares().stream().mapToInt(s -> s.all().lines()).sum()).isEqualTo(advice.counted().lines());
            assertThat(advice.shares()).allSatisfy(s -> {
                assertThat(s.lineShare()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
                assertThat(s.valueShare()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
                assertThat(s.inferred().lines()).isBetween(0, s.all().lines());
            });
            advice.byLines().center().ifPresent(c -> assertThat(lines(advice, c))
                    .isEqualTo(advice.shares().stream().mapToInt(s -> s.all().lines()).max().orElseThrow()));
            assertThat(advice.agree()).isEqualTo(advice.byLines().center().isPresent()
                    && advice.byLines().center().equals(advice.byValue().center()));
        });
    }

    private static int lines(AssignmentAdvice advice, Center center) {
        return advice.shares().stream().filter(s -> s.center() == center).findFirst().orElseThrow().all().lines();
    }
}
