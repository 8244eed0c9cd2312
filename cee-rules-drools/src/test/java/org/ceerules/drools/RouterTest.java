package org.ceerules.drools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ceerules.api.TradeFunction.*;

import java.time.LocalDate;
import java.util.List;
import org.ceerules.api.Center;
import org.ceerules.api.CenterOpening;
import org.ceerules.api.DrawbackCenter;
import org.ceerules.api.FiredRule;
import org.ceerules.api.PortOfEntry;
import org.ceerules.api.Router;
import org.ceerules.api.Routers;
import org.ceerules.api.RoutingDecision;
import org.ceerules.api.RoutingRequest;
import org.ceerules.api.RoutingResult;
import org.ceerules.api.TradeFunction;
import org.ceerules.api.Violation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The router's behaviour beyond single rules: reference-data checks, dates, explanation, discovery. */
class RouterTest {

    private static final Router ROUTER = EmbeddedRouter.ROUTER;

    static RoutingDecision decide(Requests request) {
        RoutingResult result = ROUTER.route(request.build());
        assertThat(result).isInstanceOf(RoutingResult.Routed.class);
        return ((RoutingResult.Routed) result).decision();
    }

    static String center(Requests request) {
        return decide(request).center().map(Center::teamCode).orElse("none");
    }

    @Nested
    class Rejections {
        @Test
        void anEntryTypeThatDoesNotExistIsRejectedByName() {
            RoutingResult result = ROUTER.route(Requests.participant().type("10").build());
            assertThat(result).isEqualTo(new RoutingResult.Rejected(List.of(new Violation("entrySummary.entryType",
                    "is not an entry type of CBP Form 7501, was \"10\""))));
        }

        @Test
        void participationBeforeTheCenterOpenedIsRejected() {
            RoutingResult result = ROUTER.route(Requests.participant().center(Center.BASE_METALS)
                    .participating("2013-01-15").build());
            assertThat(result).isInstanceOf(RoutingResult.Rejected.class);
            assertThat(((RoutingResult.Rejected) result).violations()).extracting(Violation::field)
                    .containsExactly("account.participationStart");
        }

        @Test
        void bothReferenceChecksAreReportedTogether() {
            RoutingResult result = ROUTER.route(Requests.participant().center(Center.MACHINERY)
                    .participating("2012-01-01").type("99").build());
            assertThat(((RoutingResult.Rejected) result).violations()).extracting(Violation::field)
                    .containsExactly("entrySummary.entryType", "account.participationStart");
        }

        @Test
        void participationOnTheOpeningDayIsAccepted() {
            assertThat(center(Requests.participant().center(Center.BASE_METALS).participating("2013-04-04")))
                    .isEqualTo("005");
        }
    }

    @Nested
    class Openings {
        @ParameterizedTest(name = "Center {0} opened on {1} ({2}, {3})")
        @CsvSource({
            "001, 2011-10-20, confirmed, cbp-pr-2011-10-20",
            "003, 2012-09-27, secondary, cedaily-2012-09-04",
            "005, 2013-04-04, secondary, str-2013-04-04",
            "007, 2011-10-20, confirmed, cbp-pr-2011-10-20",
        })
        void eachCenterIsDatedByTheTimelineWithItsSources(String team, String date, String certainty, String first) {
            CenterOpening opening = ROUTER.opening(Center.ofTeamCode(team).orElseThrow()).orElseThrow();
            assertThat(opening.date()).isEqualTo(date);
            assertThat(opening.certainty().label()).isEqualTo(certainty);
            assertThat(opening.citations().get(0).source()).isEqualTo(first);
        }

        @Test
        void everyCenterHasAnOpeningAndTheRouterRefusesParticipationBeforeIt() {
            for (Center center : Center.values()) {
                LocalDate opened = ROUTER.opening(center).orElseThrow().date();
                assertThat(center(Requests.participant().center(center).participating(opened.toString())))
                        .as("Center %s on its opening day", center.teamCode()).isEqualTo(center.teamCode());
                RoutingResult before = ROUTER.route(Requests.participant().center(center)
                        .participating(opened.minusDays(1).toString()).build());
                assertThat(before).as("Center %s the day before", center.teamCode())
                        .isInstanceOf(RoutingResult.Rejected.class);
            }
        }
    }

    @Nested
    class Timeline {
        @ParameterizedTest(name = "{0} routed {1}: Center {2}")
        @CsvSource({
            // entries filed before participation go to the Center too (tpd-2013, Participating Account Responsibilities)
            "filed 2013-12-02, 2014-05-01, 007",
            // before participation begins, the port
            "filed 2014-01-02, 2014-02-28, none",
            "filed 2014-01-02, 2014-03-01, 007",
        })
        void participation(String filed, String asOf, String center) {
            assertThat(center(Requests.participant().filed(filed.substring(6)).asOf(asOf))).isEqualTo(center);
        }

        @ParameterizedTest(name = "Center {0} delegated at port {2} from {1}")
        @CsvSource({
            // team, first day, a port of its list, a tariff number of its industry
            "001, 2015-01-28, 3901, 3004.90.9290",
            "001, 2015-06-29, 2704, 3004.90.9290",
            "006, 2015-06-29, 5301, 2709.00.2090",
            "004, 2015-12-16, 2704, 6110.20.2079",
            "004, 2015-12-16, 2501, 6110.20.2079",
            "007, 2015-12-16, 2704, 8517.62.0090",
            "002, 2016-03-23, 5201, 0201.10.0000",
            "003, 2016-03-23, 3801, 8803.30.0030",
            "005, 2016-03-23, 3901, 7208.51.0030",
            "008, 2016-03-23, 1704, 9503.00.0073",
            "009, 2016-03-23, 0901, 4011.10.1000",
            "010, 2016-03-23, 2304, 8462.21.0000",
        })
        void theDelegationBeginsOnItsDateAtTheListedPortsJudgedOnTheEntryDate(String team, String date, String port,
                                                                             String hts) {
            java.time.LocalDate day = java.time.LocalDate.parse(date);
            Requests entry = Requests.unassigned().port(port).line(hts, "1000");
            assertThat(center(entry.on(day.minusDays(1).toString()))).isEqualTo("none");
            assertThat(center(entry.on(date))).isEqualTo(team);
            // the entry date is the switch: an older entry stays at the port even when routed later
            assertThat(center(entry.filed(day.minusDays(1).toString()).asOf("2016-12-30"))).isEqualTo("none");
            // the account's own Center plays no part for a non-participant
            Requests other = Requests.assigned(Center.MACHINERY.teamCode().equals(team) ? Center.BASE_METALS
                    : Center.MACHINERY).port(port).line(hts, "1000");
            assertThat(center(other.on(date))).isEqualTo(team);
        }

        @Test
        void aPortOfNoListStaysWithThePortUntilTheRegulations() {
            // Chester, PA (1102) is in no delegation list; Los Angeles (2704) is
            Requests apparel = Requests.unassigned().line("6110.20.2079", "60000");
            assertThat(center(apparel.port("1102").on("2016-06-01"))).isEqualTo("none");
            assertThat(center(apparel.port("2704").on("2016-06-01"))).isEqualTo("004");
            // under the regulations an unassigned account stays at the port wherever it files
            assertThat(center(apparel.port("2704").on("2017-01-19"))).isEqualTo("none");
        }

        @Test
        void aMixedEntryGoesByItsPredominantLineAndLinesOfNoCenterCountForNone() {
            Requests mixed = Requests.unassigned().on("2016-06-01");
            assertThat(center(mixed.line("8471.30.0100", "10000").line("6110.20.2079", "90000"))).isEqualTo("004");
            assertThat(center(Requests.unassigned().on("2016-06-01").line("8471.30.0100", "90000")
                    .line("6110.20.2079", "10000"))).isEqualTo("007");
            // a tie goes to the earliest line of the largest value
            assertThat(center(Requests.unassigned().on("2016-06-01").line("6110.20.2079", "50000")
                    .line("8471.30.0100", "50000"))).isEqualTo("004");
            // chapter 98 belongs to no Center: it counts for none, however large
            assertThat(center(Requests.unassigned().on("2016-06-01").line("9801.00.1097", "900000")
                    .line("8471.30.0100", "100"))).isEqualTo("007");
            assertThat(center(Requests.unassigned().on("2016-06-01").line("9801.00.1097", "900000")))
                    .isEqualTo("none");
        }

        @Test
        void theRegulatoryRegimeBeginsOn2017_01_19() {
            // quota entry of a participant: port under the test, Center under the regulations
            Requests quota = Requests.participant().type("02").filed("2017-01-10");
            assertThat(center(quota.asOf("2017-01-18"))).isEqualTo("none");
            assertThat(center(quota.asOf("2017-01-19"))).isEqualTo("007");
            // an assigned account's older entries go to the Center under the regulations
            assertThat(center(Requests.assigned(Center.MACHINERY).filed("2015-05-05").asOf("2017-01-19")))
                    .isEqualTo("010");
        }

        @Test
        void withdrawalEndsTheParticipationForLaterEntriesOnly() {
            Requests withdrawn = Requests.participant().center(Center.APPAREL_FOOTWEAR_TEXTILES)
                    .participating("2014-06-01").withdrawn("2015-06-01").asOf("2015-08-03").port("2809")
                    .line("6203.42.4011", "88000");
            assertThat(center(withdrawn.filed("2015-05-31"))).isEqualTo("004");
            assertThat(center(withdrawn.filed("2015-06-01"))).isEqualTo("none");
            // from the Apparel delegation (2015-12-16), a withdrawn account's later entries fall under it
            assertThat(center(withdrawn.filed("2016-01-04").asOf("2016-02-01"))).isEqualTo("004");
            // under the regulations withdrawal no longer matters
            assertThat(center(withdrawn.filed("2016-01-04").asOf("2017-02-01"))).isEqualTo("004");
        }

        @Test
        void entryTypesBecomeEligibleOn2014_03_10JudgedOnTheRoutingDate() {
            Requests ftz = Requests.participant().type("06").filed("2014-03-05");
            assertThat(center(ftz.asOf("2014-03-09"))).isEqualTo("none");
            assertThat(center(ftz.asOf("2014-03-10"))).isEqualTo("007");
        }

        @Test
        void warehouseEntriesAndUnlistedTypesStayAtThePort() {
            assertThat(center(Requests.assigned(Center.MACHINERY).type("21").on("2018-01-02"))).isEqualTo("none");
            assertThat(center(Requests.assigned(Center.MACHINERY).type("31").on("2018-01-02"))).isEqualTo("010");
        }

        @Test
        void adcvdEntriesOfAParticipantFiledAfterParticipationGoToTheCenter() {
            assertThat(center(Requests.participant().type("03").filed("2014-08-15").asOf("2014-09-01")))
                    .isEqualTo("007");
            // a withdrawn account's AD/CVD entry filed during participation: back to the port after withdrawal
            Requests adcvd = Requests.participant().type("03").filed("2014-08-15").withdrawn("2015-01-01");
            assertThat(center(adcvd.asOf("2014-12-31"))).isEqualTo("007");
            assertThat(center(adcvd.asOf("2015-01-01"))).isEqualTo("none");
            // under the regulations AD/CVD entries go to the Center
            assertThat(center(Requests.assigned(Center.BASE_METALS).type("03").on("2018-01-02"))).isEqualTo("005");
        }

        @Test
        void theDelegationCoversAdcvdEntriesTheParticipationDoesNotReach() {
            // the same AD/CVD entry of Base Metals' industry at Chicago, filed after its delegation (2016-03-23),
            // goes to the Center whether the account participates later, withdrew, or never participated
            Requests steel = Requests.participant().center(Center.BASE_METALS).port("3901")
                    .line("7208.51.0030", "300000").type("03");
            assertThat(center(steel.participating("2016-06-01").filed("2016-04-01").asOf("2016-07-01")))
                    .isEqualTo("005");
            assertThat(center(Requests.participant().center(Center.BASE_METALS).port("3901")
                    .line("7208.51.0030", "300000").type("03").participating("2014-01-01").withdrawn("2016-08-01")
                    .filed("2016-04-01").asOf("2016-09-01"))).isEqualTo("005");
            assertThat(center(Requests.assigned(Center.BASE_METALS).port("3901").line("7208.51.0030", "300000")
                    .type("03").filed("2016-04-01").asOf("2016-09-01"))).isEqualTo("005");
            // before the delegation the exceptions hold
            assertThat(center(Requests.participant().center(Center.BASE_METALS).port("3901")
                    .line("7208.51.0030", "300000").type("03").participating("2016-06-01").filed("2016-03-22")
                    .asOf("2016-07-01"))).isEqualTo("none");
        }

        @Test
        void theDatedMeasuresAfter2017MoveTheirFunctionsOnTheirDay() {
            Requests steel = Requests.assigned(Center.BASE_METALS).port("3901");
            assertThat(decide(steel.on("2018-02-23")).route(RECONCILIATION).office()).isEqualTo(new PortOfEntry("3901"));
            assertThat(decide(steel.on("2018-02-24")).route(RECONCILIATION).office()).isEqualTo(Center.BASE_METALS);
            assertThat(decide(steel.on("2021-09-13")).route(DRAWBACK).office()).isEqualTo(DrawbackCenter.any());
            assertThat(decide(steel.on("2021-09-14")).route(DRAWBACK).office()).isEqualTo(Center.BASE_METALS);
            assertThat(decide(steel.on("2024-09-30")).route(DRAWBACK).office()).isEqualTo(Center.BASE_METALS);
            assertThat(decide(steel.on("2024-10-01")).route(DRAWBACK).office())
                    .isEqualTo(Center.PETROLEUM_NATURAL_GAS_MINERALS);
            // TIB: the port under the test, the Center under the regulations; release stays at the port
            Requests tib = Requests.assigned(Center.MACHINERY).port("2304").type("23");
            assertThat(center(tib.on("2017-01-18"))).isEqualTo("none");
            RoutingDecision regulatory = decide(tib.on("2017-01-19"));
            assertThat(regulatory.center()).contains(Center.MACHINERY);
            assertThat(regulatory.route(CARGO_RELEASE).office()).isEqualTo(new PortOfEntry("2304"));
        }
    }

    @Nested
    class Explanation {
        @Test
        void explainReturnsTheSameRoutesWithTheFiredRules() {
            RoutingRequest request = Requests.participant().type("02").build();
            RoutingDecision routed = ((RoutingResult.Routed) ROUTER.route(request)).decision();
            RoutingDecision explained = ((RoutingResult.Routed) ROUTER.explain(request)).decision();
            assertThat(explained.routes()).isEqualTo(routed.routes());
            assertThat(routed.firedRules()).isEmpty();
            assertThat(explained.firedRules()).isNotEmpty();
        }

        @Test
        void eachRouteTracesBackThroughResolutionToTheDecidingRules() {
            RoutingDecision d = ((RoutingResult.Routed) ROUTER.explain(Requests.participant().type("02").build()))
                    .decision();
            List<String> forReview = d.firedRules().stream().filter(f -> f.functions().contains(ENTRY_SUMMARY_REVIEW))
                    .map(FiredRule::rule).toList();
            assertThat(forReview).containsExactly(
                    "test regime: quota entries stay at the port",
                    "an exception keeps the entry out of the Centers",
                    "without a Center, the Center's functions go to the port or where drawback claims go");
            assertThat(d.route(ENTRY_SUMMARY_REVIEW).rule()).isEqualTo("test regime: quota entries stay at the port");
            // the claim fired, but was overruled: it decided no route
            assertThat(d.firedRules()).filteredOn(f -> f.rule().equals("test regime: a participating account's entries go to its Center"))
                    .singleElement().satisfies(f -> assertThat(f.functions()).isEmpty());
            // payment does not depend on jurisdiction
            assertThat(d.firedRules()).filteredOn(f -> f.functions().contains(PAYMENT)).extracting(FiredRule::rule)
                    .containsExactly("revenue is collected at the port of entry");
        }

        @Test
        void aCenterRouteTracesToItsClaim() {
            RoutingDecision d = ((RoutingResult.Routed) ROUTER.explain(Requests.participant().build())).decision();
            assertThat(d.firedRules()).filteredOn(f -> f.functions().contains(LIQUIDATION)).extracting(FiredRule::rule)
                    .containsExactly("test regime: a participating account's entries go to its Center",
                            "a Center has jurisdiction where it claims the entry and no exception applies",
                            "the Center liquidates the entry");
            assertThat(d.jurisdiction().rule()).isEqualTo("test regime: a participating account's entries go to its Center");
        }
    }

    @Test
    void everyDecisionRoutesEveryFunctionInOrderWithRuleAndAuthority() {
        RoutingDecision d = decide(Requests.participant());
        assertThat(d.routes()).extracting(r -> r.function()).containsExactly(TradeFunction.values());
        assertThat(d.routes()).allSatisfy(r -> {
            assertThat(r.rule()).isNotBlank();
            assertThat(r.authority()).isNotBlank();
        });
        assertThat(d.entryNumber()).isEqualTo("345-6789012-3");
        assertThat(d.rulesVersion()).isEqualTo(ROUTER.rulesVersion()).isNotBlank();
    }

    @Test
    void everyRouteAndTheJurisdictionCiteSourcesOfTheBibliographyWithTheirCertainty() {
        java.util.Set<String> ids = ROUTER.sources().stream().map(org.ceerules.api.Source::id)
                .collect(java.util.stream.Collectors.toSet());
        for (Requests request : List.of(Requests.participant(), Requests.unassigned().on("2016-06-01"),
                Requests.assigned(Center.BASE_METALS).on("2025-03-03"), Requests.participant().type("45"))) {
            RoutingDecision d = decide(request);
            assertThat(d.jurisdiction().citations()).isNotEmpty();
            assertThat(d.routes()).allSatisfy(r -> assertThat(r.citations()).as(r.function().name()).isNotEmpty()
                    .allSatisfy(c -> assertThat(ids).contains(c.source())));
        }
        RoutingDecision d = decide(Requests.participant());
        // the post-importation claim is our reading; cargo release is confirmed
        assertThat(d.route(POST_IMPORTATION_CLAIM).certainty()).isEqualTo(org.ceerules.api.Certainty.INFERRED);
        assertThat(d.route(CARGO_RELEASE).certainty()).isEqualTo(org.ceerules.api.Certainty.CONFIRMED);
        assertThat(d.route(CARGO_RELEASE).authority())
                .isEqualTo("CBP Trade Process Document v1.3 (2013), Release/Entry Process; 19 CFR 101.1");
        // a Center's route rests on the jurisdiction's sources too
        assertThat(d.route(ENTRY_SUMMARY_REVIEW).citations()).containsAll(d.jurisdiction().citations());
        // explain adds the cited sources in full; route does not
        RoutingDecision explained = ((RoutingResult.Routed) ROUTER.explain(Requests.participant().build())).decision();
        assertThat(d.sources()).isEmpty();
        assertThat(explained.sources()).extracting(org.ceerules.api.Source::id)
                .contains("tpd-2013", "19-cfr-101.1").isSorted()
                .containsExactlyInAnyOrderElementsOf(explained.routes().stream()
                        .flatMap(r -> r.citations().stream()).map(org.ceerules.api.Citation::source)
                        .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)));
        assertThat(explained.sources()).allSatisfy(source -> assertThat(source.url()).startsWith("https://"));
    }

    @Test
    void theDefaultRouterIsFoundThroughServiceLoaderAndShared() {
        assertThat(Routers.defaultRouter()).isInstanceOf(DroolsRouter.class).isSameAs(Routers.defaultRouter());
        assertThat(Routers.defaultRouter().route(Requests.participant().build()))
                .isEqualTo(ROUTER.route(Requests.participant().build()));
    }

    @Test
    void aRouterFromADirectoryIsFoundThroughServiceLoaderAndNew(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        java.nio.file.Path root = RuleSetCopy.of(dir).root();
        org.ceerules.api.Router fromDirectory = Routers.fromDirectory(root);
        assertThat(fromDirectory).isInstanceOf(DroolsRouter.class).isNotSameAs(Routers.defaultRouter());
        assertThat(fromDirectory.route(Requests.participant().build())).isEqualTo(ROUTER.route(Requests.participant().build()));
        assertThat(fromDirectory.rules()).isEqualTo(ROUTER.rules());
    }

    @Test
    void rulesAreListedByFileAndLineWithTheirAuthority() {
        List<org.ceerules.api.KnowledgeBaseRule> rules = ROUTER.rules();
        assertThat(rules).hasSize(EmbeddedRouter.ROUTER.ruleSet().rules().size())
                .isSortedAccordingTo(java.util.Comparator.comparing(org.ceerules.api.KnowledgeBaseRule::file)
                        .thenComparingInt(org.ceerules.api.KnowledgeBaseRule::line))
                .allSatisfy(r -> assertThat(r.authority()).isNotBlank());
        org.ceerules.api.FiredRule fired = ((RoutingResult.Routed) ROUTER.explain(Requests.participant().build()))
                .decision().firedRules().get(0);
        assertThat(rules).anySatisfy(r -> {
            assertThat(r.name()).isEqualTo(fired.rule());
            assertThat(r.authority()).as("the text's authority is the one decisions cite").isEqualTo(fired.authority());
        });
        assertThat(rules.get(0).file()).isEqualTo("drl/drawback.drl");
    }

    @Test
    void aPooledSessionLeavesNothingToTheNextDecision() {
        // route reuses sessions; explain makes a new one for each decision
        List<RoutingRequest> requests = List.of(Requests.participant().build(), Requests.participant().type("45").build(),
                Requests.unassigned().port("5101").build(), Requests.participant().type("23").build(),
                Requests.assigned(Center.BASE_METALS).on("2018-02-20").build(), Requests.participant().build());
        for (int round = 0; round < 3; round++) {
            for (RoutingRequest request : requests) {
                RoutingDecision routed = ((RoutingResult.Routed) ROUTER.route(request)).decision();
                RoutingDecision explained = ((RoutingResult.Routed) ROUTER.explain(request)).decision();
                assertThat(routed.routes()).isEqualTo(explained.routes());
                assertThat(routed.jurisdiction()).isEqualTo(explained.jurisdiction());
            }
        }
    }

    @Test
    void aDecisionThatFailsDoesNotSpoilTheNext(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        java.nio.file.Path root = RuleSetCopy.of(dir).append("drl/routing.drl", "\n// Fails for vessel repairs.\n"
                + "rule \"vessel repairs fail\"\n    @cite(\"tpd-2013\")\n    salience 100\nwhen\n"
                + "    Entry( entryType == \"05\" )\nthen\n    routes.add(null);\nend\n").root();
        DroolsRouter router = DroolsRouter.fromDirectory(root);
        for (int round = 0; round < 3; round++) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> router.route(Requests.participant().type("05").build()))
                    .isInstanceOf(RuntimeException.class);
            assertThat(router.route(Requests.participant().build())).isEqualTo(ROUTER.route(Requests.participant().build()));
        }
    }

    @Test
    void routesThatRulesInsertCountAsRoutesTheyAdd(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        // a rule set written before the routes global: every routing rule inserts its route
        java.nio.file.Path root = RuleSetCopy.of(dir)
                .replace("drl/routing.drl", "global org.ceerules.drools.facts.Routes routes;", "")
                .replace("drl/routing.drl", "routes.add(", "insert(").root();
        DroolsRouter router = DroolsRouter.fromDirectory(root);
        for (RoutingRequest request : List.of(Requests.participant().build(), Requests.unassigned().build(),
                Requests.participant().type("45").build())) {
            assertThat(router.route(request)).isEqualTo(ROUTER.route(request));
            RoutingDecision explained = ((RoutingResult.Routed) router.explain(request)).decision();
            assertThat(explained.firedRules()).containsExactlyInAnyOrderElementsOf(
                    ((RoutingResult.Routed) ROUTER.explain(request)).decision().firedRules());
        }
    }

    @Test
    void routeAllKeepsOrderAndRejectionsInPlace() {
        List<RoutingRequest> requests = List.of(Requests.participant().build(), Requests.participant().type("10").build(),
                Requests.unassigned().port("5101").build());
        List<RoutingResult> results = ROUTER.routeAll(requests);
        assertThat(results).hasSize(3);
        assertThat(results.get(0)).isEqualTo(ROUTER.route(requests.get(0)));
        assertThat(results.get(1)).isInstanceOf(RoutingResult.Rejected.class);
        assertThat(((RoutingResult.Routed) results.get(2)).decision().route(CARGO_RELEASE).office())
                .isEqualTo(new PortOfEntry("5101"));
    }
}
