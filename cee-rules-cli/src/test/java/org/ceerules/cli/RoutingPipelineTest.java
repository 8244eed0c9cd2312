package org.ceerules.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.ceerules.api.Routers;
import org.ceerules.testing.Requests;
import org.ceerules.json.JsonResultWriter;
import org.ceerules.json.JsonTree;
import org.junit.jupiter.api.Test;

/**
 * The batch path of {@code route} and {@code explain} ({@link RoutingPipeline}): every core, input
 * order, whole lines only, a line out as soon as it is routed, a closed output that stops the run.
 */
class RoutingPipelineTest {

    private static final LocalDate ENTRY_DATE = LocalDate.parse("2016-04-20");

    /** Line {@code i}: a request routed on its own date (so that its line says which it is), or not JSON, or rejected. */
    private static String line(int i) {
        if (i % 97 == 13) {
            return "not JSON " + i;
        }
        if (i % 89 == 7) {
            return Requests.with("entrySummary.portOfEntry", "\"27A4\"");
        }
        return Requests.with("asOf", "\"" + ENTRY_DATE.plusDays(i % 3000) + "\"");
    }

    @Test
    void everyRequestHasItsLineInInputOrder() {
        int count = 5_000;
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < count; i++) {
            input.append(line(i)).append('\n');
        }
        CliRun run = CliRun.run(input.toString(), "route");

        assertThat(run.status()).isEqualTo(ExitStatus.REJECTED);
        List<Map<String, Object>> lines = run.lines();
        assertThat(lines).hasSize(count);
        for (int i = 0; i < count; i++) {
            if (i % 97 == 13) {
                assertThat(lines.get(i)).as("line %d", i).containsKey("errors");
            } else if (i % 89 == 7) {
                assertThat(lines.get(i).toString()).as("line %d", i).contains("entrySummary.portOfEntry");
            } else {
                assertThat(lines.get(i).get("asOf")).as("line %d", i).isEqualTo(ENTRY_DATE.plusDays(i % 3000).toString());
            }
        }
        // the same lines as one request at a time
        for (int i : List.of(0, 7, 13, 2_001, count - 1)) {
            assertThat(JsonTree.lines(CliRun.run(line(i) + "\n", "route").out())).containsExactly(lines.get(i));
        }
    }

    @Test
    void explainToo() {
        String input = line(1) + "\n" + line(13) + "\n" + line(2) + "\n";
        CliRun run = CliRun.run(input, "explain");
        assertThat(run.lines()).hasSize(3);
        assertThat(run.lines().get(0)).containsKey("firedRules");
        assertThat(run.lines().get(1)).containsKey("errors");
        assertThat(run.lines().get(2).get("asOf")).isEqualTo(ENTRY_DATE.plusDays(2).toString());
    }

    @Test
    void onlyWholeLinesReachTheOutput() {
        int count = 300; // decisions of about 8 KiB: many writes
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < count; i++) {
            input.append(line(i)).append('\n');
        }
        List<byte[]> writes = Collections.synchronizedList(new ArrayList<>());
        OutputStream recorder = new OutputStream() {
            @Override
            public void write(int b) {
                writes.add(new byte[] {(byte) b});
            }

            @Override
            public void write(byte[] b, int off, int len) {
                writes.add(java.util.Arrays.copyOfRange(b, off, off + len));
            }
        };
        int status = Main.run(new String[] {"route"}, in(input.toString()), new PrintStream(recorder, false),
                new PrintStream(OutputStream.nullOutputStream()), Routers::defaultRouter);

        assertThat(status).isEqualTo(ExitStatus.REJECTED);
        assertThat(writes).hasSizeGreaterThan(3).allSatisfy(w -> assertThat(w[w.length - 1]).isEqualTo((byte) '\n'));
        assertThat(writes).filteredOn(w -> w.length > JsonResultWriter.CHUNK + 64 * 1024)
                .as("no write much larger than a chunk").isEmpty();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        writes.forEach(all::writeBytes);
        assertThat(JsonTree.lines(all.toString(StandardCharsets.UTF_8))).hasSize(count);
    }

    @Test
    void aClosedOutputStopsTheRunQuietly() {
        AtomicLong read = new AtomicLong();
        byte[] request = (Requests.VALID + "\n").getBytes(StandardCharsets.UTF_8);
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return request[(int) (read.getAndIncrement() % request.length)] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                for (int i = 0; i < len; i++) {
                    b[off + i] = (byte) read();
                }
                return len;
            }
        };
        OutputStream closed = new OutputStream() {
            private int written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (written > 0) {
                    throw new IOException("Broken pipe");
                }
                written += len;
            }
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = assertTimeoutPreemptively(Duration.ofMinutes(2), () -> Main.run(new String[] {"route"}, endless,
                new PrintStream(closed, false), new PrintStream(err, true, StandardCharsets.UTF_8),
                Routers::defaultRouter));

        assertThat(status).isEqualTo(ExitStatus.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("cee-rules: cannot write standard output: the output is incomplete" + System.lineSeparator());
        assertThat(read.get()).as("the input is no longer read").isLessThan(64L << 20);
    }

    @Test
    void aLineIsOutAsSoonAsItIsRouted() throws Exception {
        PipedOutputStream feed = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(feed, 1 << 20);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = new PrintStream(out, false, StandardCharsets.UTF_8);
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> Main.run(new String[] {"route", "-"},
                stdin, stdout, new PrintStream(OutputStream.nullOutputStream()), Routers::defaultRouter));
        try {
            for (int i = 1; i <= 3; i++) {
                feed.write((line(i) + "\n").getBytes(StandardCharsets.UTF_8));
                feed.flush();
                int lines = i;
                assertTimeoutPreemptively(Duration.ofMinutes(1), () -> {
                    while (lineCount(out) < lines) {
                        Thread.sleep(20);
                    }
                }, "line " + i + " is out while the input stays open");
            }
        } finally {
            feed.close();
        }
        assertThat(run.get()).isEqualTo(ExitStatus.ROUTED);
        assertThat(JsonTree.lines(out.toString(StandardCharsets.UTF_8))).hasSize(3);
    }

    private static long lineCount(ByteArrayOutputStream out) {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count();
        }
    }

    private static InputStream in(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
