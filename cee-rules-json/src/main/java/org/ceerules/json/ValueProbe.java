package org.ceerules.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Tells, line by line and without parsing anything twice, whether the lines fed so far hold one
 * complete JSON value, the start of one, or something that cannot become one. Built on Jackson's
 * non-blocking parser, so each character is looked at once however many lines a value spans.
 *
 * <p>Mutable and not thread-safe.
 */
final class ValueProbe implements AutoCloseable {

    /** What the lines fed so far hold. */
    enum State {
        /** The beginning of a value that more lines may complete. */
        INCOMPLETE,
        /** Exactly one complete value, and nothing after it but white space. */
        COMPLETE,
        /** Not a JSON value, or more than one. */
        INVALID
    }

    private final JsonParser parser;
    private final ByteArrayFeeder feeder;
    private int depth;
    private State state = State.INCOMPLETE;

    ValueProbe() {
        try {
            parser = Json.FACTORY.createNonBlockingByteArrayParser();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a non-blocking JSON parser", e);
        }
        feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
    }

    /**
     * Feeds one more line (its terminator is added back).
     *
     * @param line the line
     * @return what the lines fed so far hold
     */
    State feed(String line) {
        if (state == State.INVALID) {
            return state;
        }
        if (state == State.COMPLETE) {
            if (!LineReader.isJsonBlank(line)) {
                state = State.INVALID;
            }
            return state;
        }
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            feeder.feedInput(bytes, 0, bytes.length);
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.NOT_AVAILABLE && token != null) {
                if (state == State.COMPLETE) {
                    state = State.INVALID;
                    return state;
                }
                if (token.isStructStart()) {
                    depth++;
                } else if (token.isStructEnd()) {
                    depth--;
                }
                if (depth == 0) {
                    state = State.COMPLETE;
                }
            }
        } catch (IOException e) {
            state = State.INVALID;
        }
        return state;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // nothing to release: the parser reads from byte arrays
        }
    }
}
