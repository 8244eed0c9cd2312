package org.ceerules.kafka;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.ceerules.api.Router;
import org.ceerules.cli.Console;
import org.ceerules.cli.ExitStatus;
import org.ceerules.cli.RulesOption;
import org.ceerules.cli.VersionProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cee-rules-streams}, the streaming router: a Kafka Streams application that routes the
 * requests of an input topic (the JSON requests of the CLI, one per record) to decisions on
 * an output topic, keyed by entry number, and every record it cannot route to a dead-letter topic
 * ({@link RoutingTopology}). Runs until it is stopped (SIGINT, SIGTERM: the streams are closed
 * cleanly) or fails.
 * <pre>
 * cee-rules-streams [--config FILE] [--bootstrap-servers HOST:PORT,...] [--application-id ID]
 *                   [--input-topic T] [--output-topic T] [--dead-letter-topic T]
 *                   [--num-stream-threads N] [--rules DIR]
 * </pre>
 * Configuration: {@link StreamsSettings}. One router per instance, built before the streams start
 * and shared by every stream thread. Exit status: 143 when stopped by SIGTERM and 130 by SIGINT
 * (128 + the signal: the JVM exits with it once the shutdown hook has closed the client and
 * committed the records in hand, as {@code StreamsJarIT} and {@code StreamsSignalsIT} pin), 2 for a
 * usage error, a bad configuration, a knowledge base that fails to load (each problem on stderr) or a
 * failure while running (a stream thread that died: the client is shut down); 0 for {@code --help}
 * and {@code --version}. Nothing is written to stdout;
 * diagnostics go to stderr, Kafka's own logging (warnings and up) too.
 *
 * <p>Stateless; each run uses the streams it is given.
 */
@Command(name = "cee-rules-streams", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = "Route the requests of a Kafka topic: decisions to the output topic, keyed by entry number; "
                + "every record that is not routed, as it came, to the dead-letter topic with its errors "
                + "(header cee-rules.errors). Flags override the configuration file.",
        footer = {"%nDefaults: bootstrap servers localhost:9092, application id cee-rules-router, topics "
                + "cee-rules-requests, cee-rules-decisions and cee-rules-dead-letters, exactly-once processing "
                + "(exactly_once_v2), one stream thread per core, the embedded rule set.",
                "Configuration file: any Kafka Streams property, and routing.input.topic, routing.output.topic, "
                        + "routing.dead.letter.topic, routing.rules.dir.",
                "Exit status: 143 stopped by SIGTERM, 130 stopped by SIGINT (128 + the signal, as for any JVM, "
                        + "once the records in hand are committed), 2 usage error, bad configuration, a knowledge "
                        + "base that fails to load, or a failure while running; 0 only for --help and --version."})
public final class RoutingStreamsApp implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", order = 1,
            description = "A properties file: Kafka Streams properties and the routing.* keys.")
    private Path config;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]", order = 2,
            description = "The Kafka brokers to connect to first (bootstrap.servers).")
    private String bootstrapServers;

    @Option(names = "--application-id", paramLabel = "ID", order = 3,
            description = "The application id: consumer group and transactional id prefix (application.id).")
    private String applicationId;

    @Option(names = "--input-topic", paramLabel = "TOPIC", order = 4,
            description = "The topic requests are read from (" + StreamsSettings.INPUT_TOPIC + ").")
    private String inputTopic;

    @Option(names = "--output-topic", paramLabel = "TOPIC", order = 5,
            description = "The topic decisions are written to (" + StreamsSettings.OUTPUT_TOPIC + ").")
    private String outputTopic;

    @Option(names = "--dead-letter-topic", paramLabel = "TOPIC", order = 6,
            description = "The topic records that are not routed go to (" + StreamsSettings.DEAD_LETTER_TOPIC + ").")
    private String deadLetterTopic;

    @Option(names = "--num-stream-threads", paramLabel = "N", order = 7,
            description = "Stream threads of this instance (num.stream.threads); at most one per input partition works.")
    private String streamThreads;

    @Mixin
    private RulesOption rules = new RulesOption();

    private final Console console;
    private final Runner runner;

    /** What runs the client once it is built: in production, a {@link StreamsRunner}. */
    @FunctionalInterface
    interface Runner {
        /**
         * Runs until stopped or failed.
         *
         * @param streams  the client, not started
         * @param settings the settings it was built with
         * @param console  where diagnostics go
         * @return the exit status
         */
        int run(KafkaStreams streams, StreamsSettings settings, Console console);
    }

    private RoutingStreamsApp(Console console, Runner runner) {
        this.console = console;
        this.runner = runner;
    }

    /**
     * Runs the streaming router until it is stopped, and exits the JVM with its status.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        int status = run(args, System.err, Console::routerOf,
                (streams, settings, console) -> new StreamsRunner(streams, console)
                        .runUntilStopped(Runtime.getRuntime()::addShutdownHook));
        System.exit(status);
    }

    /**
     * Parses the arguments, reads the configuration, builds the router and the topology, and hands
     * the client to {@code runners}.
     *
     * @param args    the arguments
     * @param err     standard error: help, usage errors and diagnostics
     * @param routers the router for the rule set directory, or for the embedded rule set
     * @param runner  what runs the client
     * @return the exit status
     */
    static int run(String[] args, PrintStream err, Function<Optional<Path>, Router> routers, Runner runner) {
        Objects.requireNonNull(args, "args");
        // nothing is written to standard output: no stream of it is even given
        Console console = new Console(InputStream.nullInputStream(),
                new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8), err, routers);
        PrintWriter diagnostics = new PrintWriter(err, true);
        CommandLine commandLine = console.commandLine(new RoutingStreamsApp(console, runner), diagnostics);
        try {
            return commandLine.execute(args);
        } finally {
            diagnostics.flush();
        }
    }

    @Override
    public Integer call() {
        StreamsSettings settings;
        try {
            settings = settings();
        } catch (IllegalArgumentException e) {
            console.diagnostic("bad configuration: " + e.getMessage());
            return ExitStatus.FAILED;
        }
        Optional<Router> router = console.router(settings.rules());
        if (router.isEmpty()) {
            return ExitStatus.FAILED;
        }
        KafkaStreams streams;
        try {
            streams = new KafkaStreams(RoutingTopology.build(router.get(), settings), settings.streamsProperties());
        } catch (KafkaException e) {
            // bootstrap servers that do not resolve, a state directory that cannot be made
            console.diagnostic("cannot create the Kafka Streams client: " + Console.describe(e));
            return ExitStatus.FAILED;
        }
        console.diagnostic("routing " + settings.inputTopic() + " to " + settings.outputTopic() + ", dead letters to "
                + settings.deadLetterTopic() + " (rules " + router.get().rulesVersion() + ", application id "
                + settings.applicationId() + ", " + settings.streamThreads() + " stream thread(s), "
                + settings.streams().get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG) + ", bootstrap servers "
                + settings.streams().get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG) + ")");
        return runner.run(streams, settings, console);
    }

    /** The configuration file's settings, the flags over them. */
    StreamsSettings settings() {
        Map<String, String> file = config == null ? Map.of() : StreamsSettings.read(config);
        Map<String, String> flags = new LinkedHashMap<>();
        put(flags, StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        put(flags, StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        put(flags, StreamsSettings.INPUT_TOPIC, inputTopic);
        put(flags, StreamsSettings.OUTPUT_TOPIC, outputTopic);
        put(flags, StreamsSettings.DEAD_LETTER_TOPIC, deadLetterTopic);
        put(flags, StreamsConfig.NUM_STREAM_THREADS_CONFIG, streamThreads);
        rules.directory().ifPresent(directory -> flags.put(StreamsSettings.RULES_DIR, directory.toString()));
        return StreamsSettings.of(file, flags);
    }

    private static void put(Map<String, String> flags, String key, String value) {
        if (value != null) {
            flags.put(key, value);
        }
    }
}
