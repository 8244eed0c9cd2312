package org.ceerules.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class DecisionTest {

    private static final LocalDate AS_OF = LocalDate.of(2016, 5, 2);
    private static final Jurisdiction ELECTRONICS = new Jurisdiction(Optional.of(Center.ELECTRONICS),
            "participating account", "CEE processing procedures");

    private static Route route(TradeFunction function) {
        return new Route(function, function == TradeFunction.CARGO_RELEASE ? new PortOfEntry("2704") : Center.ELECTRONICS,
                List.of(), "rule " + function, "authority " + function);
    }

    private static List<Route> routes() {
        return Arrays.stream(TradeFunction.values()).map(DecisionTest::route).toList();
    }

    private static RoutingDecision decision(List<Route> routes) {
        return new RoutingDecision("345-6789012-3", AS_OF, ELECTRONICS, routes, "1", List.of());
    }

    /** The twenty trade functions, in their fixed order: release, entry summary, post-summary work, drawback, reconciliation. */
    @Test
    void tradeFunctionsAreTheTwentyInTheirFixedOrder() {
        assertThat(Arrays.stream(TradeFunction.values()).map(Enum::name)).containsExactly(
                "CARGO_RELEASE", "ENTRY_SUMMARY_REVIEW", "REQUEST_FOR_INFORMATION", "NOTICE_OF_ACTION",
                "SUMMARY_REJECTION", "CANCELLATION", "CENSUS_REJECT", "PAYMENT", "LIQUIDATED_DAMAGES", "LIQUIDATION",
                "POST_SUMMARY_CORRECTION", "POST_ENTRY_AMENDMENT", "POST_IMPORTATION_CLAIM", "INTERNAL_ADVICE",
                "PROTEST", "FURTHER_REVIEW", "PRIOR_DISCLOSURE", "ENFORCEMENT", "DRAWBACK", "RECONCILIATION");
    }

    @Nested
    class RouteRecord {

        private final Office office = Center.ELECTRONICS;

        @Test
        void holdsItsComponents() {
            Route r = new Route(TradeFunction.DRAWBACK, DrawbackCenter.any(), DrawbackCenter.all(), "drawback", "002");
            assertThat(r.function()).isEqualTo(TradeFunction.DRAWBACK);
            assertThat(r.office()).isEqualTo(DrawbackCenter.any());
            assertThat(r.alternatives()).isEqualTo(DrawbackCenter.all());
            assertThat(r.rule()).isEqualTo("drawback");
            assertThat(r.authority()).isEqualTo("002");
        }

        @Test
        void functionIsRequired() {
            assertThatNullPointerException().isThrownBy(() -> new Route(null, office, List.of(), "r", "a"))
                    .withMessage("function");
        }

        @Test
        void officeIsRequired() {
            assertThatNullPointerException().isThrownBy(() -> new Route(TradeFunction.PROTEST, null, List.of(), "r", "a"))
                    .withMessage("office");
        }

        @Test
        void alternativesAreRequiredCopiedAndFreeOfNulls() {
            assertThatNullPointerException().isThrownBy(() -> new Route(TradeFunction.PROTEST, office, null, "r", "a"));
            assertThatNullPointerException().isThrownBy(() -> new Route(TradeFunction.PROTEST, office,
                    Collections.singletonList(null), "r", "a"));
            List<Office> given = new ArrayList<>(List.of(new PortOfEntry("2704")));
            Route r = new Route(TradeFunction.PROTEST, office, given, "r", "a");
            given.clear();
            assertThat(r.alternatives()).containsExactly(new PortOfEntry("2704"));
            assertThatThrownBy(() -> r.alternatives().clear()).isInstanceOf(UnsupportedOperationException.class);
        }

        @ParameterizedTest(name = "rule \"{0}\"")
        @ValueSource(strings = {"", " ", "\t"})
        void ruleMustNotBeBlank(String rule) {
            assertThatIllegalArgumentException().isThrownBy(() -> new Route(TradeFunction.PROTEST, office, List.of(),
                    rule, "a")).withMessage("route of PROTEST needs a rule and an authority");
            assertThatNullPointerException().isThrownBy(() -> new Route(TradeFunction.PROTEST, office, List.of(), null,
                    "a")).withMessage("rule");
        }

        @ParameterizedTest(name = "authority \"{0}\"")
        @ValueSource(strings = {"", " ", "\n"})
        void authorityMustNotBeBlank(String authority) {
            assertThatIllegalArgumentException().isThrownBy(() -> new Route(TradeFunction.PROTEST, office, List.of(),
                    "r", authority));
            assertThatNullPointerException().isThrownBy(() -> new Route(TradeFunction.PROTEST, office, List.of(), "r",
                    null)).withMessage("authority");
        }
    }

    @Nested
    class RoutingDecisionRecord {

        @Test
        void holdsOneRoutePerFunctionInOrder() {
            RoutingDecision d = decision(routes());
            assertThat(d.routes()).extracting(Route::function).containsExactly(TradeFunction.values());
            assertThat(d.entryNumber()).isEqualTo("345-6789012-3");
            assertThat(d.asOf()).isEqualTo(AS_OF);
            assertThat(d.rulesVersion()).isEqualTo("1");
            assertThat(d.firedRules()).isEmpty();
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(TradeFunction.class)
        void routeLooksUpTheFunction(TradeFunction function) {
            RoutingDecision d = decision(routes());
            assertThat(d.route(function)).isEqualTo(route(function));
            assertThat(d.route(function).function()).isEqualTo(function);
        }

        @Test
        void centerIsTheJurisdictionsCenter() {
            assertThat(decision(routes()).center()).contains(Center.ELECTRONICS);
            RoutingDecision none = new RoutingDecision("345-6789012-3", AS_OF,
                    new Jurisdiction(Optional.empty(), "no center", "002"), routes(), "1", List.of());
            assertThat(none.center()).isEmpty();
            assertThat(none.jurisdiction().rule()).isEqualTo("no center");
        }

        @Test
        void rejectsAMissingRoute() {
            List<Route> routes = new ArrayList<>(routes());
            routes.remove(routes.size() - 1);
            assertThatIllegalArgumentException().isThrownBy(() -> decision(routes))
                    .withMessage("a decision routes all 20 trade functions, this one 19");
            assertThatIllegalArgumentException().isThrownBy(() -> decision(List.of()));
        }

        @Test
        void rejectsAnExtraRoute() {
            List<Route> routes = new ArrayList<>(routes());
            routes.add(route(TradeFunction.RECONCILIATION));
            assertThatIllegalArgumentException().isThrownBy(() -> decision(routes))
                    .withMessage("a decision routes all 20 trade functions, this one 21");
        }

        @Test
        void rejectsRoutesOutOfOrder() {
            List<Route> routes = new ArrayList<>(routes());
            Collections.swap(routes, 0, 1);
            assertThatIllegalArgumentException().isThrownBy(() -> decision(routes))
                    .withMessage("route 0 must be CARGO_RELEASE, was ENTRY_SUMMARY_REVIEW");
        }

        @Test
        void rejectsADuplicatedFunction() {
            List<Route> routes = new ArrayList<>(routes());
            routes.set(19, route(TradeFunction.DRAWBACK));
            assertThatIllegalArgumentException().isThrownBy(() -> decision(routes))
                    .withMessage("route 19 must be RECONCILIATION, was DRAWBACK");
        }

        @Test
        void componentsAreRequired() {
            List<Route> routes = routes();
            assertThatNullPointerException().isThrownBy(() -> new RoutingDecision(null, AS_OF, ELECTRONICS, routes,
                    "1", List.of())).withMessage("entryNumber");
            assertThatNullPointerException().isThrownBy(() -> new RoutingDecision("e", null, ELECTRONICS, routes,
                    "1", List.of())).withMessage("asOf");
            assertThatNullPointerException().isThrownBy(() -> new RoutingDecision("e", AS_OF, null, routes,
                    "1", List.of())).withMessage("jurisdiction");
            assertThatNullPointerException().isThrownBy(() -> new RoutingDecision("e", AS_OF, ELECTRONICS, null,
                    "1", List.of()));
            assertThatNullPointerException().isThrownBy(() -> new RoutingDecision("e", AS_OF, ELECTRONICS, routes,
                    null, List.of())).withMessage("rulesVersion");
            assertThatNullPointerException().isThrownBy(() -> new RoutingDecision("e", AS_OF, ELECTRONICS, routes,
                    "1", null));
        }

        @Test
        void listsAreCopiedAndUnmodifiable() {
            List<Route> routes = new ArrayList<>(routes());
            List<FiredRule> fired = new ArrayList<>(List.of(new FiredRule("r", "a", List.of(TradeFunction.PROTEST))));
            RoutingDecision d = new RoutingDecision("e", AS_OF, ELECTRONICS, routes, "1", fired);
            routes.clear();
            fired.clear();
            assertThat(d.routes()).hasSize(20);
            assertThat(d.firedRules()).hasSize(1);
            assertThatThrownBy(() -> d.routes().clear()).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> d.firedRules().clear()).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class JurisdictionRecord {

        @Test
        void componentsAreRequired() {
            assertThatNullPointerException().isThrownBy(() -> new Jurisdiction(null, "r", "a")).withMessage("center");
            assertThatNullPointerException().isThrownBy(() -> new Jurisdiction(Optional.empty(), null, "a"))
                    .withMessage("rule");
            assertThatNullPointerException().isThrownBy(() -> new Jurisdiction(Optional.empty(), "r", null))
                    .withMessage("authority");
        }
    }

    @Nested
    class FiredRuleRecord {

        @Test
        void ruleIsRequired() {
            assertThatNullPointerException().isThrownBy(() -> new FiredRule(null, "a", List.of())).withMessage("rule");
        }

        @Test
        void authorityIsRequired() {
            assertThatNullPointerException().isThrownBy(() -> new FiredRule("r", null, List.of()))
                    .withMessage("authority");
        }

        @Test
        void functionsAreRequiredCopiedAndMayBeEmpty() {
            assertThatNullPointerException().isThrownBy(() -> new FiredRule("r", "a", null));
            assertThatNullPointerException().isThrownBy(() -> new FiredRule("r", "a", Collections.singletonList(null)));
            assertThat(new FiredRule("overruled", "a", List.of()).functions()).isEmpty();
            List<TradeFunction> given = new ArrayList<>(List.of(TradeFunction.PROTEST, TradeFunction.FURTHER_REVIEW));
            FiredRule fired = new FiredRule("r", "a", given);
            given.clear();
            assertThat(fired.functions()).containsExactly(TradeFunction.PROTEST, TradeFunction.FURTHER_REVIEW);
            assertThatThrownBy(() -> fired.functions().clear()).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class Results {

        @Test
        void aRejectionNeedsAViolation() {
            assertThatIllegalArgumentException().isThrownBy(() -> new RoutingResult.Rejected(List.of()))
                    .withMessage("a rejection names at least one violation");
            assertThatNullPointerException().isThrownBy(() -> new RoutingResult.Rejected(null));
        }

        @Test
        void aRejectionHoldsACopyOfItsViolations() {
            List<Violation> given = new ArrayList<>(List.of(new Violation("entrySummary.entryType", "unknown")));
            RoutingResult.Rejected rejected = new RoutingResult.Rejected(given);
            given.clear();
            assertThat(rejected.violations()).containsExactly(new Violation("entrySummary.entryType", "unknown"));
            assertThatThrownBy(() -> rejected.violations().clear()).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void aRoutedResultNeedsADecision() {
            assertThatNullPointerException().isThrownBy(() -> new RoutingResult.Routed(null)).withMessage("decision");
            RoutingDecision d = decision(routes());
            assertThat(new RoutingResult.Routed(d).decision()).isSameAs(d);
        }

        @Test
        void resultsAreSealedToRoutedAndRejected() {
            assertThat(RoutingResult.class.getPermittedSubclasses())
                    .containsExactlyInAnyOrder(RoutingResult.Routed.class, RoutingResult.Rejected.class);
        }
    }
}
