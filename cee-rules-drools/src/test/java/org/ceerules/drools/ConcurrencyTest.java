package org.ceerules.drools;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.ceerules.api.Center;
import org.ceerules.api.RoutingRequest;
import org.ceerules.api.RoutingResult;
import org.junit.jupiter.api.Test;

/**
 * One router shared by many threads released together from a barrier: every result equals the
 * sequential one, every failure (a different result or an exception) is collected with its thread,
 * round and request before asserting, and no decision is lost. Route, explain and routeAll are
 * mixed, as explain attaches per-call listeners and routeAll runs many decisions in one call.
 *
 * <p>Sized by system properties: {@code -Dcee.concurrency.decisions} (default 200,000) and
 * {@code -Dcee.concurrency.threads} (default 16). The number run is printed on standard output.
 */
class ConcurrencyTest {

    private static final int DECISIONS = Integer.getInteger("cee.concurrency.decisions", 200_000);
    private static final int THREADS = Integer.getInteger("cee.concurrency.threads", 16);
    private static final int BATCH = 25;

    /** 400 different requests, the same for every run: every Center or none, types, ports, dates, AD/CVD. */
    static List<RoutingRequest> requests() {
        Random random = new Random(6);
        List<String> types = List.of("01", "02", "03", "04", "06", "07", "09", "11", "23", "31", "45", "62", "10");
        List<String> ports = List.of("2704", "5101", "3901", "4601");
        List<RoutingRequest> requests = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int center = random.nextInt(11) - 1;
            Requests r = center < 0 ? Requests.unassigned() : Requests.assigned(Center.values()[center]);
            LocalDate filed = LocalDate.of(2011, 1, 1).plusDays(random.nextInt(9 * 365));
            if (center >= 0 && random.nextBoolean()) {
                LocalDate start = LocalDate.of(2013, 6, 3).plusDays(random.nextInt(4 * 365));
                r.participating(start.toString());
                if (random.nextInt(3) == 0) {
                    r.withdrawn(start.plusDays(1 + random.nextInt(700)).toString());
                }
            }
            r.type(types.get(random.nextInt(types.size()))).port(ports.get(random.nextInt(ports.size())))
                    .filed(filed.toString()).asOf(filed.plusDays(random.nextInt(1_200)).toString());
            if (random.nextInt(4) == 0) {
                r.adcvdCase("A-570-910");
            }
            requests.add(r.build());
        }
        return List.copyOf(requests);
    }

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
        List<RoutingRequest> requests = requests();
        DroolsRouter router = EmbeddedRouter.ROUTER;
        List<RoutingResult> expected = requests.stream().map(router::route).toList();
        List<RoutingResult> expectedExplained = requests.stream().map(router::explain).toList();
        assertThat(expected).as("the requests reach the rules, not only the checks")
                .filteredOn(RoutingResult.Routed.class::isInstance).hasSizeGreaterThan(300);

        int rounds = Math.max(1, DECISIONS / THREADS / BATCH);
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicLong decisions = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int round = 0; round < rounds; round++) {
                        int first = (thread * 7919 + round * BATCH) % requests.size();
                        try {
                            switch ((thread + round) % 5) {
                                case 0 -> {
                                    // explain: per-call listeners on the shared knowledge base
                                    for (int k = 0; k < BATCH; k++) {
                                        int i = (first + k) % requests.size();
                                        check(router.explain(requests.get(i)), expectedExplained.get(i), failures,
                                                thread, round, i);
                                    }
                                }
                                case 1 -> {
                                    // routeAll: a batch in one call
                                    List<RoutingRequest> batch = new ArrayList<>(BATCH);
                                    for (int k = 0; k < BATCH; k++) {
                                        batch.add(requests.get((first + k) % requests.size()));
                                    }
                                    List<RoutingResult> results = router.routeAll(batch);
                                    if (results.size() != BATCH) {
                                        failures.add("thread " + thread + " round " + round + ": routeAll gave "
                                                + results.size() + " results for " + BATCH);
                                    }
                                    for (int k = 0; k < Math.min(BATCH, results.size()); k++) {
                                        int i = (first + k) % requests.size();
                                        check(results.get(k), expected.get(i), failures, thread, round, i);
                                    }
                                }
                                default -> {
                                    for (int k = 0; k < BATCH; k++) {
                                        int i = (first + k) % requests.size();
                                        check(router.route(requests.get(i)), expected.get(i), failures, thread, round, i);
                                    }
                                }
                            }
                            decisions.addAndGet(BATCH);
                        } catch (RuntimeException e) {
                            failures.add("thread " + thread + " round " + round + " from request " + first + ": " + e);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(10, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        // the figure of the note: how many decisions this run made, on how many threads
        System.out.printf("ConcurrencyTest: %d decisions on %d threads released together, %d failures%n",
                decisions.get(), THREADS, failures.size());
        assertThat(failures).isEmpty();
        assertThat(decisions.get()).isEqualTo((long) THREADS * rounds * BATCH);
    }

    private static void check(RoutingResult got, RoutingResult want, List<String> failures, int thread, int round,
                              int request) {
        if (!got.equals(want)) {
            failures.add("thread " + thread + " round " + round + " request " + request + ": " + got);
        }
    }
}
