package org.ceerules.drools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ceerules.api.TradeFunction.*;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ceerules.api.Center;
import org.ceerules.api.DrawbackCenter;
import org.ceerules.api.FiredRule;
import org.ceerules.api.Office;
import org.ceerules.api.PortOfEntry;
import org.ceerules.api.RegulationsAndRulings;
import org.ceerules.api.RoutingDecision;
import org.ceerules.api.RoutingResult;
import org.ceerules.api.TradeFunction;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * One test per rule of the embedded knowledge base, named after the rule: a request for which the
 * rule must fire, and what the decision must then say. The test fails if the rule is removed or
 * renamed (it no longer fires) or if it decides differently; {@link #everyRuleHasATest()} fails
 * if a rule has no test here.
 */
class RuleByRuleTest {

    private static final PortOfEntry LA = new PortOfEntry("2704");
    private static final List<TradeFunction> CENTER_FUNCTIONS = List.of(ENTRY_SUMMARY_REVIEW,
            REQUEST_FOR_INFORMATION, NOTICE_OF_ACTION, SUMMARY_REJECTION, CANCELLATION, CENSUS_REJECT, LIQUIDATION,
            POST_SUMMARY_CORRECTION, POST_ENTRY_AMENDMENT, POST_IMPORTATION_CLAIM, INTERNAL_ADVICE, PROTEST);

    private record Case(String rule, Requests request, Consumer<RoutingDecision> expect) {
    }

    private static final List<Case> CASES = List.of(
            // jurisdiction.drl
            new Case("test regime: a participating account's entries go to its Center",
                    Requests.participant(), d -> assertCenter(d, Center.ELECTRONICS)),
            new Case("test regime: an assigned account's entries filed from the industry-wide date go to its Center",
                    Requests.assigned(Center.AUTOMOTIVE_AEROSPACE).on("2016-03-23"),
                    d -> assertCenter(d, Center.AUTOMOTIVE_AEROSPACE)),
            new Case("regulatory regime: an assigned account's entries go to its Center",
                    Requests.assigned(Center.BASE_METALS).on("2017-01-19"), d -> assertCenter(d, Center.BASE_METALS)),
            // exceptions.drl
            new Case("drawback entries go to a Drawback Center",
                    Requests.participant().type("45"), d -> {
                        assertCenter(d, null);
                        CENTER_FUNCTIONS.forEach(f -> assertThat(d.route(f).office()).isEqualTo(DrawbackCenter.any()));
                        assertThat(d.route(PROTEST).alternatives()).isEqualTo(DrawbackCenter.all());
                    }),
            new Case("in-bond entries stay at the port", Requests.participant().type("62"), RuleByRuleTest::assertPortKeepsAll),
            new Case("entries at U.S. Virgin Islands ports stay at the port",
                    Requests.participant().port("5101"), d -> assertThat(d.route(LIQUIDATION).office())
                            .isEqualTo(new PortOfEntry("5101"))),
            new Case("reconciliation entries stay at the port", Requests.participant().type("09"),
                    RuleByRuleTest::assertPortKeepsAll),
            new Case("TIB entries stay at the port", Requests.participant().type("23"), RuleByRuleTest::assertPortKeepsAll),
            new Case("test regime: quota entries stay at the port", Requests.participant().type("02"),
                    RuleByRuleTest::assertPortKeepsAll),
            new Case("test regime: AD/CVD entries of a withdrawn account stay at the port",
                    Requests.participant().type("03").filed("2015-01-05").withdrawn("2015-06-01").asOf("2015-07-01"),
                    RuleByRuleTest::assertPortKeepsAll),
            new Case("test regime: AD/CVD entries filed before participation stay at the port",
                    Requests.participant().adcvdCase("A-570-910").filed("2014-01-10").asOf("2014-05-01"),
                    RuleByRuleTest::assertPortKeepsAll),
            new Case("the Centers do not process this entry type on this date",
                    Requests.participant().type("06").on("2014-03-09"), RuleByRuleTest::assertPortKeepsAll),
            // resolution.drl
            new Case("a Center has jurisdiction where it claims the entry and no exception applies",
                    Requests.participant(), d -> assertCenter(d, Center.ELECTRONICS)),
            new Case("an exception keeps the entry out of the Centers", Requests.participant().type("23"), d -> {
                assertCenter(d, null);
                assertThat(d.jurisdiction().rule()).isEqualTo("TIB entries stay at the port");
            }),
            new Case("no Center claims the entry: the port keeps it", Requests.unassigned(), d -> {
                assertPortKeepsAll(d);
                assertThat(d.jurisdiction().rule()).isEqualTo("no Center claims the entry: the port keeps it");
            }),
            // routing.drl: always
            new Case("the port of entry releases the cargo", Requests.participant(),
                    d -> assertThat(d.route(CARGO_RELEASE).office()).isEqualTo(LA)),
            new Case("revenue is collected at the port of entry", Requests.participant(),
                    d -> assertThat(d.route(PAYMENT).office()).isEqualTo(LA)),
            new Case("the port of entry assesses liquidated damages", Requests.participant(),
                    d -> assertThat(d.route(LIQUIDATED_DAMAGES).office()).isEqualTo(LA)),
            new Case("Regulations and Rulings decides further review of protests", Requests.participant(),
                    d -> assertThat(d.route(FURTHER_REVIEW).office()).isEqualTo(new RegulationsAndRulings())),
            new Case("the port of entry takes enforcement actions", Requests.participant(),
                    d -> assertThat(d.route(ENFORCEMENT).office()).isEqualTo(LA)),
            new Case("drawback claims go to a Drawback Center of the filer's choice", Requests.participant(), d -> {
                assertThat(d.route(DRAWBACK).office()).isEqualTo(DrawbackCenter.any());
                assertThat(d.route(DRAWBACK).alternatives()).isEqualTo(DrawbackCenter.all());
            }),
            new Case("reconciliation is processed at the port of entry", Requests.participant(),
                    d -> assertThat(d.route(RECONCILIATION).office()).isEqualTo(LA)),
            new Case("prior disclosures go to the port, or to the Center at the filer's choice", Requests.participant(),
                    d -> {
                        assertThat(d.route(PRIOR_DISCLOSURE).office()).isEqualTo(LA);
                        assertThat(d.route(PRIOR_DISCLOSURE).alternatives()).containsExactly(Center.ELECTRONICS);
                    }),
            new Case("prior disclosures go to the port where no Center has jurisdiction", Requests.unassigned(), d -> {
                assertThat(d.route(PRIOR_DISCLOSURE).office()).isEqualTo(LA);
                assertThat(d.route(PRIOR_DISCLOSURE).alternatives()).isEmpty();
            }),
            // routing.drl: the Center's functions
            centerFunction("the Center reviews the entry summary", ENTRY_SUMMARY_REVIEW),
            centerFunction("the Center issues Requests for Information (CF-28)", REQUEST_FOR_INFORMATION),
            centerFunction("the Center issues Notices of Action (CF-29)", NOTICE_OF_ACTION),
            centerFunction("the Center rejects entry summaries", SUMMARY_REJECTION),
            centerFunction("the Center cancels entries", CANCELLATION),
            centerFunction("the Center resolves Census rejects", CENSUS_REJECT),
            centerFunction("the Center liquidates the entry", LIQUIDATION),
            centerFunction("the Center processes post-summary corrections", POST_SUMMARY_CORRECTION),
            centerFunction("the Center processes post-entry amendments", POST_ENTRY_AMENDMENT),
            centerFunction("the Center processes post-importation claims", POST_IMPORTATION_CLAIM),
            centerFunction("the Center handles internal advice requests", INTERNAL_ADVICE),
            new Case("test regime: the Center decides protests", Requests.participant(), d -> {
                assertThat(d.route(PROTEST).office()).isEqualTo(Center.ELECTRONICS);
                assertThat(d.route(PROTEST).alternatives()).isEmpty();
                assertThat(d.route(PROTEST).rule()).isEqualTo("test regime: the Center decides protests");
            }),
            new Case("regulatory regime: protests go to the Center, or to the port at the filer's choice",
                    Requests.assigned(Center.BASE_METALS).on("2018-02-20"), d -> {
                        assertThat(d.route(PROTEST).office()).isEqualTo(Center.BASE_METALS);
                        assertThat(d.route(PROTEST).alternatives()).containsExactly(LA);
                    }),
            new Case("without a Center, the Center's functions go to the port or the Drawback Center",
                    Requests.unassigned(), RuleByRuleTest::assertPortKeepsAll),
            new Case("without a Center, the Center's functions go to the port or the Drawback Center",
                    Requests.unassigned().type("41"), d -> CENTER_FUNCTIONS.forEach(f -> {
                        assertThat(d.route(f).office()).isEqualTo(DrawbackCenter.any());
                        assertThat(d.route(f).alternatives()).isEqualTo(DrawbackCenter.all());
                    })));

    private static Case centerFunction(String rule, TradeFunction function) {
        return new Case(rule, Requests.participant(), d -> {
            assertThat(d.route(function).office()).isEqualTo(Center.ELECTRONICS);
            assertThat(d.route(function).alternatives()).isEmpty();
            assertThat(d.route(function).rule()).isEqualTo(rule);
        });
    }

    private static void assertCenter(RoutingDecision decision, Center center) {
        assertThat(decision.center().orElse(null)).isEqualTo(center);
    }

    private static void assertPortKeepsAll(RoutingDecision decision) {
        assertCenter(decision, null);
        Office port = decision.route(CARGO_RELEASE).office();
        for (TradeFunction function : CENTER_FUNCTIONS) {
            assertThat(decision.route(function).office()).as(function.name()).isEqualTo(port);
            assertThat(decision.route(function).rule()).as(function.name()).isEqualTo(decision.jurisdiction().rule());
        }
    }

    @TestFactory
    Stream<DynamicTest> eachRuleFiresAndDecides() {
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.rule(), () -> {
            RoutingResult result = EmbeddedRouter.ROUTER.explain(c.request().build());
            assertThat(result).isInstanceOf(RoutingResult.Routed.class);
            RoutingDecision decision = ((RoutingResult.Routed) result).decision();
            assertThat(decision.firedRules()).extracting(FiredRule::rule).contains(c.rule());
            c.expect().accept(decision);
        }));
    }

    @Test
    void everyRuleHasATest() {
        Set<String> tested = CASES.stream().map(Case::rule).collect(Collectors.toCollection(TreeSet::new));
        Set<String> rules = new TreeSet<>(EmbeddedRouter.ROUTER.ruleSet().rules().keySet());
        assertThat(tested).as("rules without a test: %s", difference(rules, tested)).containsAll(rules);
        assertThat(rules).as("tests of rules that do not exist").containsAll(tested);
    }

    @Test
    void everyRuleHasAnAuthority() {
        Map<String, RuleSet.RuleLocation> rules = EmbeddedRouter.ROUTER.ruleSet().rules();
        assertThat(rules).hasSize((int) CASES.stream().map(Case::rule).distinct().count());
        RoutingDecision decision = ((RoutingResult.Routed) EmbeddedRouter.ROUTER.explain(Requests.participant().build()))
                .decision();
        assertThat(decision.firedRules()).allSatisfy(f -> assertThat(f.authority()).isNotBlank());
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }
}
