package org.ceerules.benchmarks;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.ceerules.api.Router;
import org.ceerules.api.RoutingRequest;
import org.ceerules.api.RoutingResult;
import org.ceerules.drools.DroolsRouter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code routeAll} on 10,000 requests (the samples cycled), run in a fork-join pool of {@code
 * threads} workers: {@code routeAll} works in the pool it is called from. Each operation is one
 * decision ({@link OperationsPerInvocation}), so the score is decisions per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class RouteAllBenchmark {

    static final int REQUESTS = 10_000;

    @Param({"1", "2"})
    private int threads;

    private Router router;
    private List<RoutingRequest> requests;
    private ForkJoinPool pool;

    /** Builds the router, the requests and the pool. */
    @Setup(Level.Trial)
    public void setUp() {
        router = new DroolsRouter();
        requests = Workload.cycled(REQUESTS);
        pool = new ForkJoinPool(threads);
    }

    /** Stops the pool. */
    @TearDown(Level.Trial)
    public void tearDown() {
        pool.shutdownNow();
    }

    /**
     * @return the 10,000 results
     * @throws ExecutionException   if routing fails
     * @throws InterruptedException if interrupted
     */
    @Benchmark
    @OperationsPerInvocation(REQUESTS)
    public List<RoutingResult> routeAll() throws ExecutionException, InterruptedException {
        return pool.submit(() -> router.routeAll(requests)).get();
    }
}
