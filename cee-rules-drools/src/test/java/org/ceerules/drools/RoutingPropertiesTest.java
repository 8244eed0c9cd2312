package org.ceerules.drools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import org.ceerules.api.Center;
import org.ceerules.api.RoutingRequest;
import org.ceerules.api.RoutingResult;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Invariants of the router over generated requests (QuickTheories). */
class RoutingPropertiesTest {

    private static final DroolsRouter ROUTER = EmbeddedRouter.ROUTER;
    private static final LocalDate FIRST = LocalDate.of(2011, 1, 1);
    private static final int DAYS = 9 * 366;
    private static final List<String> TYPES = List.of("01", "02", "03", "04", "06", "07", "09", "11", "12", "21",
            "23", "24", "31", "32", "34", "38", "41", "45", "51", "62", "10", "99");
    private static final List<String> PORTS = List.of("2704", "5101", "3901", "4601", "5104");

    /** A request with its account and entry; dates and participation drawn across 2011-2019. */
    private static final Gen<Requests> REQUESTS = in -> {
        int centerIndex = integers().between(-1, 9).generate(in);
        LocalDate filed = FIRST.plusDays(integers().between(0, DAYS).generate(in));
        Requests r = centerIndex < 0 ? Requests.unassigned() : Requests.assigned(Center.values()[centerIndex]);
        if (centerIndex >= 0 && integers().between(0, 1).generate(in) == 1) {
            LocalDate start = FIRST.plusDays(integers().between(0, DAYS).generate(in));
            r.participating(start.toString());
            if (integers().between(0, 2).generate(in) == 2) {
                r.withdrawn(start.plusDays(integers().between(1, 900).generate(in)).toString());
            }
        }
        r.type(TYPES.get(integers().between(0, TYPES.size() - 1).generate(in)))
                .port(PORTS.get(integers().between(0, PORTS.size() - 1).generate(in)))
                .filed(filed.toString())
                .asOf(filed.plusDays(integers().between(0, 1500).generate(in)).toString());
        if (integers().between(0, 4).generate(in) == 0) {
            r.adcvdCase("A-570-910");
        }
        return r;
    };

    @Test
    void everyRequestIsRoutedOrRejectedWithANamedField() {
        qt().withExamples(1500).forAll(REQUESTS).checkAssert(r -> {
            RoutingResult result = ROUTER.route(r.build());
            if (result instanceof RoutingResult.Rejected rejected) {
                assertThat(rejected.violations()).isNotEmpty()
                        .allSatisfy(v -> assertThat(v.field()).isNotBlank());
            } else {
                assertThat(((RoutingResult.Routed) result).decision().routes())
                        .allSatisfy(route -> assertThat(route.rule()).isNotBlank());
            }
        });
    }

    @Test
    void routeAllEqualsRouteOfEachInOrder() {
        qt().withExamples(60).forAll(lists().of(REQUESTS).ofSizeBetween(0, 25)).checkAssert(list -> {
            List<RoutingRequest> requests = list.stream().map(Requests::build).toList();
            assertThat(ROUTER.routeAll(requests)).isEqualTo(requests.stream().map(ROUTER::route).toList());
        });
    }

    /**
     * For a fixed account and entry, moving {@code asOf} changes the routes only across a date of
     * the rule book's timeline (or of the account): between two such dates the routes are equal.
     */
    @Test
    void routesChangeWithAsOfOnlyAtTimelineDates() {
        qt().withExamples(800).forAll(REQUESTS, integers().between(1, 800)).checkAssert((r, span) -> {
            RoutingRequest request = r.build();
            LocalDate from = request.asOf();
            LocalDate to = from.plusDays(span);
            TreeSet<LocalDate> boundaries = boundaries(request);
            LocalDate next = boundaries.higher(from);
            RoutingResult first = ROUTER.route(request);
            RoutingResult later = ROUTER.route(request.withAsOf(to));
            if (next == null || next.isAfter(to)) {
                assertThat(routes(later)).as("no timeline date in (%s, %s]", from, to).isEqualTo(routes(first));
            }
        });
    }

    private static TreeSet<LocalDate> boundaries(RoutingRequest request) {
        // DOMAIN sections 2 and 5: entry types added on 2014-03-10, the regulations on 2017-01-19
        TreeSet<LocalDate> dates = new TreeSet<>(List.of(LocalDate.of(2014, 3, 10), LocalDate.of(2017, 1, 19)));
        ReferenceData data = ROUTER.ruleSet().data();
        for (Center c : Center.values()) {
            data.opened(c).ifPresent(dates::add);
            data.industryWide(c).ifPresent(dates::add);
        }
        request.account().participationStart().ifPresent(dates::add);
        request.account().withdrawalEffective().ifPresent(dates::add);
        return dates;
    }

    /** What must not change between two timeline dates: the routes, or the rejection. */
    private static Object routes(RoutingResult result) {
        if (result instanceof RoutingResult.Routed routed) {
            return routed.decision().routes();
        }
        return result;
    }
}
