package org.ceerules.json;

import java.nio.CharBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads one request from a message: the bytes of one whole request, as a record of a message
 * broker carries it (a Kafka record's value), where {@link RequestStream} splits a stream into
 * requests. The rules of a line of JSON Lines hold for a message: it is UTF-8, decoded strictly (a
 * byte order mark at its start is dropped; nothing is replaced or guessed), at most {@value
 * #MAX_MESSAGE_BYTES} bytes, and it yields the same request or the same violations as the same
 * text on a line of {@code cee-rules route}. A message may hold a pretty-printed request; more
 * than one JSON value in a message is a violation of {@code $}. A message that looks like UTF-16
 * or UTF-32 is a violation of {@code $} that says so.
 *
 * <p>Stateless and thread-safe. Not instantiable.
 */
public final class MessageReader {

    /** The longest message read, in bytes: the longest line of JSON Lines (1 MiB). */
    public static final int MAX_MESSAGE_BYTES = RequestStream.MAX_LINE_BYTES;

    private MessageReader() {
    }

    /**
     * Reads the request a message holds.
     *
     * @param message the bytes of one request, UTF-8; not changed
     * @param faults  told of a fault of the JSON reader (a bug: any exception but the request's
     *                violations), which costs this message only: it is then invalid, naming
     *                {@code $} as an internal error
     * @return the request, or why it is invalid: each violation naming its field, {@code $} for the
     *         message as a whole (empty, too long, not UTF-8, not JSON)
     */
    public static ReadResult read(byte[] message, Consumer<RuntimeException> faults) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(faults, "faults");
        if (message.length > MAX_MESSAGE_BYTES) {
            return RequestStream.invalid(LineReader.tooLong(MAX_MESSAGE_BYTES));
        }
        Optional<LineReader.WideEncoding> wide = LineReader.wideEncoding(message, 0, message.length);
        if (wide.isPresent()) {
            return RequestStream.invalid(wide.get().problem("the message"));
        }
        byte[] mark = LineReader.BYTE_ORDER_MARK;
        int start = message.length >= mark.length && Arrays.equals(message, 0, mark.length, mark, 0, mark.length)
                ? mark.length : 0;
        int length = message.length - start;
        LineReader.Line decoded = LineReader.decode(1, message, start, length, LineReader.strictUtf8(),
                CharBuffer.allocate(length));
        if (decoded.problem().isPresent()) {
            return RequestStream.invalid(decoded.problem().get());
        }
        return RequestStream.read(decoded.text(), Optional.empty(), JsonRequestReader::read, faults);
    }
}
