package org.ceerules.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration: defaults for a local broker, the file, the flags over it, and a clear error for each bad value. */
class StreamsSettingsTest {

    @TempDir
    Path folder;

    @Test
    void theDefaultsRunOnALocalBrokerExactlyOnce() {
        StreamsSettings settings = StreamsSettings.of(Map.of(), Map.of());

        assertThat(settings.inputTopic()).isEqualTo("cee-rules-requests");
        assertThat(settings.outputTopic()).isEqualTo("cee-rules-decisions");
        assertThat(settings.deadLetterTopic()).isEqualTo("cee-rules-dead-letters");
        assertThat(settings.rules()).isEmpty();
        assertThat(settings.applicationId()).isEqualTo("cee-rules-router");
        assertThat(settings.streamThreads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(settings.streamsProperties())
                .containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092")
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "exactly_once_v2")
                .containsEntry("producer.max.request.size", "2097152")
                // the router's own keys are not Kafka's: they are not passed to the client
                .doesNotContainKeys(StreamsSettings.INPUT_TOPIC, StreamsSettings.OUTPUT_TOPIC,
                        StreamsSettings.DEAD_LETTER_TOPIC, StreamsSettings.RULES_DIR);
    }

    @Test
    void theFileSetsAnyPropertyAndTheFlagsOverrideIt() throws IOException {
        Path file = folder.resolve("streams.properties");
        Files.writeString(file, """
                # a comment
                bootstrap.servers = broker-1:9092,broker-2:9092
                application.id=routing-east
                routing.input.topic=entries
                routing.output.topic=routes
                routing.rules.dir=/opt/rules
                num.stream.threads=4
                processing.guarantee=at_least_once
                commit.interval.ms=200
                """, StandardCharsets.UTF_8);

        StreamsSettings settings = StreamsSettings.of(StreamsSettings.read(file),
                Map.of(StreamsSettings.OUTPUT_TOPIC, "decisions-2", StreamsConfig.NUM_STREAM_THREADS_CONFIG, "2"));

        assertThat(settings.inputTopic()).isEqualTo("entries");
        assertThat(settings.outputTopic()).isEqualTo("decisions-2");
        assertThat(settings.deadLetterTopic()).isEqualTo("cee-rules-dead-letters");
        assertThat(settings.rules()).contains(Path.of("/opt/rules"));
        assertThat(settings.streamThreads()).isEqualTo(2);
        assertThat(settings.applicationId()).isEqualTo("routing-east");
        assertThat(settings.streamsProperties())
                .containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "broker-1:9092,broker-2:9092")
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "at_least_once")
                .containsEntry("commit.interval.ms", "200");
    }

    @Test
    void aBadValueIsAnErrorNamingItsKey() {
        assertThatThrownBy(() -> StreamsSettings.of(Map.of(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "two"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("num.stream.threads: must be a whole number of at least 1, was \"two\"");
        assertThatThrownBy(() -> StreamsSettings.of(Map.of(), Map.of(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "0")))
                .hasMessage("num.stream.threads: must be a whole number of at least 1, was \"0\"");
        assertThatThrownBy(() -> StreamsSettings.of(Map.of(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "maybe"), Map.of()))
                .hasMessageContaining("processing.guarantee").hasMessageContaining("maybe");
        assertThatThrownBy(() -> StreamsSettings.of(Map.of("commit.interval.ms", "soon"), Map.of()))
                .hasMessageContaining("commit.interval.ms").hasMessageContaining("soon");
        assertThatThrownBy(() -> StreamsSettings.of(Map.of(StreamsConfig.APPLICATION_ID_CONFIG, ""), Map.of()))
                .hasMessageContaining("application.id");
        assertThatThrownBy(() -> StreamsSettings.of(Map.of(), Map.of(StreamsSettings.INPUT_TOPIC, "requests of today")))
                .hasMessage("routing.input.topic: must be a topic name of 1 to 249 letters, digits, '.', '_' or '-', "
                        + "was \"requests of today\"");
        assertThatThrownBy(() -> StreamsSettings.of(Map.of(), Map.of(StreamsSettings.DEAD_LETTER_TOPIC, "..")))
                .hasMessageStartingWith("routing.dead.letter.topic: must be a topic name");
    }

    /** A misspelt key is refused, named with the known key nearest to it, rather than left to a default. */
    @Test
    void aMisspeltKeyIsRefusedNamingTheKeyItMeant() {
        assertThatThrownBy(() -> StreamsSettings.of(Map.of("routing.input.topik", "entries"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("routing.input.topik: not a setting of the router; did you mean routing.input.topic?");
        // any key with the router's prefix is its own: however far from the four
        assertThatThrownBy(() -> StreamsSettings.of(Map.of("routing.rules.directory", "/opt/rules"), Map.of()))
                .hasMessage("routing.rules.directory: not a setting of the router; did you mean routing.rules.dir?");
        assertThatThrownBy(() -> StreamsSettings.of(Map.of("routng.output.topic", "decisions"), Map.of()))
                .hasMessage("routng.output.topic: not a setting of Kafka Streams or of the router; did you mean "
                        + "routing.output.topic?");
        // Kafka's keys, bare and prefixed; every misspelt key at once, in order
        assertThatThrownBy(() -> StreamsSettings.of(Map.of("bootstrap.server", "broker:9092",
                "producer.max.request.sizes", "4194304", "num.stream.thread", "2"), Map.of()))
                .hasMessage("bootstrap.server: not a setting of Kafka Streams or of the router; did you mean "
                        + "bootstrap.servers?; num.stream.thread: not a setting of Kafka Streams or of the router; did "
                        + "you mean num.stream.threads?; producer.max.request.sizes: not a setting of Kafka Streams or "
                        + "of the router; did you mean producer.max.request.size?");
    }

    /** Kafka passes the keys it does not know to the client's plug-ins: a key far from every known one is kept. */
    @Test
    void aKeyFarFromEveryKnownOneGoesToTheClient() {
        StreamsSettings settings = StreamsSettings.of(Map.of("schema.registry.url", "http://registry:8081",
                "main.consumer.max.poll.records", "50", "topic.segment.bytes", "1048576"), Map.of());
        assertThat(settings.streamsProperties()).containsEntry("schema.registry.url", "http://registry:8081")
                .containsEntry("main.consumer.max.poll.records", "50").containsEntry("topic.segment.bytes", "1048576");
    }

    @Test
    void theEditDistanceCountsInsertionsDeletionsAndReplacements() {
        assertThat(StreamsSettings.distance("bootstrap.server", "bootstrap.servers")).isEqualTo(1);
        assertThat(StreamsSettings.distance("acks", "akcs")).isEqualTo(2);
        assertThat(StreamsSettings.distance("", "abc")).isEqualTo(3);
        assertThat(StreamsSettings.distance("same", "same")).isZero();
    }

    @Test
    void theThreeTopicsMustDiffer() {
        assertThatThrownBy(() -> StreamsSettings.of(Map.of(StreamsSettings.OUTPUT_TOPIC, "cee-rules-requests"), Map.of()))
                .hasMessage("routing.input.topic, routing.output.topic and routing.dead.letter.topic must be three "
                        + "different topics, were cee-rules-requests, cee-rules-requests and cee-rules-dead-letters");
    }

    @Test
    void aFileThatCannotBeReadIsNamed() {
        Path missing = folder.resolve("missing.properties");
        assertThatThrownBy(() -> StreamsSettings.read(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot read the configuration " + missing + ": no such file");
    }

    @Test
    void anEmptyRulesDirectoryMeansTheEmbeddedRuleSet() {
        assertThat(StreamsSettings.of(Map.of(StreamsSettings.RULES_DIR, ""), Map.of()).rules()).isEqualTo(Optional.empty());
    }
}
