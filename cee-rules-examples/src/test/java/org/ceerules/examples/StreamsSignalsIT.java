package org.ceerules.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming router's jar stopped by SIGINT (Ctrl-C) closes the client and exits 130, as its
 * help, its Javadoc and the README say (SIGTERM, 143: {@code StreamsJarIT}). Run by
 * maven-failsafe-plugin in {@code mvn verify}; the process is {@link StreamsJar}'s.
 */
class StreamsSignalsIT {

    @TempDir
    Path folder;

    @BeforeAll
    static void theJarIsBuilt() {
        StreamsJar.assertBuilt();
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
        StreamsJar jar = StreamsJar.startClient(folder, "cee-rules-it-int");
        // the shutdown hook is in place once the runner says it is running: signal only then
        jar.awaitRunning();
        jar.signal("INT");
        int status = jar.awaitExit();

        String stderr = jar.stderr();
        assertThat(status).as(stderr).isEqualTo(130);
        assertThat(stderr).contains("cee-rules: stopping: closing the Kafka Streams client", "cee-rules: stopped")
                .doesNotContain("\tat ", "[ERROR]");
        assertThat(jar.stdoutBytes()).isZero();
    }
}
