package org.ceerules.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming router's runnable jar as users run it, {@code java -jar target/cee-rules-streams.jar}:
 * it holds Kafka Streams but neither RocksDB nor jackson-databind, starts a real client (against a
 * port where no broker listens: no broker is needed to start), writes nothing to stdout, and stops
 * cleanly on SIGTERM; a knowledge base that fails to load stops it with status 2. Run by
 * maven-failsafe-plugin in {@code mvn verify}; the process is {@link StreamsJar}'s.
 */
class StreamsJarIT {

    @TempDir
    Path folder;

    @BeforeAll
    static void theJarIsBuilt() {
        StreamsJar.assertBuilt();
    }

    @Test
    void theJarHoldsKafkaStreamsButNeitherRocksDbNorJacksonDatabind() throws IOException {
        List<String> entries;
        try (ZipFile zip = new ZipFile(StreamsJar.JAR.toFile())) {
            entries = Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
        }
        assertThat(entries).contains("org/ceerules/kafka/RoutingStreamsApp.class",
                "org/apache/kafka/streams/KafkaStreams.class", "org/ceerules/cli/Main.class");
        assertThat(entries).noneMatch(name -> name.startsWith("org/rocksdb/")
                || name.startsWith("com/fasterxml/jackson/databind/"));
        // the decision service (serve) and Jetty live in cee-rules.jar only
        assertThat(entries).noneMatch(name -> name.startsWith("org/eclipse/jetty/")
                || name.startsWith("org/ceerules/server/"));
        // and none of the libraries the CLI's jar must not hold either
        for (String banned : SupplyChainIT.BANNED_PACKAGES) {
            assertThat(entries).as("classes of %s", banned).noneMatch(name -> name.startsWith(banned));
        }
    }

    @Test
    void startsAClientAndStopsItCleanlyOnSigterm() throws Exception {
        StreamsJar jar = StreamsJar.startClient(folder, "cee-rules-it", "num.stream.threads=2");
        // the shutdown hook is in place once the runner says it is running: signal only then
        jar.awaitRunning();
        jar.terminate();
        int status = jar.awaitExit();

        String stderr = jar.stderr();
        // SIGTERM: the JVM's status is 128 + 15, after the shutdown hook closed the client
        assertThat(status).as(stderr).isEqualTo(143);
        assertThat(stderr).contains("cee-rules: routing cee-rules-requests to cee-rules-decisions, dead letters to "
                        + "cee-rules-dead-letters", "2 stream thread(s), exactly_once_v2",
                "cee-rules: stopping: closing the Kafka Streams client", "cee-rules: stopped")
                .doesNotContain("\tat ", "[ERROR]");
        assertThat(jar.stdoutBytes()).isZero();
    }

    @Test
    void aRuleSetThatFailsToLoadStopsTheAppWithStatusTwo() throws Exception {
        Path rules = Files.createDirectories(folder.resolve("rules"));

        StreamsJar jar = StreamsJar.start(folder, "--rules", rules.toString(), "--bootstrap-servers", "127.0.0.1:9");

        assertThat(jar.awaitExit()).isEqualTo(2);
        assertThat(jar.stderr()).startsWith("cee-rules: ").doesNotContain("\tat ").doesNotContain("cee-rules: routing ");
        assertThat(jar.stdoutBytes()).isZero();
    }
}
