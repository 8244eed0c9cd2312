package org.ceerules.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ceerules.json.JsonTree;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ceerules.testing.Requests;

/**
 * The runnable jar under faults, as a process: a reader that closes standard output early, a run
 * killed in the middle, hostile input in a small heap. Nothing here measures time: where a run
 * must stop by itself, its input never ends, so that a run that does not stop fails the test by
 * its time-out.
 */
class CliUnderFaultsIT {

    /** The smallest page size of Linux, of which every other is a multiple. */
    private static final int PAGE = 4096;

    private static final Path JAR = Path.of(System.getProperty("cee.cli.jar", "target/cee-rules.jar"));
    private static final long TIMEOUT_SECONDS = 120;
    private static final byte[] VALID = (Requests.VALID + "\n").getBytes(StandardCharsets.UTF_8);
    /** The exit status of a run whose standard output was closed by its reader (README, Guarantees). */
    private static final int OUTPUT_CLOSED = 2;

    @BeforeAll
    static void theJarIsBuilt() {
        assertThat(JAR).as("the shaded jar; run mvn package first").isRegularFile();
    }

    private static Process start(ProcessBuilder builder, String... jvmAndArgs) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> all = Arrays.asList(jvmAndArgs);
        int jar = all.indexOf("--");
        command.addAll(all.subList(0, jar));
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(all.subList(jar + 1, all.size()));
        return builder.command(command).start();
    }

    /** Feeds {@code chunks} to the process's standard input, then valid requests without end, until it stops reading. */
    private static Thread feed(Process process, List<byte[]> chunks, boolean endless) {
        Thread feeder = new Thread(() -> {
            try (OutputStream in = process.getOutputStream()) {
                for (byte[] chunk : chunks) {
                    in.write(chunk);
                }
                while (endless) {
                    in.write(VALID);
                }
            } catch (IOException e) {
                // the process stopped reading: the end of the feed
            }
        }, "stdin feeder");
        feeder.setDaemon(true);
        feeder.start();
        return feeder;
    }

    private static int exitStatus(Process process) throws InterruptedException {
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the run did not end within " + TIMEOUT_SECONDS + " s");
        }
        return process.exitValue();
    }

    private static int lastLineFeed(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static String read(InputStream stream) throws IOException {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void aReaderThatClosesTheOutputAfterOneLineEndsTheRunQuietly(@TempDir Path dir) throws Exception {
        Path err = dir.resolve("err.txt");
        Process process = start(new ProcessBuilder().redirectError(err.toFile()), "--", "route", "-");
        feed(process, List.of(), true);

        // what `cee-rules route - | head -1` does: one line, then the pipe closed
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertThat(JsonTree.object(out.readLine())).containsEntry("entryNumber", "345-6789012-3");
        }

        assertThat(exitStatus(process)).isEqualTo(OUTPUT_CLOSED);
        assertThat(Files.readString(err)).isEmpty();
    }

    @Test
    void aRunKilledInTheMiddleLeavesWholeLinesAndAtMostTheStartOfOneMore(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out.jsonl");
        Process process = start(new ProcessBuilder().redirectOutput(out.toFile()).redirectError(dir.resolve("err.txt")
                .toFile()), "--", "route", "-");
        feed(process, List.of(), true);
        while (Files.size(out) < (4 << 20) && process.isAlive()) {
            Thread.sleep(20);
        }
        assertThat(process.isAlive()).as("still routing").isTrue();

        process.destroyForcibly().waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);

        // lines are written whole, but the kill may cut the write in progress: Linux stops copying it at
        // a page boundary. So: whole lines, then at most the start of one more, never anything else.
        byte[] written = Files.readAllBytes(out);
        int end = lastLineFeed(written) + 1;
        List<Map<String, Object>> lines = JsonTree.lines(new String(written, 0, end, StandardCharsets.UTF_8));
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).containsEntry("entryNumber", "345-6789012-3"));
        byte[] cut = Arrays.copyOfRange(written, end, written.length);
        if (cut.length > 0) {
            assertThat(Arrays.equals(written, 0, cut.length, cut, 0, cut.length))
                    .as("what follows the last whole line, %d bytes, starts a line", cut.length).isTrue();
            // only the kernel cuts a line, and only at a page boundary: a line cut anywhere else
            // would be the writer's own doing (a buffer handed over mid-line)
            assertThat(written.length % PAGE).as("where the output was cut, %d bytes", written.length).isZero();
        }
    }

    @Test
    void hostileInputInA64MiBHeapGetsItsErrorsInPlaceAndEveryOtherRequestRouted() throws Exception {
        List<byte[]> input = new ArrayList<>();
        List<String> hostile = List.of(
                "{\"account\":{\"name\":\"" + "x".repeat(10 << 20) + "\"}}",
                "{\"x\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}",
                Requests.VALID.replaceFirst("\"lines\":\\[.*\\]", "\"lines\":[" + "{\"hts\":1},".repeat(100_000) + "{}]"),
                "{" + "\"f\":0,".repeat(1) + "\"g\":[" + "0,".repeat(400_000) + "0]}");
        for (String line : hostile) {
            input.add(VALID);
            input.add((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        input.add(VALID);
        // a line of 256 MiB, streamed: it could not be held in this heap
        byte[] block = "y".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
        input.add("{\"account\":{\"name\":\"".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 256; i++) {
            input.add(block);
        }
        input.add("\"}}\n".getBytes(StandardCharsets.US_ASCII));
        input.add(VALID);

        Process process = start(new ProcessBuilder(), "-Xmx64m", "-XX:+ExitOnOutOfMemoryError", "--", "route", "-");
        feed(process, input, false);
        StringBuilder err = new StringBuilder();
        Thread errors = new Thread(() -> {
            try {
                err.append(read(process.getErrorStream()));
            } catch (IOException e) {
                err.append(e);
            }
        });
        errors.start();
        String out = read(process.getInputStream());
        int status = exitStatus(process);
        errors.join();

        assertThat(err.toString()).isEmpty();
        assertThat(status).isEqualTo(1);
        List<Map<String, Object>> lines = JsonTree.lines(out);
        assertThat(lines).hasSize(2 * hostile.size() + 3);
        for (int i = 0; i < lines.size(); i++) {
            if (i % 2 == 0) {
                assertThat(lines.get(i)).as("line %d", i + 1).containsEntry("entryNumber", "345-6789012-3");
            } else {
                assertThat(lines.get(i)).as("line %d", i + 1).containsOnlyKeys("errors");
            }
        }
        assertThat(JsonTree.write(lines.get(lines.size() - 2))).contains("line 10 is longer than 1048576 bytes");
    }
}
