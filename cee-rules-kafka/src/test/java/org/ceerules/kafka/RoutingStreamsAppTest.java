package org.ceerules.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.kafka.streams.KafkaStreams;
import org.ceerules.api.KnowledgeBaseException;
import org.ceerules.api.KnowledgeBaseProblem;
import org.ceerules.api.Router;
import org.ceerules.api.Routers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming router's command line: flags over the configuration file, a clear error and status
 * 2 for a bad value or a knowledge base that fails to load, and a real Kafka Streams client that
 * starts and stops cleanly (without a broker, RocksDB or jackson-databind).
 */
class RoutingStreamsAppTest {

    private static Router router;

    @TempDir
    Path folder;

    @BeforeAll
    static void buildTheRouter() {
        router = Routers.defaultRouter();
    }

    private record Run(int status, String err, Optional<StreamsSettings> settings) {
    }

    private static Run run(Function<Optional<Path>, Router> routers, RoutingStreamsApp.Runner runner, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AtomicReference<StreamsSettings> seen = new AtomicReference<>();
        int status = RoutingStreamsApp.run(args, new PrintStream(err, true, StandardCharsets.UTF_8), routers,
                (streams, settings, console) -> {
                    seen.set(settings);
                    return runner.run(streams, settings, console);
                });
        return new Run(status, err.toString(StandardCharsets.UTF_8), Optional.ofNullable(seen.get()));
    }

    /** Runs the command line without running the client it builds. */
    private static Run parse(String... args) {
        return run(rules -> router, (streams, settings, console) -> {
            streams.close();
            return 0;
        }, args);
    }

    @Test
    void theFlagsOverrideTheConfigurationFile() throws IOException {
        Path config = folder.resolve("streams.properties");
        Files.writeString(config, "routing.input.topic=entries\nrouting.output.topic=routes\n"
                + "bootstrap.servers=localhost:19092\nnum.stream.threads=3\nstate.dir=" + folder + "\n");

        Run run = parse("--config", config.toString(), "--output-topic", "decisions-2", "--num-stream-threads", "1",
                "--application-id", "routing-west", "--dead-letter-topic", "rejected", "--rules", "/opt/rules");

        assertThat(run.status()).as(run.err()).isZero();
        StreamsSettings settings = run.settings().orElseThrow();
        assertThat(settings.inputTopic()).isEqualTo("entries");
        assertThat(settings.outputTopic()).isEqualTo("decisions-2");
        assertThat(settings.deadLetterTopic()).isEqualTo("rejected");
        assertThat(settings.streamThreads()).isEqualTo(1);
        assertThat(settings.applicationId()).isEqualTo("routing-west");
        assertThat(settings.rules()).contains(Path.of("/opt/rules"));
        assertThat(settings.streamsProperties()).containsEntry("bootstrap.servers", "localhost:19092");
        assertThat(run.err()).startsWith("cee-rules: routing entries to decisions-2, dead letters to rejected (rules ")
                .contains("application id routing-west, 1 stream thread(s), exactly_once_v2, bootstrap servers localhost:19092");
    }

    @Test
    void aBadValueStopsTheRunWithStatusTwoAndNamesTheKey() {
        Run run = parse("--num-stream-threads", "many");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.settings()).isEmpty();
        assertThat(run.err()).isEqualTo("cee-rules: bad configuration: num.stream.threads: must be a whole number of "
                + "at least 1, was \"many\"" + System.lineSeparator());
    }

    @Test
    void aMisspeltKeyOfTheConfigurationFileStopsTheRunWithStatusTwo() throws IOException {
        Path config = folder.resolve("streams.properties");
        Files.writeString(config, "routing.input.topik=entries\n");

        Run run = parse("--config", config.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.settings()).isEmpty();
        assertThat(run.err()).isEqualTo("cee-rules: bad configuration: routing.input.topik: not a setting of the "
                + "router; did you mean routing.input.topic?" + System.lineSeparator());
    }

    @Test
    void aMissingConfigurationFileAndAnUnknownFlagAreUsageErrors() {
        Run missing = parse("--config", folder.resolve("nowhere.properties").toString());
        Run unknown = parse("--topic", "x");

        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("cannot read the configuration").contains("no such file");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("Unknown options: '--topic', 'x'");
    }

    @Test
    void aClientThatCannotBeCreatedIsReportedWithStatusTwo() {
        Run run = parse("--bootstrap-servers", "no-such-host.invalid:9092");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("cee-rules: cannot create the Kafka Streams client: ")
                .contains("bootstrap.servers").doesNotContain("\tat ");
    }

    @Test
    void theHelpGoesToStandardError() {
        Run help = parse("--help");

        assertThat(help.status()).isZero();
        assertThat(help.err()).contains("cee-rules-streams", "--bootstrap-servers", "--dead-letter-topic", "exactly_once_v2");
    }

    @Test
    void aKnowledgeBaseThatFailsToLoadStopsTheAppWithStatusTwoAndEveryProblemOnStderr() {
        KnowledgeBaseException broken = new KnowledgeBaseException(List.of(
                new KnowledgeBaseProblem("data/regimes.csv", 3, "bad date"),
                new KnowledgeBaseProblem("drl/routing.drl", 12, "unknown fact")));

        Run run = run(rules -> {
            throw broken;
        }, (streams, settings, console) -> {
            throw new AssertionError("the client must not start");
        }, "--rules", folder.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("the knowledge base failed to load, 2 problem(s):", "data/regimes.csv",
                "drl/routing.drl");
    }

    @Test
    void aRealClientStartsAndAShutdownHookClosesItCleanly() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        AtomicReference<KafkaStreams> client = new AtomicReference<>();
        List<Thread> hooks = new CopyOnWriteArrayList<>();
        String config = config("state.dir=" + folder);
        CompletableFuture<Run> running = CompletableFuture.supplyAsync(() -> run(rules -> router,
                (streams, settings, console) -> {
                    client.set(streams);
                    return new StreamsRunner(streams, console).runUntilStopped(hooks::add);
                }, "--bootstrap-servers", "127.0.0.1:" + port, "--num-stream-threads", "2",
                "--application-id", "cee-rules-test-" + port, "--config", config));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while ((client.get() == null || client.get().state() != KafkaStreams.State.REBALANCING)
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(client.get().state()).isEqualTo(KafkaStreams.State.REBALANCING);
        assertThat(hooks).hasSize(1);
        hooks.get(0).run();

        Run run = running.get(60, TimeUnit.SECONDS);
        assertThat(run.status()).isZero();
        assertThat(client.get().state()).isEqualTo(KafkaStreams.State.NOT_RUNNING);
    }

    private String config(String... lines) throws IOException {
        Path file = folder.resolve("test.properties");
        Files.writeString(file, String.join("\n", lines).replace("\\", "\\\\") + "\n");
        return file.toString();
    }
}
