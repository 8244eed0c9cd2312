package org.ceerules.drools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ceerules.api.TradeFunction.*;

import java.util.List;
import org.ceerules.api.Center;
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
    class Timeline {
        @ParameterizedTest(name = "{0} routed {1}: Center {2}")
        @CsvSource({
            // entries filed before participation go to the Center too (seed 002)
            "filed 2013-12-02, 2014-05-01, 007",
            // before participation begins, the port
            "filed 2014-01-02, 2014-02-28, none",
            "filed 2014-01-02, 2014-03-01, 007",
        })
        void participation(String filed, String asOf, String center) {
            assertThat(center(Requests.participant().filed(filed.substring(6)).asOf(asOf))).isEqualTo(center);
        }

        @ParameterizedTest(name = "Center {0} industry-wide on {1}")
        @CsvSource({
            "001, 2015-06-29", "006, 2015-06-29", "004, 2015-12-16", "007, 2015-12-16",
            "002, 2016-03-23", "003, 2016-03-23", "005, 2016-03-23", "008, 2016-03-23", "009, 2016-03-23",
            "010, 2016-03-23",
        })
        void industryWideDateIsTheFirstDayForAssignedAccounts(String team, String date) {
            Center c = Center.ofTeamCode(team).orElseThrow();
            java.time.LocalDate day = java.time.LocalDate.parse(date);
            assertThat(center(Requests.assigned(c).on(day.minusDays(1).toString()))).isEqualTo("none");
            assertThat(center(Requests.assigned(c).on(date))).isEqualTo(team);
            // the entry date is the switch: an older entry stays at the port even when routed later
            assertThat(center(Requests.assigned(c).filed(day.minusDays(1).toString()).asOf("2016-12-30")))
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
        void withdrawalEndsTheCenterForLaterEntriesOnly() {
            Requests withdrawn = Requests.participant().center(Center.APPAREL_FOOTWEAR_TEXTILES)
                    .participating("2014-06-01").withdrawn("2015-06-01").asOf("2015-08-03");
            assertThat(center(withdrawn.filed("2015-05-31"))).isEqualTo("004");
            assertThat(center(withdrawn.filed("2015-06-01"))).isEqualTo("none");
            // after the industry-wide date, a withdrawn account's later entries still stay at the port [inferred]
            assertThat(center(withdrawn.filed("2016-01-04").asOf("2016-02-01"))).isEqualTo("none");
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
        void theIndustryWideAuthorityCoversAdcvdEntriesWhateverTheParticipation() {
            // the same AD/CVD entry, filed after Base Metals went industry-wide (2016-03-23), goes to the
            // Center whether the account participates later, withdrew, or never participated
            Requests later = Requests.participant().center(Center.BASE_METALS).participating("2016-06-01")
                    .type("03").filed("2016-04-01").asOf("2016-07-01");
            Requests withdrawn = Requests.participant().center(Center.BASE_METALS).participating("2014-01-01")
                    .withdrawn("2016-08-01").type("03").filed("2016-04-01").asOf("2016-09-01");
            Requests never = Requests.assigned(Center.BASE_METALS).type("03").filed("2016-04-01").asOf("2016-09-01");
            assertThat(center(later)).isEqualTo("005");
            assertThat(center(withdrawn)).isEqualTo("005");
            assertThat(center(never)).isEqualTo("005");
            // before the industry-wide date the exceptions hold
            assertThat(center(Requests.participant().center(Center.BASE_METALS).participating("2016-06-01")
                    .type("03").filed("2016-03-22").asOf("2016-07-01"))).isEqualTo("none");
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
                    "without a Center, the Center's functions go to the port or the Drawback Center");
            assertThat(d.route(ENTRY_SUMMARY_REVIEW).rule()).isEqualTo("test regime: quota entries stay at the port");
            // the claim fired, but was overruled: it decided no route
            assertThat(d.firedRules()).filteredOn(f -> f.rule().startsWith("test regime: a participating"))
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
    void inferredRulesSayInferredInTheirAuthority() {
        RoutingDecision d = decide(Requests.participant());
        assertThat(d.route(POST_IMPORTATION_CLAIM).authority()).contains("[inferred]");
        assertThat(d.route(CARGO_RELEASE).authority()).doesNotContain("inferred");
        // the test procedures are confirmed; that each function stays with the Center under the regulations is not
        assertThat(d.route(ENTRY_SUMMARY_REVIEW).authority()).contains("Entry Summary Processes")
                .contains("81 FR 92978").contains("[inferred]");
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
        assertThat(rules.get(0).file()).isEqualTo("drl/exceptions.drl");
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
