package org.ceerules.kafka;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The streaming router's configuration: where requests come from and where decisions and dead
 * letters go, the rule set, and the properties of the Kafka Streams client.
 *
 * <p>Read from a properties file ({@code --config FILE}) that may hold any Kafka Streams property
 * ({@code bootstrap.servers}, {@code application.id}, {@code num.stream.threads}, {@code producer.*},
 * ...) and the router's own keys, {@value #INPUT_TOPIC}, {@value #OUTPUT_TOPIC}, {@value
 * #DEAD_LETTER_TOPIC} and {@value #RULES_DIR}; the command line's flags override the file, key by
 * key. What neither gives has a default that runs on a local broker: see {@link #DEFAULTS}.
 *
 * <p>Every value is checked before anything starts: topic names (legal, and three different
 * topics), the stream threads (a whole number of at least 1), and every Kafka Streams property as
 * {@link StreamsConfig} checks it. A bad value is an {@link IllegalArgumentException} whose message
 * names its key. So is a misspelt key, with the known key nearest to it: any key with the router's
 * prefix {@code routing.} that is not one of its four, and a key Kafka does not know that is one
 * or two edits from one it knows ({@code bootstrap.server}); other keys Kafka does not know go to
 * the client, as Kafka allows.
 *
 * <p>Immutable and thread-safe; {@link #streamsProperties()} returns a copy.
 *
 * @param inputTopic      the topic requests are read from
 * @param outputTopic     the topic decisions go to, keyed by entry number
 * @param deadLetterTopic the topic every rejected record goes to
 * @param rules           the rule set directory; empty for the embedded rule set
 * @param streams         the Kafka Streams properties, defaults applied
 */
public record StreamsSettings(String inputTopic, String outputTopic, String deadLetterTopic, Optional<Path> rules,
                              Map<String, String> streams) {

    /** The key of the input topic. */
    public static final String INPUT_TOPIC = "routing.input.topic";
    /** The key of the output topic. */
    public static final String OUTPUT_TOPIC = "routing.output.topic";
    /** The key of the dead-letter topic. */
    public static final String DEAD_LETTER_TOPIC = "routing.dead.letter.topic";
    /** The key of the rule set directory; absent for the embedded rule set. */
    public static final String RULES_DIR = "routing.rules.dir";

    /**
     * The producer's largest request: a dead letter carries the original record (at most the input
     * topic's {@code max.message.bytes}, 1 MiB by default) and its error object (at most {@value
     * RoutingProcessor#MAX_ERRORS_BYTES} bytes), more than Kafka's default of 1 MiB allows.
     */
    static final String MAX_REQUEST_SIZE = String.valueOf(2 << 20);

    /**
     * The defaults, for a local broker: topics {@code cee-rules-requests}, {@code cee-rules-decisions}
     * and {@code cee-rules-dead-letters}; application id {@code cee-rules-router}; broker
     * {@code localhost:9092}; exactly-once processing ({@code exactly_once_v2}); one stream thread
     * per core; producer requests of up to 2 MiB, for dead letters.
     */
    public static final Map<String, String> DEFAULTS = defaults();

    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final List<String> OWN_KEYS = List.of(INPUT_TOPIC, OUTPUT_TOPIC, DEAD_LETTER_TOPIC, RULES_DIR);
    /** The prefix of the router's own keys: a key with it that is not one of them is misspelt. */
    private static final String OWN_PREFIX = "routing.";
    /**
     * The keys Kafka knows: those of Kafka Streams and of its consumers, producer and admin client,
     * bare and with the prefixes Kafka Streams gives them ({@code producer.}, {@code main.consumer.}...).
     */
    private static final Set<String> KAFKA_KEYS = kafkaKeys();

    /**
     * Validates the topics: legal names, three different topics. {@link #of(Map, Map)} checks the
     * Kafka Streams properties too.
     *
     * @param inputTopic      the topic requests are read from
     * @param outputTopic     the topic decisions go to
     * @param deadLetterTopic the topic every rejected record goes to
     * @param rules           the rule set directory; empty for the embedded rule set
     * @param streams         the Kafka Streams properties, defaults applied
     * @throws IllegalArgumentException naming the key of the bad topic
     * @throws NullPointerException     if a component is null
     */
    public StreamsSettings {
        topic(INPUT_TOPIC, inputTopic);
        topic(OUTPUT_TOPIC, outputTopic);
        topic(DEAD_LETTER_TOPIC, deadLetterTopic);
        if (inputTopic.equals(outputTopic) || inputTopic.equals(deadLetterTopic) || outputTopic.equals(deadLetterTopic)) {
            throw new IllegalArgumentException(INPUT_TOPIC + ", " + OUTPUT_TOPIC + " and " + DEAD_LETTER_TOPIC
                    + " must be three different topics, were " + inputTopic + ", " + outputTopic + " and "
                    + deadLetterTopic);
        }
        Objects.requireNonNull(rules, "rules");
        streams = Map.copyOf(streams);
    }

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put(INPUT_TOPIC, "cee-rules-requests");
        defaults.put(OUTPUT_TOPIC, "cee-rules-decisions");
        defaults.put(DEAD_LETTER_TOPIC, "cee-rules-dead-letters");
        defaults.put(StreamsConfig.APPLICATION_ID_CONFIG, "cee-rules-router");
        defaults.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
        defaults.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        defaults.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, String.valueOf(Runtime.getRuntime().availableProcessors()));
        defaults.put(StreamsConfig.producerPrefix("max.request.size"), MAX_REQUEST_SIZE);
        // the topology has no global state: enabling the handler there changes nothing, and spares a
        // warning Kafka logs at every start when the key is not set
        defaults.put("processing.exception.handler.global.enabled", "true");
        return Map.copyOf(defaults);
    }

    /**
     * Reads a properties file (ISO 8859-1 escapes or plain UTF-8 text).
     *
     * @param file the file
     * @return its properties, in no order
     * @throws IllegalArgumentException naming the file, when it cannot be read
     */
    public static Map<String, String> read(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("cannot read the configuration " + file + ": no such file", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot read the configuration " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> read = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(key -> read.put(key, properties.getProperty(key).strip()));
        return read;
    }

    /**
     * The settings of a file and of the command line.
     *
     * @param file      the properties of the configuration file; empty without one
     * @param overrides the properties given on the command line, which win over the file's
     * @return the settings, defaults applied
     * @throws IllegalArgumentException naming the key of the first bad value, and why
     */
    public static StreamsSettings of(Map<String, String> file, Map<String, String> overrides) {
        Set<String> given = new TreeSet<>(file.keySet());
        given.addAll(overrides.keySet());
        misspelt(given);
        Map<String, String> all = new LinkedHashMap<>(DEFAULTS);
        all.putAll(file);
        all.putAll(overrides);
        String rules = all.getOrDefault(RULES_DIR, "");
        Map<String, String> streams = new LinkedHashMap<>(all);
        OWN_KEYS.forEach(streams::remove);
        threads(streams.get(StreamsConfig.NUM_STREAM_THREADS_CONFIG));
        if (streams.getOrDefault(StreamsConfig.APPLICATION_ID_CONFIG, "").isBlank()) {
            throw new IllegalArgumentException(StreamsConfig.APPLICATION_ID_CONFIG + ": must not be empty");
        }
        try {
            new StreamsConfig(streams);
        } catch (ConfigException e) {
            // Kafka's message names the key: "Invalid value x for configuration processing.guarantee: ..."
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return new StreamsSettings(all.get(INPUT_TOPIC), all.get(OUTPUT_TOPIC), all.get(DEAD_LETTER_TOPIC),
                rules.isEmpty() ? Optional.empty() : Optional.of(Path.of(rules)), streams);
    }

    /**
     * Refuses misspelt keys, each named with the known key nearest to it: a key with the router's
     * prefix ({@value #OWN_PREFIX}) that is not one of its keys, and a key Kafka does not know that
     * is one or two edits from one it knows ({@code bootstrap.server}). Any other key Kafka does
     * not know goes to the client as it is, as Kafka allows (the settings of a plug-in, such as a
     * serializer's or an interceptor's), and so does every key with the prefix {@code topic.}.
     *
     * @throws IllegalArgumentException naming every misspelt key, in order, with its suggestion
     */
    private static void misspelt(Set<String> keys) {
        List<String> problems = new ArrayList<>();
        for (String key : keys) {
            if (OWN_KEYS.contains(key) || KAFKA_KEYS.contains(key) || DEFAULTS.containsKey(key)
                    || key.startsWith(StreamsConfig.TOPIC_PREFIX)) {
                continue;
            }
            if (key.startsWith(OWN_PREFIX)) {
                problems.add(key + ": not a setting of the router; did you mean " + nearest(key, OWN_KEYS) + "?");
                continue;
            }
            int allowed = key.length() >= 8 ? 2 : 1;
            List<String> known = new ArrayList<>(OWN_KEYS);
            known.addAll(KAFKA_KEYS);
            String near = nearest(key, known);
            if (distance(key, near) <= allowed) {
                problems.add(key + ": not a setting of Kafka Streams or of the router; did you mean " + near + "?");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** The key of {@code known} fewest edits from {@code key}; the first in order among equals. */
    private static String nearest(String key, Collection<String> known) {
        return known.stream().sorted().min(Comparator.comparingInt(k -> distance(key, k))).orElseThrow();
    }

    /** The Levenshtein distance: how many characters to insert, delete or replace to make one the other. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int replace = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(replace, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static Set<String> kafkaKeys() {
        Set<String> consumer = ConsumerConfig.configNames();
        Set<String> keys = new HashSet<>(StreamsConfig.configDef().names());
        keys.addAll(consumer);
        keys.addAll(ProducerConfig.configNames());
        keys.addAll(AdminClientConfig.configNames());
        for (String prefix : List.of(StreamsConfig.CONSUMER_PREFIX, StreamsConfig.MAIN_CONSUMER_PREFIX,
                StreamsConfig.RESTORE_CONSUMER_PREFIX, StreamsConfig.GLOBAL_CONSUMER_PREFIX)) {
            consumer.forEach(key -> keys.add(prefix + key));
        }
        ProducerConfig.configNames().forEach(key -> keys.add(StreamsConfig.PRODUCER_PREFIX + key));
        AdminClientConfig.configNames().forEach(key -> keys.add(StreamsConfig.ADMIN_CLIENT_PREFIX + key));
        return Set.copyOf(keys);
    }

    /** @return the Kafka Streams properties, a new copy */
    public Properties streamsProperties() {
        Properties properties = new Properties();
        properties.putAll(streams);
        return properties;
    }

    /** @return the application id, the consumer group and the prefix of the client's transactional ids */
    public String applicationId() {
        return streams.get(StreamsConfig.APPLICATION_ID_CONFIG);
    }

    /** @return how many stream threads the instance runs */
    public int streamThreads() {
        return threads(streams.get(StreamsConfig.NUM_STREAM_THREADS_CONFIG));
    }

    private static void topic(String key, String topic) {
        Objects.requireNonNull(topic, key);
        if (!TOPIC.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
            throw new IllegalArgumentException(key + ": must be a topic name of 1 to 249 letters, digits, '.', '_' "
                    + "or '-', was \"" + topic + "\"");
        }
    }

    private static int threads(String value) {
        try {
            int threads = Integer.parseInt(value);
            if (threads >= 1) {
                return threads;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(StreamsConfig.NUM_STREAM_THREADS_CONFIG
                + ": must be a whole number of at least 1, was \"" + value + "\"");
    }
}
