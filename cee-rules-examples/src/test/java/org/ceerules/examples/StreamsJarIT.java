package org.ceerules.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * maven-failsafe-plugin in {@code mvn verify}.
 */
class StreamsJarIT {

    private static final Path JAR = Path.of(System.getProperty("cee.streams.jar", "target/cee-rules-streams.jar"));
    private static final long TIMEOUT_SECONDS = 120;

    @TempDir
    Path folder;

    @BeforeAll
    static void theJarIsBuilt() {
        assertThat(JAR).as("the streams jar; run mvn package first").isRegularFile();
    }

    @Test
    void theJarHoldsKafkaStreamsButNeitherRocksDbNorJacksonDatabind() throws IOException {
        List<String> entries;
        try (ZipFile zip = new ZipFile(JAR.toFile())) {
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

    private Process start(Path out, Path err, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    }

    @Test
    void startsAClientAndStopsItCleanlyOnSigterm() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path config = folder.resolve("streams.properties");
        Files.writeString(config, "state.dir=" + folder.resolve("state").toString().replace("\\", "\\\\") + "\n"
                + "num.stream.threads=2\n");
        Path out = folder.resolve("out");
        Path err = folder.resolve("err");

        Process process = start(out, err, "--config", config.toString(), "--bootstrap-servers", "127.0.0.1:" + port,
                "--application-id", "cee-rules-it-" + port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        // the shutdown hook is in place once the runner says it is running: signal only then
        while (!Files.readString(err, StandardCharsets.UTF_8).contains("cee-rules: running: ")
                && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(process.isAlive()).as(() -> read(err)).isTrue();
        process.destroy();
        assertThat(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();

        String stderr = read(err);
        // SIGTERM: the JVM's status is 128 + 15, after the shutdown hook closed the client
        assertThat(process.exitValue()).as(stderr).isEqualTo(143);
        assertThat(stderr).contains("cee-rules: routing cee-rules-requests to cee-rules-decisions, dead letters to "
                        + "cee-rules-dead-letters", "2 stream thread(s), exactly_once_v2",
                "cee-rules: stopping: closing the Kafka Streams client", "cee-rules: stopped")
                .doesNotContain("\tat ", "[ERROR]");
        assertThat(Files.size(out)).isZero();
    }

    @Test
    void aRuleSetThatFailsToLoadStopsTheAppWithStatusTwo() throws Exception {
        Path rules = Files.createDirectories(folder.resolve("rules"));
        Path out = folder.resolve("out");
        Path err = folder.resolve("err");

        Process process = start(out, err, "--rules", rules.toString(), "--bootstrap-servers", "127.0.0.1:9");
        assertThat(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(read(err)).startsWith("cee-rules: ").doesNotContain("\tat ").doesNotContain("cee-rules: routing ");
        assertThat(Files.size(out)).isZero();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }
}
