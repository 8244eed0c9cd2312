package org.ceerules.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.ceerules.api.Router;
import org.ceerules.api.Violation;
import org.ceerules.json.LineRouter;
import org.ceerules.json.JsonResultWriter;
import org.ceerules.json.MessageReader;
import org.ceerules.json.ReadResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes each record of the input and forwards exactly one record for it: its decision to the
 * decisions' sink, keyed by entry number, or the record itself to the dead letters' sink with its
 * error object in a header. Never throws for any key or value; throws only when the knowledge base
 * fails (a {@link org.ceerules.api.KnowledgeBaseException}), which no record can be blamed for.
 *
 * <p>One processor per task, used by one stream thread at a time; the router is shared by all.
 * Mutable and not thread-safe.
 */
final class RoutingProcessor implements Processor<byte[], byte[], byte[], byte[]> {

    /**
     * The largest error object carried in a dead letter, in bytes. Beyond, the first violations
     * that fit are kept, and one more violation of {@code $} says how many were left out: so that
     * a dead letter is never much larger than its record (a request of 999 bad lines names three
     * thousand fields).
     */
    static final int MAX_ERRORS_BYTES = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(RoutingProcessor.class);
    private static final ReadResult NULL_VALUE = new ReadResult.Invalid(List.of(new Violation("$",
            "is null: a record's value must be one JSON request")));
    /** Room kept for the violation that says how many were left out. */
    private static final int NOTE_BYTES = 256;

    private final Router router;
    private ProcessorContext<byte[], byte[]> context;
    private LineRouter lines;
    private JsonResultWriter errors;

    RoutingProcessor(Router router) {
        this.router = Objects.requireNonNull(router, "router");
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
        try {
            this.lines = new LineRouter(router::route, false);
            this.errors = JsonResultWriter.inMemory();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a JSON generator", e);
        }
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        ReadResult read = record.value() == null ? NULL_VALUE
                : MessageReader.read(record.value(), fault -> LOG.error("internal error of the JSON reader on {}",
                        where(), fault));
        LineRouter.Line line;
        try {
            line = lines.route(read);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a line in memory", e);
        }
        if (line.decision().isPresent()) {
            byte[] entryNumber = utf8(line.decision().get().entryNumber());
            context.forward(record.withKey(entryNumber).withValue(withoutLineEnd(line.bytes())),
                    RoutingTopology.DECISIONS);
            return;
        }
        line.internalError().ifPresent(message -> LOG.error("{} on {}", message, where()));
        Headers headers = new RecordHeaders(record.headers().toArray());
        headers.add(RoutingTopology.ERRORS_HEADER, errorObject(line));
        context.recordMetadata().ifPresent(source -> {
            headers.add(RoutingTopology.SOURCE_TOPIC_HEADER, utf8(source.topic()));
            headers.add(RoutingTopology.SOURCE_PARTITION_HEADER, utf8(String.valueOf(source.partition())));
            headers.add(RoutingTopology.SOURCE_OFFSET_HEADER, utf8(String.valueOf(source.offset())));
        });
        // the key and the value as they came, byte for byte, null included
        context.forward(record.withHeaders(headers), RoutingTopology.DEAD_LETTERS);
    }

    /** The error object of a rejected line, without its line end; cut to {@link #MAX_ERRORS_BYTES}. */
    private byte[] errorObject(LineRouter.Line line) {
        byte[] whole = withoutLineEnd(line.bytes());
        if (whole.length <= MAX_ERRORS_BYTES) {
            return whole;
        }
        List<Violation> all = line.violations();
        int empty = encoded(List.of()).length;
        int size = empty;
        List<Violation> kept = new ArrayList<>();
        for (Violation violation : all) {
            // each violation after the first adds a comma
            int more = encoded(List.of(violation)).length - empty + 1;
            if (size + more > MAX_ERRORS_BYTES - NOTE_BYTES) {
                break;
            }
            size += more;
            kept.add(violation);
        }
        kept.add(new Violation("$", (all.size() - kept.size()) + " more errors not shown: a dead letter carries at most "
                + MAX_ERRORS_BYTES + " bytes of errors"));
        return encoded(kept);
    }

    private byte[] encoded(List<Violation> violations) {
        try {
            errors.writeErrors(violations);
            return withoutLineEnd(errors.takeLines());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a line in memory", e);
        }
    }

    /** Where the current record comes from, for a log: topic-partition@offset. */
    private String where() {
        return context.recordMetadata().map(RoutingProcessor::describe).orElse("a record of unknown origin");
    }

    private static byte[] withoutLineEnd(byte[] line) {
        return Arrays.copyOf(line, line.length - 1);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String describe(RecordMetadata metadata) {
        return metadata.topic() + "-" + metadata.partition() + "@" + metadata.offset();
    }
}
