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
import org.ceerules.api.Certainty;
import org.ceerules.api.Citation;
import org.ceerules.api.DrawbackCenter;
import org.ceerules.api.FiredRule;
import org.ceerules.api.Office;
import org.ceerules.api.PortOfEntry;
import org.ceerules.api.RegulationsAndRulings;
import org.ceerules.api.RoutingDecision;
import org.ceerules.api.RoutingResult;
import org.ceerules.api.Source;
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
    private static final PortOfEntry SAN_JUAN = new PortOfEntry("4909");
    private static final PortOfEntry ST_THOMAS = new PortOfEntry("5101");
    private static final RegulationsAndRulings RR = new RegulationsAndRulings();
    /** The Center's functions that follow the jurisdiction whatever the account (protests have rules of their own). */
    private static final List<TradeFunction> CENTER_FUNCTIONS = List.of(ENTRY_SUMMARY_REVIEW,
            REQUEST_FOR_INFORMATION, NOTICE_OF_ACTION, SUMMARY_REJECTION, CANCELLATION, CENSUS_REJECT, LIQUIDATION,
            POST_SUMMARY_CORRECTION, POST_ENTRY_AMENDMENT, POST_IMPORTATION_CLAIM, INTERNAL_ADVICE);
    private static final List<TradeFunction> KEPT_FROM_THE_TEST = List.of(NOTICE_OF_ACTION, SUMMARY_REJECTION,
            CANCELLATION, CENSUS_REJECT, POST_SUMMARY_CORRECTION, POST_ENTRY_AMENDMENT);

    private record Case(String rule, Requests request, Consumer<RoutingDecision> expect) {
    }

    private static final List<Case> CASES = List.of(
            // jurisdiction.drl
            new Case("test regime: a participating account's entries go to its Center",
                    Requests.participant(), d -> assertCenter(d, Center.ELECTRONICS)),
            new Case("test regime: an entry of one Center's industry at a port of its delegation goes to that Center",
                    Requests.unassigned().on("2016-04-20"), d -> {
                        assertCenter(d, Center.ELECTRONICS);
                        assertThat(d.jurisdiction().citations()).extracting(Citation::source)
                                .contains("csms-15-000040", "str-2016-03-23", "census-schedule-d");
                    }),
            new Case("test regime: an entry of one Center's industry at a port of its delegation goes to that Center",
                    Requests.assigned(Center.BASE_METALS).on("2016-04-20"),
                    d -> assertCenter(d, Center.ELECTRONICS)),
            new Case("test regime: a mixed entry goes by its predominant line at a port of that Center's delegation",
                    Requests.unassigned().on("2016-06-01").line("8471.30.0100", "10000").line("6110.20.2079", "90000"),
                    d -> {
                        assertCenter(d, Center.APPAREL_FOOTWEAR_TEXTILES);
                        assertThat(d.jurisdiction().certainty()).isEqualTo(Certainty.INFERRED);
                    }),
            new Case("regulatory regime: an assigned account's entries go to its Center",
                    Requests.assigned(Center.BASE_METALS).on("2017-01-19"), d -> assertCenter(d, Center.BASE_METALS)),
            new Case("test regime: the account participates on the routing date", Requests.participant().type("02"),
                    d -> assertThat(d.route(PROTEST).office()).isEqualTo(Center.ELECTRONICS)),
            // exceptions.drl
            new Case("drawback entries go where drawback claims go", Requests.unassigned().on("2016-04-20").type("45"),
                    d -> {
                        assertCenter(d, null);
                        for (TradeFunction f : CENTER_FUNCTIONS) {
                            assertThat(d.route(f).office()).isEqualTo(DrawbackCenter.any());
                            assertThat(d.route(f).alternatives()).isEqualTo(DrawbackCenter.all());
                        }
                        assertThat(d.route(PROTEST).office()).isEqualTo(DrawbackCenter.any());
                    }),
            new Case("drawback entries go where drawback claims go",
                    Requests.assigned(Center.ELECTRONICS).on("2022-05-02").type("45"), d -> {
                        assertCenter(d, null);
                        CENTER_FUNCTIONS.forEach(f -> assertThat(d.route(f).office()).isEqualTo(Center.ELECTRONICS));
                    }),
            new Case("in-bond entries stay at the port", Requests.assigned(Center.ELECTRONICS).on("2018-03-01").type("62"),
                    RuleByRuleTest::assertPortKeepsAll),
            new Case("entries at U.S. Virgin Islands ports stay at the port", Requests.participant().port("5101"), d -> {
                assertThat(d.route(LIQUIDATION).office()).isEqualTo(ST_THOMAS);
                assertThat(d.route(PROTEST).office()).isEqualTo(ST_THOMAS);
            }),
            new Case("reconciliation entries of Puerto Rico ports stay at the port",
                    Requests.assigned(Center.BASE_METALS).on("2018-03-01").type("09").port("4909"),
                    RuleByRuleTest::assertPortKeepsAll),
            new Case("reconciliation entries stay at the port until the Centers process reconciliation",
                    Requests.assigned(Center.BASE_METALS).on("2018-02-23").type("09"), RuleByRuleTest::assertPortKeepsAll),
            new Case("test regime: TIB entries stay at the port", Requests.participant().type("23"),
                    RuleByRuleTest::assertPortKeepsCenterFunctions),
            new Case("test regime: quota entries stay at the port", Requests.participant().type("02"),
                    RuleByRuleTest::assertPortKeepsCenterFunctions),
            new Case("test regime: AD/CVD entries of a withdrawn account leave its participation",
                    Requests.participant().type("03").filed("2015-01-05").withdrawn("2015-06-01").asOf("2015-07-01"),
                    RuleByRuleTest::assertPortKeepsAll),
            new Case("test regime: AD/CVD entries filed before participation stay out of it",
                    Requests.participant().adcvdCase("A-570-910").filed("2014-01-10").asOf("2014-05-01"),
                    RuleByRuleTest::assertPortKeepsCenterFunctions),
            // the delegation still reaches an AD/CVD entry the participation does not
            new Case("test regime: AD/CVD entries filed before participation stay out of it",
                    Requests.participant().participating("2016-05-01").adcvdCase("A-570-910").filed("2016-04-20"),
                    d -> {
                        assertCenter(d, Center.ELECTRONICS);
                        assertThat(d.jurisdiction().rule()).startsWith("test regime: an entry of one Center's industry");
                    }),
            new Case("the Centers do not process this entry type on this date",
                    Requests.participant().type("06").on("2014-03-09"), RuleByRuleTest::assertPortKeepsCenterFunctions),
            // resolution.drl
            new Case("a Center has jurisdiction where it claims the entry and no exception applies",
                    Requests.participant(), d -> assertCenter(d, Center.ELECTRONICS)),
            // an AD/CVD entry outside the participation: the delegation's claim survives the exception
            new Case("a claim survives the exceptions that do not reach it",
                    Requests.participant().participating("2016-05-01").adcvdCase("A-570-910").filed("2016-04-20"),
                    d -> assertCenter(d, Center.ELECTRONICS)),
            new Case("a Center has jurisdiction where its claim survives the exceptions",
                    Requests.participant().participating("2016-05-01").adcvdCase("A-570-910").filed("2016-04-20"),
                    d -> assertThat(d.jurisdiction().rule())
                            .isEqualTo("test regime: an entry of one Center's industry at a port of its delegation goes to that Center")),
            new Case("an exception keeps the entry out of the Centers", Requests.participant().type("23"), d -> {
                assertCenter(d, null);
                assertThat(d.jurisdiction().rule()).isEqualTo("test regime: TIB entries stay at the port");
            }),
            new Case("no Center claims the entry: the port keeps it", Requests.unassigned().on("2018-03-01"), d -> {
                assertPortKeepsAll(d);
                assertThat(d.jurisdiction().rule()).isEqualTo("no Center claims the entry: the port keeps it");
            }),
            // drawback.drl
            new Case("drawback claims go to a drawback office of the filer's choice", Requests.participant(), d -> {
                assertThat(d.route(DRAWBACK).office()).isEqualTo(DrawbackCenter.any());
                assertThat(d.route(DRAWBACK).alternatives()).isEqualTo(DrawbackCenter.all());
            }),
            new Case("from 2021-09-14, drawback claims go to the claimant's Center",
                    Requests.assigned(Center.ELECTRONICS).on("2022-05-02"),
                    d -> assertThat(d.route(DRAWBACK).office()).isEqualTo(Center.ELECTRONICS)),
            new Case("from 2021-09-14, an unaligned claimant's drawback claims go to the drawback office that receives them",
                    Requests.unassigned().on("2022-05-02"), d -> {
                        assertThat(d.route(DRAWBACK).office()).isEqualTo(DrawbackCenter.any());
                        assertThat(d.route(DRAWBACK).alternatives()).isEqualTo(DrawbackCenter.all());
                    }),
            new Case("from 2024-10-01, drawback claims go to the one Center that handles drawback",
                    Requests.assigned(Center.APPAREL_FOOTWEAR_TEXTILES).on("2025-03-03"), d -> {
                        assertThat(d.route(DRAWBACK).office()).isEqualTo(Center.PETROLEUM_NATURAL_GAS_MINERALS);
                        assertThat(d.route(DRAWBACK).certainty()).isEqualTo(Certainty.SECONDARY);
                    }),
            // routing.drl: functions that never move to a Center
            new Case("the port of entry releases the cargo", Requests.participant(),
                    d -> assertThat(d.route(CARGO_RELEASE).office()).isEqualTo(LA)),
            new Case("revenue is collected at the port of entry", Requests.participant(),
                    d -> assertThat(d.route(PAYMENT).office()).isEqualTo(LA)),
            new Case("the port of entry assesses liquidated damages", Requests.participant(),
                    d -> assertThat(d.route(LIQUIDATED_DAMAGES).office()).isEqualTo(LA)),
            new Case("the port of entry takes enforcement actions", Requests.participant(),
                    d -> assertThat(d.route(ENFORCEMENT).office()).isEqualTo(LA)),
            // further review
            new Case("test regime: Regulations and Rulings decides further review of protests", Requests.participant(),
                    d -> assertThat(d.route(FURTHER_REVIEW).office()).isEqualTo(RR)),
            new Case("regulatory regime: the Center that decided the protest decides further review",
                    Requests.assigned(Center.BASE_METALS).on("2018-02-20"), d -> {
                        assertThat(d.route(FURTHER_REVIEW).office()).isEqualTo(Center.BASE_METALS);
                        assertThat(d.route(FURTHER_REVIEW).alternatives()).containsExactly(RR);
                    }),
            new Case("regulatory regime: without a Center, the office that decided the protest decides further review",
                    Requests.unassigned().on("2018-03-01"), d -> {
                        assertThat(d.route(FURTHER_REVIEW).office()).isEqualTo(LA);
                        assertThat(d.route(FURTHER_REVIEW).alternatives()).containsExactly(RR);
                    }),
            // reconciliation
            new Case("reconciliation is processed at the port of entry", Requests.participant(),
                    d -> assertThat(d.route(RECONCILIATION).office()).isEqualTo(LA)),
            new Case("from 2018-02-24, the Center with jurisdiction processes reconciliation",
                    Requests.assigned(Center.BASE_METALS).on("2018-03-01"),
                    d -> assertThat(d.route(RECONCILIATION).office()).isEqualTo(Center.BASE_METALS)),
            new Case("from 2018-02-24, without a Center, the port processes reconciliation",
                    Requests.unassigned().on("2018-03-01"), d -> assertThat(d.route(RECONCILIATION).office()).isEqualTo(LA)),
            new Case("from 2018-02-24, reconciliations of Puerto Rico entries go to their port",
                    Requests.assigned(Center.BASE_METALS).on("2018-03-01").port("4909"), d -> {
                        assertThat(d.route(RECONCILIATION).office()).isEqualTo(SAN_JUAN);
                        assertThat(d.route(ENTRY_SUMMARY_REVIEW).office()).isEqualTo(Center.BASE_METALS);
                    }),
            // prior disclosures
            new Case("test regime: a participating account may file prior disclosures with its Center",
                    Requests.participant().port("5101"), d -> {
                        assertThat(d.route(PRIOR_DISCLOSURE).office()).isEqualTo(ST_THOMAS);
                        assertThat(d.route(PRIOR_DISCLOSURE).alternatives()).containsExactly(Center.ELECTRONICS);
                    }),
            new Case("test regime: prior disclosures go to the port, or to the Center with jurisdiction",
                    Requests.unassigned().on("2016-04-20"), d -> {
                        assertThat(d.route(PRIOR_DISCLOSURE).office()).isEqualTo(LA);
                        assertThat(d.route(PRIOR_DISCLOSURE).alternatives()).containsExactly(Center.ELECTRONICS);
                        // the Center as an alternative rests on the jurisdiction, a delegation we infer
                        assertThat(d.route(PRIOR_DISCLOSURE).certainty()).isEqualTo(Certainty.INFERRED);
                        assertThat(d.route(PRIOR_DISCLOSURE).citations()).containsAll(d.jurisdiction().citations());
                    }),
            new Case("test regime: prior disclosures go to the port, or to the Center with jurisdiction",
                    Requests.unassigned().on("2015-03-02"),
                    d -> assertThat(d.route(PRIOR_DISCLOSURE).alternatives()).isEmpty()),
            new Case("regulatory regime: prior disclosures go to the port, or to the account's Center",
                    Requests.assigned(Center.BASE_METALS).on("2018-03-01"), d -> {
                        assertThat(d.route(PRIOR_DISCLOSURE).office()).isEqualTo(LA);
                        assertThat(d.route(PRIOR_DISCLOSURE).alternatives()).containsExactly(Center.BASE_METALS);
                        assertThat(d.route(PRIOR_DISCLOSURE).certainty()).isEqualTo(Certainty.INFERRED);
                    }),
            new Case("regulatory regime: prior disclosures of an unassigned account or a Virgin Islands entry go to the port",
                    Requests.unassigned().on("2018-03-01"),
                    d -> assertThat(d.route(PRIOR_DISCLOSURE).alternatives()).isEmpty()),
            new Case("regulatory regime: prior disclosures of an unassigned account or a Virgin Islands entry go to the port",
                    Requests.assigned(Center.BASE_METALS).on("2018-03-01").port("5101"), d -> {
                        assertThat(d.route(PRIOR_DISCLOSURE).office()).isEqualTo(ST_THOMAS);
                        assertThat(d.route(PRIOR_DISCLOSURE).alternatives()).isEmpty();
                    }),
            // protests
            new Case("test regime: a participating account's protests go to its Center", Requests.participant().type("02"),
                    d -> {
                        assertCenter(d, null);
                        assertThat(d.route(PROTEST).office()).isEqualTo(Center.ELECTRONICS);
                    }),
            new Case("test regime: the Center with jurisdiction decides protests", Requests.unassigned().on("2016-04-20"),
                    d -> assertThat(d.route(PROTEST).office()).isEqualTo(Center.ELECTRONICS)),
            new Case("test regime: the Center with jurisdiction decides protests",
                    Requests.participant().withdrawn("2016-01-04").filed("2015-06-01"),
                    d -> assertThat(d.route(PROTEST).office()).isEqualTo(Center.ELECTRONICS)),
            new Case("regulatory regime: protests go to the Center, or to the port at the filer's choice",
                    Requests.assigned(Center.BASE_METALS).on("2018-02-20"), d -> {
                        assertThat(d.route(PROTEST).office()).isEqualTo(Center.BASE_METALS);
                        assertThat(d.route(PROTEST).alternatives()).containsExactly(LA);
                    }),
            new Case("without a Center, protests go to the port", Requests.unassigned().on("2018-03-01"),
                    d -> assertThat(d.route(PROTEST).office()).isEqualTo(LA)),
            new Case("test regime: a participating account's protests of Virgin Islands entries go to the port",
                    Requests.participant().port("5101"), d -> {
                        assertThat(d.route(PROTEST).office()).isEqualTo(ST_THOMAS);
                        assertThat(d.route(PROTEST).certainty()).isEqualTo(Certainty.INFERRED);
                    }),
            // the Center's functions
            centerFunction("the Center reviews the entry summary", ENTRY_SUMMARY_REVIEW),
            centerFunction("the Center issues Requests for Information (CF-28)", REQUEST_FOR_INFORMATION),
            centerFunction("the Center liquidates the entry", LIQUIDATION),
            centerFunction("the Center handles internal advice requests", INTERNAL_ADVICE),
            centerFunction("the Center processes post-importation claims", POST_IMPORTATION_CLAIM),
            centerFunction("test regime: the Center issues Notices of Action (CF-29)", NOTICE_OF_ACTION),
            centerFunction("test regime: the Center rejects entry summaries", SUMMARY_REJECTION),
            centerFunction("test regime: the Center cancels entries", CANCELLATION),
            centerFunction("test regime: the Center resolves Census rejects", CENSUS_REJECT),
            centerFunction("test regime: the Center processes post-summary corrections", POST_SUMMARY_CORRECTION),
            centerFunction("test regime: the Center processes post-entry amendments", POST_ENTRY_AMENDMENT),
            new Case("regulatory regime: the Center keeps the entry-summary functions of the test",
                    Requests.assigned(Center.BASE_METALS).on("2018-03-01"), d -> KEPT_FROM_THE_TEST.forEach(f -> {
                        assertThat(d.route(f).office()).isEqualTo(Center.BASE_METALS);
                        assertThat(d.route(f).certainty()).isEqualTo(Certainty.INFERRED);
                    })),
            new Case("without a Center, the Center's functions go to the port or where drawback claims go",
                    Requests.unassigned().on("2018-03-01"), RuleByRuleTest::assertPortKeepsAll),
            new Case("without a Center, the Center's functions go to the port or where drawback claims go",
                    Requests.unassigned().on("2018-03-01").type("41"), d -> CENTER_FUNCTIONS.forEach(f -> {
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

    /** No Center: the Center's functions go to the port, citing the rule that decided so. */
    private static void assertPortKeepsCenterFunctions(RoutingDecision decision) {
        assertCenter(decision, null);
        Office port = decision.route(CARGO_RELEASE).office();
        for (TradeFunction function : CENTER_FUNCTIONS) {
            assertThat(decision.route(function).office()).as(function.name()).isEqualTo(port);
            assertThat(decision.route(function).rule()).as(function.name()).isEqualTo(decision.jurisdiction().rule());
        }
    }

    /** No Center, and no participation: protests go to the port too. */
    private static void assertPortKeepsAll(RoutingDecision decision) {
        assertPortKeepsCenterFunctions(decision);
        assertThat(decision.route(PROTEST).office()).isEqualTo(decision.route(CARGO_RELEASE).office());
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
    void everyRuleCitesASourceOfTheBibliography() {
        Map<String, RuleSet.RuleLocation> rules = EmbeddedRouter.ROUTER.ruleSet().rules();
        assertThat(rules).hasSize((int) CASES.stream().map(Case::rule).distinct().count());
        Set<String> ids = EmbeddedRouter.ROUTER.sources().stream().map(Source::id).collect(Collectors.toSet());
        assertThat(EmbeddedRouter.ROUTER.rules()).allSatisfy(rule -> {
            assertThat(rule.citations()).as(rule.name()).isNotEmpty();
            assertThat(rule.citations()).extracting(Citation::source).as(rule.name()).allMatch(ids::contains);
            assertThat(rule.authority()).as(rule.name()).isNotBlank();
        });
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
