package org.ceerules.drools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.ceerules.api.Center;
import org.ceerules.api.Route;
import org.ceerules.api.RoutingDecision;
import org.ceerules.api.SubjectAbbreviation;
import org.ceerules.api.Submission;
import org.ceerules.api.TradeFunction;
import org.junit.jupiter.api.Test;

/** The router attaches a submission to a route whose office, or an alternative, is a Center, for a function with a subject abbreviation. */
class SubmissionRoutingTest {

    private static Optional<Submission> submission(RoutingDecision decision, TradeFunction function) {
        return decision.route(function).submission();
    }

    @Test
    void everyRouteToACenterOfAFunctionWithAnAbbreviationHasIt() {
        RoutingDecision d = RouterTest.decide(Requests.participant());
        for (Route route : d.routes()) {
            boolean center = route.office() instanceof Center || route.alternatives().stream().anyMatch(Center.class::isInstance);
            Optional<SubjectAbbreviation> abbreviation = SubjectAbbreviation.forFunction(route.function());
            assertThat(route.submission().isPresent()).as(route.function().name())
                    .isEqualTo(center && abbreviation.isPresent());
            route.submission().ifPresent(s -> {
                assertThat(s.abbreviation()).isEqualTo(abbreviation.get());
                assertThat(s.center()).isEqualTo(Center.ELECTRONICS);
                assertThat(s.subject()).isEqualTo(abbreviation.get().abbreviation() + ",NokiaInc,345-67890123,2704");
            });
        }
        assertThat(submission(d, TradeFunction.REQUEST_FOR_INFORMATION)).map(Submission::subject)
                .contains("F28,NokiaInc,345-67890123,2704");
    }

    @Test
    void aPriorDisclosureAtThePortMayGoToTheCenterAndSaysHow() {
        RoutingDecision d = RouterTest.decide(Requests.participant());
        Route pd = d.route(TradeFunction.PRIOR_DISCLOSURE);
        assertThat(pd.office().type().name()).isEqualTo("PORT");
        assertThat(pd.submission()).map(Submission::subject).contains("PD,NokiaInc,345-67890123,2704");
    }

    @Test
    void aProtestInTheRegulatoryRegimeGoesToTheAssignedCenter() {
        RoutingDecision d = RouterTest.decide(Requests.assigned(Center.BASE_METALS).on("2018-03-01"));
        assertThat(submission(d, TradeFunction.PROTEST)).map(Submission::to)
                .contains(Center.BASE_METALS.emailAddresses());
        assertThat(submission(d, TradeFunction.PROTEST)).map(Submission::subject)
                .contains("PR,NokiaInc,345-67890123,2704");
    }

    @Test
    void noCenterNoSubmission() {
        RoutingDecision d = RouterTest.decide(Requests.unassigned().on("2018-03-01"));
        assertThat(d.routes()).allSatisfy(r -> assertThat(r.submission()).isEmpty());
        RoutingDecision usvi = RouterTest.decide(Requests.participant().port("5101"));
        assertThat(usvi.route(TradeFunction.ENTRY_SUMMARY_REVIEW).submission()).isEmpty();
    }
}
