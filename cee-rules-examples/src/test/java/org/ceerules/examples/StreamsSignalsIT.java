package org.ceerules.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * B13: the streaming router's jar stopped by SIGINT (Ctrl-C) closes the client and exits 130, as
 * its help, its Javadoc and the README say (SIGTERM, 143: {@code StreamsJarIT}). Run by
 * maven-failsafe-plugin in {@code mvn verify}.
 */
class StreamsSignalsIT {

    private static final Path JAR = Path.of(System.getProperty("cee.streams.jar", "target/cee-rules-streams.jar"));
    private static final long TIMEOUT_SECONDS = 120;

    @TempDir
    Path folder;

    @BeforeAll
    static void theJarIsBuilt() {
        assertThat(JAR).as("the streams jar; run mvn package first").isRegularFile();
    }

    /** A process started in a shell's background ignores SIGINT, as do its children: their JVM keeps it ignored. */
    private static boolean sigintIgnored() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & (1L << 1)) != 0;
            }
        }
        return false;
    }

    @Test
    void sigintClosesTheClientAndExits130() throws Exception {
        assumeFalse(!Files.exists(Path.of("/proc/self/status")) || sigintIgnored(),
                "SIGINT is ignored by this JVM, and so would be by the one it starts");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path config = folder.resolve("streams.properties");
        Files.writeString(config, "state.dir=" + folder.resolve("state") + "\n");
        Path out = folder.resolve("out");
        Path err = folder.resolve("err");
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "--config", config.toString(), "--bootstrap-servers", "127.0.0.1:" + port,
                "--application-id", "cee-rules-it-int-" + port))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        // the shutdown hook is in place once the runner says it is running: signal only then
        while (!Files.readString(err, StandardCharsets.UTF_8).contains("cee-rules: running: ")
                && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(process.isAlive()).as(() -> read(err)).isTrue();
        assertThat(new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor()).isZero();
        assertThat(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();

        String stderr = read(err);
        assertThat(process.exitValue()).as(stderr).isEqualTo(130);
        assertThat(stderr).contains("cee-rules: stopping: closing the Kafka Streams client", "cee-rules: stopped")
                .doesNotContain("\tat ", "[ERROR]");
        assertThat(Files.size(out)).isZero();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
