package org.ceerules.benchmarks;

import java.util.concurrent.TimeUnit;
import org.ceerules.api.Router;
import org.ceerules.drools.DroolsRouter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Building the router from the embedded rules: {@code cold}, the first build in a fresh JVM (class
 * loading included, one shot per fork), and {@code warm}, a rebuild in a JVM that has built
 * routers before.
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BuildBenchmark {

    /** @return a router, built in a JVM that never built one */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(10)
    public Router cold() {
        return new DroolsRouter();
    }

    /** @return a router, built again */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 5, time = 2)
    @Measurement(iterations = 5, time = 2)
    @Fork(2)
    public Router warm() {
        return new DroolsRouter();
    }
}
