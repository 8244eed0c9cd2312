/**
 * The streaming router: cee-rules as a Kafka Streams application ({@code cee-rules-streams.jar},
 * main class {@link org.ceerules.kafka.RoutingStreamsApp}).
 *
 * <p>{@link org.ceerules.kafka.RoutingTopology} reads requests (the JSON requests of the
 * CLI, one per record) from an input topic and writes, for each record, exactly one record: its
 * decision to the output topic, keyed by entry number and byte for byte the line {@code cee-rules
 * route} prints for it (without the line feed), or the record itself, key and value untouched, to
 * the dead-letter topic with the CLI's error object in a header. Requests are read by {@link
 * org.ceerules.json.MessageReader} and routed and written by {@link
 * org.ceerules.json.LineRouter}, as the CLI reads, routes and writes them. One router per
 * application instance, shared by every stream thread. Exactly-once ({@code exactly_once_v2}) by
 * default. {@link org.ceerules.kafka.StreamsSettings} is the configuration (a properties
 * file and flags).
 *
 * <p>Kafka is an optional dependency of this module: these classes are left out of the CLI's jar
 * and run from {@code cee-rules-streams.jar}.
 */
package org.ceerules.kafka;

