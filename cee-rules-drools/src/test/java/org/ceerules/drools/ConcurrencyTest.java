package org.ceerules.drools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.ceerules.api.Center;
import org.ceerules.api.RoutingRequest;
import org.ceerules.api.RoutingResult;
import org.junit.jupiter.api.Test;

/**
 * One router shared by many threads released together: every result equals the sequential one,
 * every failure is collected before asserting. Route and explain are mixed, as explain attaches
 * per-call listeners.
 */
class ConcurrencyTest {

    private static final int THREADS = 16;
    private static final int ROUNDS = 250;

    @Test
    void routeAllOnManyRequestsIsRouteOfEachInOrder() throws Exception {
        List<RoutingRequest> samples = List.of(
                Requests.participant().build(),
                Requests.participant().type("10").build(), // rejected: not an entry type
                Requests.participant().type("02").build(),
                Requests.assigned(Center.BASE_METALS).on("2018-02-20").build(),
                Requests.unassigned().port("5101").build(),
                Requests.participant().type("45").build());
        List<RoutingRequest> requests = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            requests.add(samples.get(i * 7 % samples.size()));
        }
        DroolsRouter router = EmbeddedRouter.ROUTER;
        List<RoutingResult> expected = requests.stream().map(router::route).toList();

        assertThat(router.routeAll(requests)).isEqualTo(expected);
        ForkJoinPool two = new ForkJoinPool(2);
        try {
            assertThat(two.submit(() -> router.routeAll(requests)).get(5, TimeUnit.MINUTES)).isEqualTo(expected);
        } finally {
            two.shutdownNow();
        }
        assertThat(router.routeAll(List.of())).isEmpty();
    }

    @Test
    void threadsReleasedTogetherGetTheSequentialResults() throws Exception {
        List<RoutingRequest> requests = List.of(
                Requests.participant().build(),
                Requests.participant().type("02").build(),
                Requests.participant().type("03").filed("2014-01-10").asOf("2014-05-01").build(),
                Requests.assigned(Center.BASE_METALS).on("2018-02-20").build(),
                Requests.unassigned().build(),
                Requests.participant().port("5101").build(),
                Requests.participant().type("45").build(),
                Requests.participant().type("10").build());
        DroolsRouter router = EmbeddedRouter.ROUTER;
        List<RoutingResult> expected = requests.stream().map(router::route).toList();
        List<RoutingResult> expectedExplained = requests.stream().map(router::explain).toList();

        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    int decisions = 0;
                    for (int round = 0; round < ROUNDS; round++) {
                        int i = (thread + round) % requests.size();
                        boolean explain = (thread + round) % 5 == 0;
                        try {
                            RoutingResult got = explain ? router.explain(requests.get(i)) : router.route(requests.get(i));
                            RoutingResult want = explain ? expectedExplained.get(i) : expected.get(i);
                            if (!got.equals(want)) {
                                failures.add("thread " + thread + " round " + round + " request " + i + ": " + got);
                            }
                            decisions++;
                        } catch (RuntimeException e) {
                            failures.add("thread " + thread + " round " + round + " request " + i + ": " + e);
                        }
                    }
                    return decisions;
                }));
            }
            int total = 0;
            for (Future<Integer> f : done) {
                total += f.get(5, TimeUnit.MINUTES);
            }
            assertThat(failures).isEmpty();
            assertThat(total).isEqualTo(THREADS * ROUNDS);
        } finally {
            pool.shutdownNow();
        }
    }
}
