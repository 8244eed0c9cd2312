package org.ceerules.kafka;

import java.util.Objects;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.ceerules.api.Router;

/**
 * The routing topology: one source, one stateless processor, two sinks.
 * <pre>
 * requests (input topic) ──▶ route ──▶ decisions (output topic): key = entry number, value = the decision
 *                                  └─▶ dead-letters (dead-letter topic): the record as it came + its errors
 * </pre>
 *
 * <p>Records are read and written as bytes: no deserializer runs before the processor, so no input
 * can fail in a deserializer, and a dead letter keeps the original key and value byte for byte
 * (non-UTF-8 bytes, an empty value and a null value included). Each input record yields exactly one
 * output record, on one of the two sinks.
 *
 * <p>A decision's value is exactly the line {@code cee-rules route} writes for the same request,
 * without its line feed; its key is the entry number as the decision gives it ({@code
 * FFF-NNNNNNN-C}), in UTF-8; it keeps the input record's timestamp and headers. A dead letter keeps
 * the input record's key, value, timestamp and headers, and adds the headers
 * <ul>
 *   <li>{@value #ERRORS_HEADER}: the error object {@code cee-rules route} writes for the record
 *       ({@code {"errors":[{"field","message"}]}}, UTF-8), cut to {@value
 *       RoutingProcessor#MAX_ERRORS_BYTES} bytes;</li>
 *   <li>{@value #SOURCE_TOPIC_HEADER}, {@value #SOURCE_PARTITION_HEADER}, {@value
 *       #SOURCE_OFFSET_HEADER}: where the record was read, in decimal text.</li>
 * </ul>
 *
 * <p>No repartitioning, no state store, no internal topic: a task per input partition routes its
 * records in offset order, so the outputs of one input partition keep its order.
 *
 * <p>Not instantiable; the topologies it builds are Kafka's.
 */
public final class RoutingTopology {

    /** The name of the source node. */
    public static final String REQUESTS = "requests";
    /** The name of the processor node. */
    public static final String ROUTE = "route";
    /** The name of the sink of decisions. */
    public static final String DECISIONS = "decisions";
    /** The name of the sink of dead letters. */
    public static final String DEAD_LETTERS = "dead-letters";

    /** The header of a dead letter that holds its error object. */
    public static final String ERRORS_HEADER = "cee-rules.errors";
    /** The header of a dead letter that holds the topic it was read from. */
    public static final String SOURCE_TOPIC_HEADER = "cee-rules.source.topic";
    /** The header of a dead letter that holds the partition it was read from. */
    public static final String SOURCE_PARTITION_HEADER = "cee-rules.source.partition";
    /** The header of a dead letter that holds its offset in that partition. */
    public static final String SOURCE_OFFSET_HEADER = "cee-rules.source.offset";

    private RoutingTopology() {
    }

    /**
     * @param router   the router, shared by every task of every stream thread (routers are thread-safe)
     * @param settings the topics, and the properties of the topology
     * @return the topology
     */
    public static Topology build(Router router, StreamsSettings settings) {
        Objects.requireNonNull(router, "router");
        // the topology's own settings from the application's (a bare Topology reads them from no properties at all)
        Topology topology = new Topology(new TopologyConfig(new StreamsConfig(settings.streams())));
        topology.addSource(REQUESTS, new ByteArrayDeserializer(), new ByteArrayDeserializer(), settings.inputTopic());
        topology.addProcessor(ROUTE, () -> new RoutingProcessor(router), REQUESTS);
        topology.addSink(DECISIONS, settings.outputTopic(), new ByteArraySerializer(), new ByteArraySerializer(), ROUTE);
        topology.addSink(DEAD_LETTERS, settings.deadLetterTopic(), new ByteArraySerializer(), new ByteArraySerializer(),
                ROUTE);
        return topology;
    }
}
