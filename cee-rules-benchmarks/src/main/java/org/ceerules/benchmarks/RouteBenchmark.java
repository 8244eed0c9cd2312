package org.ceerules.benchmarks;

import java.util.concurrent.TimeUnit;
import org.ceerules.api.Router;
import org.ceerules.api.RoutingRequest;
import org.ceerules.api.RoutingResult;
import org.ceerules.drools.DroolsRouter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One decision on one thread, the Drools engine deciding every time (no cache of decisions
 * anywhere): {@code route} on a 1-line and on a 20-line entry of 2016 (a participant whose entry
 * the delegation also covers: the test regime's richest path), on a 1-line entry of today's traffic
 * (regulatory regime), and {@code explain} on the 1-line entry. Compare with {@link BaselineBenchmark}. Each operation is one decision.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class RouteBenchmark {

    private Router router;
    private RoutingRequest oneLine;
    private RoutingRequest twentyLines;
    private RoutingRequest today;

    /** Builds the router and the requests. */
    @Setup
    public void setUp() {
        router = new DroolsRouter();
        oneLine = Workload.oneLine();
        twentyLines = Workload.twentyLines();
        today = Workload.today();
    }

    /** @return the decision on a 1-line entry */
    @Benchmark
    public RoutingResult route1Line() {
        return router.route(oneLine);
    }

    /** @return the decision on a 20-line entry */
    @Benchmark
    public RoutingResult route20Lines() {
        return router.route(twentyLines);
    }

    /** @return the decision on a 1-line entry of today's traffic (regulatory regime) */
    @Benchmark
    public RoutingResult route1LineToday() {
        return router.route(today);
    }

    /** @return the decision on a 1-line entry with every rule that fired */
    @Benchmark
    public RoutingResult explain1Line() {
        return router.explain(oneLine);
    }
}
