package org.ceerules.json;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.ceerules.api.EntrySummary;
import org.ceerules.api.InvalidRequestException;
import org.ceerules.api.RoutingRequest;
import org.ceerules.api.Violation;

/**
 * Splits an input into requests and reads each one, streaming: one JSON request, possibly
 * pretty-printed over several lines, or JSON Lines (one request per line, blank lines skipped).
 * A blank line holds nothing but JSON's white space, spaces, tabs and carriage returns; a line
 * with any other character, even one that only looks blank (a vertical tab, a form feed, U+0085,
 * U+2028, U+2029), is a request, and its error names that character.
 *
 * <p>How the two are told apart: when the first non-blank line starts a JSON value that it does
 * not complete, the following lines are added to it until the value is complete; if nothing but
 * blank lines follows, the whole input is that one request. Otherwise (the first line is complete
 * on its own, the lines stop making one JSON value, or more follows the value) the input is JSON
 * Lines, read again from its first line. A truncated pretty-printed request (the input ends
 * before the value does), or lines that make a complete value other than an object, are read as
 * JSON Lines too: one error per line, and a valid request on a line of its own is routed. At most {@value
 * JsonRequestReader#MAX_REQUEST_CHARS} characters are held for that look-ahead; a longer multi-line
 * value is read as JSON Lines.
 *
 * <p>The input is UTF-8 (a byte order mark at its start is dropped; an input that looks like UTF-16
 * or UTF-32 gets, in the error of its first line, a hint to convert it); lines end with {@code \n} or
 * {@code \r\n}, and the last one may end without either. Every non-blank line of JSON Lines yields
 * exactly one {@link ReadResult}, in order: a line longer than {@value #MAX_LINE_BYTES} bytes, a line
 * that is not valid UTF-8 or that is not JSON yields an {@link ReadResult.Invalid} naming the field
 * {@code $}, and the lines after it are read. Memory stays bounded whatever the input: a line is
 * never held beyond {@value #MAX_LINE_BYTES} bytes.
 *
 * <p>Mutable and not thread-safe, but for {@link Unread#read()} and {@link #internalErrors()};
 * reads its input once. Does not close the input.
 */
public final class RequestStream {

    /** The longest line read, in bytes of UTF-8 without its terminator (1 MiB): a request of JSON Lines. */
    public static final int MAX_LINE_BYTES = 1 << 20;

    private final LineReader lines;
    private final Optional<LocalDate> asOf;
    private final BiFunction<String, Optional<LocalDate>, RoutingRequest> reader;
    /** Lines read ahead to tell the two forms apart, to be read again as JSON Lines. */
    private final Deque<LineReader.Line> pending = new ArrayDeque<>();
    private boolean formKnown;
    private final AtomicInteger internalErrors = new AtomicInteger();

    /**
     * @param in   the input, UTF-8; read as requests are asked for, never whole
     * @param asOf the date that overrides every request's {@code asOf}, if any
     */
    public RequestStream(InputStream in, Optional<LocalDate> asOf) {
        this(in, asOf, JsonRequestReader::read);
    }

    /** With another reader of one request: for tests of a reader that fails. */
    RequestStream(InputStream in, Optional<LocalDate> asOf, BiFunction<String, Optional<LocalDate>, RoutingRequest> reader) {
        this.lines = new LineReader(Objects.requireNonNull(in, "in"), MAX_LINE_BYTES);
        this.asOf = Objects.requireNonNull(asOf, "asOf");
        this.reader = reader;
    }

    /**
     * How many requests could not be read because of a fault of the reader rather than of the
     * input (a bug: any exception but {@link InvalidRequestException}). Each still yielded an
     * {@link ReadResult.Invalid} in its place, naming {@code $}, and the requests after it were read.
     *
     * @return the number of such requests so far
     */
    public int internalErrors() {
        return internalErrors.get();
    }

    /**
     * Reads the next request.
     *
     * @return the next request or why it is invalid, or empty at the end of the input
     * @throws IOException if the input cannot be read
     */
    public Optional<ReadResult> next() throws IOException {
        return nextUnread().map(Unread::read);
    }

    /**
     * Splits the next request from the input, leaving the reading of it (JSON mapping and
     * validation, the costly part) to {@link Unread#read()}, which any thread may call: a batch
     * is split on one thread and read on many.
     *
     * @return the next request, not read yet, or empty at the end of the input
     * @throws IOException if the input cannot be read
     */
    public Optional<Unread> nextUnread() throws IOException {
        if (!formKnown) {
            formKnown = true;
            Optional<Unread> single = readSingleValue();
            if (single.isPresent()) {
                return single;
            }
        }
        LineReader.Line line = nextNonBlank();
        if (line == null) {
            return Optional.empty();
        }
        if (line.problem().isPresent()) {
            return Optional.of(new Unread(invalid("line " + line.number() + " " + line.problem().get())));
        }
        return Optional.of(new Unread(line.text()));
    }

    /**
     * One request as split from the input, not read yet; or, when the splitting already found it
     * invalid (a line too long, not UTF-8), why.
     *
     * <p>Immutable; {@link #read()} may be called on any thread, at the same time as others.
     */
    public final class Unread {
        private final String json;
        private final ReadResult known;

        private Unread(String json) {
            this.json = json;
            this.known = null;
        }

        private Unread(ReadResult known) {
            this.json = "";
            this.known = known;
        }

        /** @return how many characters of the input this request holds in memory */
        public int length() {
            return json.length();
        }

        /** @return the request, or why it is invalid */
        public ReadResult read() {
            return known != null ? known : RequestStream.this.read(json);
        }

        /**
         * Reads the value as an entry summary instead of a request: an {@code entrySummary}
         * object on its own, or a request's ({@link JsonRequestReader#readEntrySummary(String)}).
         *
         * @return the entry summary
         * @throws InvalidRequestException naming every problem, or why the splitting found the
         *                                 value invalid
         */
        public EntrySummary readEntrySummary() {
            if (known instanceof ReadResult.Invalid invalid) {
                throw new InvalidRequestException(invalid.violations());
            }
            return JsonRequestReader.readEntrySummary(json);
        }
    }

    /**
     * Reads ahead from the first non-blank line. Returns the request when the input is one
     * multi-line JSON value; otherwise leaves every line read in {@link #pending} and returns empty.
     */
    private Optional<Unread> readSingleValue() throws IOException {
        LineReader.Line first = nextNonBlank();
        if (first == null) {
            return Optional.empty();
        }
        pending.add(first);
        if (first.problem().isPresent()) {
            return Optional.empty();
        }
        List<LineReader.Line> value = new ArrayList<>();
        value.add(first);
        long chars = first.text().length();
        try (ValueProbe probe = new ValueProbe()) {
            ValueProbe.State state = probe.feed(first.text());
            if (state != ValueProbe.State.INCOMPLETE) {
                return Optional.empty();
            }
            while (true) {
                LineReader.Line line = lines.next();
                if (line == null) {
                    // the input ended: one request only if the lines made one complete JSON object;
                    // otherwise (truncated, or not an object) every line is read as JSON Lines, so
                    // that a valid request on a line of its own is never lost
                    if (state == ValueProbe.State.COMPLETE && first.text().stripLeading().startsWith("{")) {
                        pending.clear();
                        return Optional.of(new Unread(join(value)));
                    }
                    return Optional.empty();
                }
                if (!line.isBlank()) {
                    // blank lines are skipped by JSON Lines: no need to keep them for it
                    pending.add(line);
                }
                if (line.problem().isPresent()) {
                    return Optional.empty();
                }
                if (state == ValueProbe.State.INCOMPLETE) {
                    chars += line.text().length() + 1;
                    if (chars > JsonRequestReader.MAX_REQUEST_CHARS) {
                        return Optional.empty();
                    }
                    value.add(line);
                }
                state = probe.feed(line.text());
                if (state == ValueProbe.State.INVALID) {
                    return Optional.empty();
                }
            }
        }
    }

    private static String join(List<LineReader.Line> value) {
        StringBuilder text = new StringBuilder();
        for (LineReader.Line line : value) {
            text.append(line.text()).append('\n');
        }
        return text.toString();
    }

    private LineReader.Line nextNonBlank() throws IOException {
        while (true) {
            LineReader.Line line = pending.isEmpty() ? lines.next() : pending.removeFirst();
            if (line == null || !line.isBlank()) {
                return line;
            }
        }
    }

    private ReadResult read(String json) {
        return read(json, asOf, reader, fault -> internalErrors.incrementAndGet());
    }

    /**
     * Reads one request's text with {@code reader}: the request, or its violations; a fault of the
     * reader (any exception but {@link InvalidRequestException}) is told to {@code faults} and
     * costs that request only, named {@code $} as an internal error.
     */
    static ReadResult read(String json, Optional<LocalDate> asOf,
                           BiFunction<String, Optional<LocalDate>, RoutingRequest> reader,
                           Consumer<RuntimeException> faults) {
        try {
            return new ReadResult.Request(reader.apply(json, asOf));
        } catch (InvalidRequestException e) {
            return new ReadResult.Invalid(e.violations());
        } catch (RuntimeException e) {
            // a bug of the reader must cost its request only, never the requests after it
            faults.accept(e);
            String message = e.getMessage() == null ? "" : ": " + e.getMessage().replace('\n', ' ');
            return invalid("could not be read: internal error of the JSON reader (" + e.getClass().getSimpleName()
                    + (message.length() > 200 ? message.substring(0, 200) + "..." : message) + "); please report it");
        }
    }

    static ReadResult invalid(String message) {
        return new ReadResult.Invalid(List.of(new Violation(FieldPath.ROOT, message)));
    }
}
