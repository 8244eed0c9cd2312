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
