package org.ceerules.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.ceerules.api.RoutingResult;
import org.ceerules.api.Violation;
import org.ceerules.testing.Requests;
import org.ceerules.json.JsonResultWriter;
import org.ceerules.json.JsonTree;
import org.ceerules.json.RequestStream;
import org.junit.jupiter.api.Test;

/**
 * Large error objects: an error object names at most {@value JsonResultWriter#MAX_PROBLEMS_OF_A_KIND}
 * problems of one kind and counts the rest, and what waits for the output is bounded by bytes, so
 * that a reader that pauses cannot make the lines waiting for it fill the heap.
 */
class LargeErrorObjectsTest {

    /** The sample request whose entry has 999 lines, each the number 1: three problems a line. */
    static final String ONES = Requests.with("entrySummary.lines", "[" + "1,".repeat(998) + "1]");

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errors(Map<String, Object> line) {
        return (List<Map<String, Object>>) line.get("errors");
    }

    @Test
    void anErrorObjectNamesTheFirstProblemsOfAKindAndCountsTheRest() {
        CliRun run = CliRun.run(ONES + "\n", "route");

        assertThat(run.status()).isEqualTo(ExitStatus.REJECTED);
        assertThat(run.out().length()).as("the error object's size").isLessThan(8 * 1024);
        List<Map<String, Object>> errors = errors(run.lines().get(0));
        int named = JsonResultWriter.MAX_PROBLEMS_OF_A_KIND;
        assertThat(named).isEqualTo(20);
        // 20 of each of the three kinds, each kind followed by the count of the rest
        assertThat(errors).hasSize(3 * named + 3);
        assertThat(errors.get(0)).containsEntry("field", "entrySummary.lines[0]")
                .containsEntry("message", "must be a JSON object, was the number 1");
        assertThat(errors).filteredOn(e -> e.get("field").equals("entrySummary.lines[19].enteredValue")).hasSize(1);
        assertThat(errors).filteredOn(e -> e.get("field").equals("entrySummary.lines[20]")).isEmpty();
        List<Map<String, Object>> counts = errors.stream().filter(e -> e.get("field").equals("entrySummary.lines"))
                .toList();
        assertThat(counts).extracting(e -> e.get("message")).containsExactly(
                "and 979 more problems like the above (entrySummary.lines[*])",
                "and 979 more problems like the above (entrySummary.lines[*].hts)",
                "and 979 more problems like the above (entrySummary.lines[*].enteredValue)");
        // each count follows the last named problem of its kind
        assertThat(errors.get(errors.indexOf(counts.get(2)) - 1))
                .containsEntry("field", "entrySummary.lines[19].enteredValue");
    }

    @Test
    void problemsUpToTheLimitAreAllNamed() {
        String twenty = Requests.with("entrySummary.lines", "[" + "1,".repeat(19) + "1]");
        List<Map<String, Object>> errors = errors(CliRun.run(twenty + "\n", "route").lines().get(0));
        assertThat(errors).hasSize(3 * 20).noneSatisfy(e -> assertThat(e.get("field")).isEqualTo("entrySummary.lines"));
    }

    @Test
    void theWriterCapsAnyListOfViolations() throws IOException {
        List<Violation> violations = new ArrayList<>();
        violations.add(new Violation("$", "first"));
        for (int i = 0; i < 1000; i++) {
            violations.add(new Violation("entrySummary.lines[" + i + "].hts", "bad " + i));
        }
        violations.add(new Violation("account.name", "last"));
        JsonResultWriter writer = JsonResultWriter.inMemory();
        writer.writeErrors(violations);
        List<Map<String, Object>> errors = errors(JsonTree.lines(new String(writer.takeLines(),
                StandardCharsets.UTF_8)).get(0));
        assertThat(errors).hasSize(1 + 20 + 1 + 1);
        assertThat(errors.get(0)).containsEntry("field", "$");
        assertThat(errors.get(20)).containsEntry("field", "entrySummary.lines[19].hts");
        assertThat(errors.get(21)).containsEntry("field", "entrySummary.lines")
                .containsEntry("message", "and 980 more problems like the above (entrySummary.lines[*].hts)");
        assertThat(errors.get(22)).containsEntry("field", "account.name");
    }

    /**
     * Each request's line is 100 KB; the output blocks. Without a bound in bytes, every request in
     * flight (512) would be routed and its line held, 50 MB; with it, routing stops near the bound.
     */
    @Test
    void whatWaitsForABlockedOutputIsBoundedInBytes() throws Exception {
        int lineBytes = 100_000;
        AtomicInteger routed = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        OutputStream blocked = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
            }
        };
        int count = 2_000;
        byte[] input = (Requests.VALID + "\n").repeat(count).getBytes(StandardCharsets.UTF_8);
        RoutingPipeline pipeline = new RoutingPipeline(request -> {
            routed.incrementAndGet();
            return new RoutingResult.Rejected(List.of(new Violation("$", "x".repeat(lineBytes))));
        }, false, new Console(new ByteArrayInputStream(new byte[0]), new PrintStream(OutputStream.nullOutputStream()),
                new PrintStream(OutputStream.nullOutputStream()), rules -> null));
        CompletableFuture<RoutingPipeline.Result> run = CompletableFuture.supplyAsync(() -> {
            try (JsonResultWriter writer = JsonResultWriter.to(blocked)) {
                return pipeline.run(new RequestStream(new ByteArrayInputStream(input), java.util.Optional.empty()),
                        writer);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        // wait until routing stops: the pipeline is full
        int last = -1;
        while (routed.get() != last) {
            last = routed.get();
            Thread.sleep(500);
        }
        int workers = Runtime.getRuntime().availableProcessors();
        long bound = RoutingPipeline.MAX_IN_FLIGHT_OUTPUT_BYTES / lineBytes + workers + 2;
        assertThat(routed.get()).as("requests routed while the output is blocked").isBetween(1, (int) bound);
        release.countDown();
        RoutingPipeline.Result result = assertTimeoutPreemptively(Duration.ofMinutes(2), () -> run.get());
        assertThat(result).isEqualTo(new RoutingPipeline.Result.Done(ExitStatus.REJECTED));
        assertThat(routed.get()).isEqualTo(count);
    }
}
