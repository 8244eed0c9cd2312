package org.ceerules.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ceerules.api.EntrySummary;
import org.ceerules.api.InvalidRequestException;
import org.ceerules.api.RoutingRequest;
import org.ceerules.api.Violation;

/**
 * Maps one JSON request of the cee-rules contract (README, JSON contract) to a {@link RoutingRequest},
 * through {@link RoutingRequest#builder()}, reading with Jackson's streaming parser.
 *
 * <p>Every problem is reported at once, each with its field's path, in one
 * {@link InvalidRequestException}:
 * <ul>
 *   <li>a field the contract does not define: {@code account.foo}, "unknown field";</li>
 *   <li>a value of the wrong JSON type: {@code entrySummary.entryType}, "must be a JSON string,
 *       was the number 1" ({@code enteredValue} may be a string or a number; a number is taken
 *       as its exact text, {@code 125000.00} stays {@code 125000.00});</li>
 *   <li>an {@code enteredValue} of more than 64 characters, or with more than 6 decimal places
 *       ({@code 1e-99999999}: "must have at most 6 decimal places"; zeros beyond the sixth place
 *       aside). The text goes to the builder as it is, never through any arithmetic here, and the
 *       builder refuses it before any sum ({@link org.ceerules.api.EntryLine});</li>
 *   <li>a value the request's rules refuse (a bad port code, a missing required field), as the
 *       builder names them. {@code null} means absent: for an optional field that is fine, for a
 *       required one the builder reports it missing;</li>
 *   <li>a missing {@code account} or {@code entrySummary} (absent or {@code null}): named itself,
 *       {@code account}, "is required", not its required fields one by one; an empty object
 *       {@code {}} is present, and its missing fields are named.</li>
 * </ul>
 * Input that cannot be read as one JSON object yields a single violation: for the field {@code
 * $} when it is not JSON, is not an object, holds more than one value, nests deeper than
 * {@value #MAX_DEPTH} levels or is longer than {@value #MAX_REQUEST_CHARS} characters; for the
 * repeated field's path when an object repeats a name (reading stops there, so only the problems
 * found before it are reported with it).
 *
 * <p>Limits that keep the work and the error object of one request bounded whatever its size:
 * <ul>
 *   <li>at most {@value #MAX_LINES} lines of an entry are read (ACE's limit); beyond, {@code
 *       entrySummary.lines} is named "must hold at most 999 lines, held N" and the lines after
 *       the 999th are skipped, not examined;</li>
 *   <li>at most {@value #MAX_UNKNOWN_FIELDS_NAMED} unknown fields are named, each with its path;
 *       beyond, one violation of {@code $}, after all the others, says how many more there are.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe. Not instantiable.
 */
public final class JsonRequestReader {

    /** The deepest nesting of objects and arrays read; the contract needs 4. */
    public static final int MAX_DEPTH = 32;
    /** The longest request read, in characters (1 Mi): a line of JSON Lines, or a whole pretty-printed input. */
    public static final int MAX_REQUEST_CHARS = 1 << 20;
    /** The most lines of an entry read: {@link EntrySummary#MAX_LINES}, ACE's limit. */
    public static final int MAX_LINES = EntrySummary.MAX_LINES;
    /** The most unknown fields of a request named one by one. */
    public static final int MAX_UNKNOWN_FIELDS_NAMED = 100;

    private static final List<String> ROOT_FIELDS = List.of("asOf", "account", "entrySummary");
    private static final List<String> ACCOUNT_FIELDS = List.of("importerNumber", "name", "center",
            "participationStart", "withdrawalEffective");
    private static final List<String> ENTRY_SUMMARY_FIELDS = List.of("entryNumber", "entryType", "portOfEntry",
            "entryDate", "lines");
    private static final List<String> ENTRY_SUMMARY_OR_REQUEST_FIELDS = Stream.concat(
            ENTRY_SUMMARY_FIELDS.stream(), ROOT_FIELDS.stream()).toList();
    private static final List<String> LINE_FIELDS = List.of("hts", "enteredValue", "adcvdCase");

    private static final String A_STRING = "a JSON string";
    private static final String AN_OBJECT = "a JSON object";
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'", Pattern.DOTALL);
    /** The parser's description of a place: {@code [Source: REDACTED (`...` disabled); line: 1, column: 1]}. */
    private static final Pattern SOURCE = Pattern.compile("\\[Source: .*?; line: (\\d+), column: (\\d+)\\]");
    /** The parser's name for a limit's setting, after its value: {@code (1000, from `StreamReadConstraints...()`)}. */
    private static final Pattern FROM_SETTING = Pattern.compile(", from `[^`]*`\\)");
    /** The same on its own: {@code (from `StreamReadConstraints...()`)}. */
    private static final Pattern FROM_SETTING_ALONE = Pattern.compile(" ?\\(from `[^`]*`\\)");
    /** Anything else the parser quotes in backticks: a name of its own code. */
    private static final Pattern BACKTICKED = Pattern.compile(" ?`[^`]*`");

    private JsonRequestReader() {
    }

    /**
     * Reads one request.
     *
     * @param json the request, one JSON object
     * @return the request
     * @throws InvalidRequestException naming every problem, each with its field's path
     */
    public static RoutingRequest read(String json) {
        return read(json, Optional.empty());
    }

    /**
     * Reads one request, routed on {@code asOf} instead of the request's own {@code asOf} when
     * given. The date goes through the builder like any field, so that its problems (before the
     * entry date) are reported with all the others; the request's own {@code asOf} is then ignored.
     *
     * @param json the request, one JSON object
     * @param asOf the date that overrides the request's {@code asOf}, if any
     * @return the request
     * @throws InvalidRequestException naming every problem, each with its field's path
     */
    public static RoutingRequest read(String json, Optional<LocalDate> asOf) {
        Objects.requireNonNull(asOf, "asOf");
        Mapping mapping = new Mapping(asOf.isPresent(), false);
        RoutingRequest.Builder builder = map(json, mapping);
        asOf.ifPresent(date -> builder.asOf(date.toString()));
        return mapping.build(builder::build);
    }

    /**
     * Reads one entry summary: an {@code entrySummary} object of the contract on its own, or a
     * whole request, whose {@code entrySummary} is read and whose other fields are skipped
     * unchecked. Paths name the fields as in a request: {@code entrySummary.lines[0].hts}.
     *
     * @param json an entry summary or a request, one JSON object
     * @return the entry summary
     * @throws InvalidRequestException naming every problem of the entry summary, each with its
     *                                 field's path
     */
    public static EntrySummary readEntrySummary(String json) {
        Mapping mapping = new Mapping(true, true);
        RoutingRequest.Builder builder = map(json, mapping);
        return mapping.build(builder::buildEntrySummary);
    }

    /** Maps the fields of {@code json} onto the mapping's builder, with the problems found on the way. */
    private static RoutingRequest.Builder map(String json, Mapping mapping) {
        Objects.requireNonNull(json, "json");
        if (json.length() > MAX_REQUEST_CHARS) {
            throw whole("is longer than " + MAX_REQUEST_CHARS + " characters: a request must be at most 1 MiB");
        }
        try (JsonParser parser = Json.FACTORY.createParser(json)) {
            mapping.request(parser);
        } catch (DuplicateField e) {
            List<Violation> found = new ArrayList<>(mapping.problems);
            found.add(e.violation);
            throw new InvalidRequestException(found);
        } catch (StreamConstraintsException e) {
            throw whole(limitMessage(e));
        } catch (JsonProcessingException e) {
            throw whole(notJsonMessage(e, json));
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
        RoutingRequest.Builder builder = mapping.builder;
        mapping.problems.forEach(v -> builder.invalid(v.field(), v.message()));
        return builder;
    }

    /** Describes why a text is not a JSON value, for the field {@code $}. */
    static String notJsonMessage(JsonProcessingException e, String json) {
        JsonLocation location = e.getLocation();
        Optional<String> invisible = invisibleOutsideAString(json, location == null ? -1 : location.getCharOffset());
        if (invisible.isPresent()) {
            return "is not valid JSON: " + invisible.get();
        }
        String message = e.getOriginalMessage();
        int cut = message.indexOf('\n');
        if (cut >= 0) {
            message = message.substring(0, cut);
        }
        String where = location == null ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        return "is not valid JSON: " + plain(message) + where;
    }

    /**
     * The first character outside a string, up to where the parser stopped, that is invisible or
     * looks blank but is not JSON's white space (a vertical tab, a form feed, U+0085, U+2028,
     * U+2029, a no-break space, a control or format character), named with its code point, its
     * Unicode name and its line and column; empty when there is none, and the parser's own
     * message says what is wrong.
     *
     * @param json the text the parser failed on
     * @param stop the offset, in chars, where the parser stopped; -1 when unknown
     */
    static Optional<String> invisibleOutsideAString(String json, long stop) {
        boolean inString = false;
        int line = 1;
        int lineStart = 0;
        int i = 0;
        while (i < json.length() && (stop < 0 || i <= stop)) {
            int c = json.codePointAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (isInvisible(c)) {
                String name = Character.getName(c);
                return Optional.of(String.format(Locale.ROOT, "U+%04X%s outside a string: JSON allows only space, tab, "
                        + "line feed and carriage return there (line %d, column %d)", c,
                        name == null ? "" : " (" + name + ")", line, i - lineStart + 1));
            }
            if (c == '\n') {
                line++;
                lineStart = i + 1;
            }
            i += Character.charCount(c);
        }
        return Optional.empty();
    }

    /** Whether a character outside a string is invisible, or looks blank, without being JSON's white space. */
    private static boolean isInvisible(int c) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        int type = Character.getType(c);
        return Character.isSpaceChar(c) || type == Character.CONTROL || type == Character.FORMAT;
    }

    /** Describes which reading limit a text exceeds, for the field {@code $}. */
    static String limitMessage(StreamConstraintsException e) {
        String message = e.getOriginalMessage();
        if (message.contains("nesting depth")) {
            return "nests objects and arrays deeper than " + MAX_DEPTH + " levels";
        }
        return "exceeds a limit of the reader: " + plain(message);
    }

    /**
     * A message of the JSON parser without its internals, which mean nothing to whoever wrote the
     * request: its description of a place ({@code [Source: REDACTED (`StreamReadFeature...`
     * disabled); line: 1, column: 1]} becomes {@code line 1, column 1}) and the names of its
     * settings ({@code (1000, from `StreamReadConstraints.getMaxNumberLength()`)} becomes {@code
     * (1000)}), or anything else it quotes in backticks.
     */
    static String plain(String message) {
        String plain = SOURCE.matcher(message).replaceAll("line $1, column $2");
        plain = FROM_SETTING.matcher(plain).replaceAll(")");
        plain = FROM_SETTING_ALONE.matcher(plain).replaceAll("");
        return BACKTICKED.matcher(plain).replaceAll("").replace("()", "").replace("( ", "(").strip();
    }

    private static InvalidRequestException whole(String message) {
        return new InvalidRequestException(List.of(new Violation(FieldPath.ROOT, message)));
    }

    /** What a value is, for a message: "the number 1", "an array". */
    static String describe(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + shorten(parser.getText());
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    /** A repeated name in an object; stops the reading, since the parser cannot go on after it. */
    private static final class DuplicateField extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Violation violation;

        DuplicateField(Violation violation) {
            super(violation.field(), null, false, false);
            this.violation = violation;
        }
    }

    /** Handles the value of one named field; returns false if the name is not one of the object's. */
    @FunctionalInterface
    private interface FieldHandler {
        boolean field(String name, String path, JsonParser parser) throws IOException;
    }

    /** The state of one reading: the builder and the problems found on the way. Used once, on one thread. */
    private static final class Mapping {
        final RoutingRequest.Builder builder = RoutingRequest.builder();
        final List<Violation> problems = new ArrayList<>();
        private final boolean asOfOverridden;
        /** Reading an entry summary: on its own, or the one of a request whose other fields are skipped. */
        private final boolean entrySummaryOnly;
        private boolean bareFieldSeen;
        private boolean requestFieldSeen;
        private long unknownFields;

        Mapping(boolean asOfOverridden, boolean entrySummaryOnly) {
            this.asOfOverridden = asOfOverridden;
            this.entrySummaryOnly = entrySummaryOnly;
        }

        void request(JsonParser parser) throws IOException {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw whole("is empty: a request is a JSON object");
            }
            if (first != JsonToken.START_OBJECT) {
                throw whole("must be " + AN_OBJECT + ", was " + describe(parser));
            }
            if (entrySummaryOnly) {
                object(parser, FieldPath.ROOT, ENTRY_SUMMARY_OR_REQUEST_FIELDS, this::entrySummaryOrRequestField);
                if (bareFieldSeen && requestFieldSeen) {
                    problems.add(new Violation(FieldPath.ROOT, "mixes the fields of an entry summary with those of a "
                            + "request: give one or the other"));
                }
                if (!requestFieldSeen) {
                    // the object is the entry summary itself, even when empty: its missing fields are named
                    builder.entrySummaryGiven();
                }
            } else {
                object(parser, FieldPath.ROOT, ROOT_FIELDS, this::rootField);
            }
            if (parser.nextToken() != null) {
                throw whole("holds more than one JSON value: give one request per line");
            }
        }

        /**
         * Builds, and when the fields were too many to name, adds the count of the rest after every
         * problem, the unknown fields it follows among them (the builder sorts what it is given in
         * the contract's order, where {@code $} comes first).
         */
        <T> T build(Supplier<T> build) {
            try {
                return build.get();
            } catch (InvalidRequestException e) {
                if (unknownFields <= MAX_UNKNOWN_FIELDS_NAMED) {
                    throw e;
                }
                List<Violation> all = new ArrayList<>(e.violations());
                all.add(new Violation(FieldPath.ROOT, "has " + (unknownFields - MAX_UNKNOWN_FIELDS_NAMED)
                        + " more unknown fields than the " + MAX_UNKNOWN_FIELDS_NAMED + " named"));
                throw new InvalidRequestException(all);
            }
        }

        private boolean rootField(String name, String path, JsonParser parser) throws IOException {
            switch (name) {
                case "asOf" -> {
                    if (asOfOverridden) {
                        skip(parser, path);
                    } else {
                        text(parser, path).ifPresent(builder::asOf);
                    }
                }
                case "account" -> {
                    if (expectObject(parser, path)) {
                        builder.accountGiven();
                        object(parser, path, ACCOUNT_FIELDS, this::accountField);
                    }
                }
                case "entrySummary" -> {
                    if (expectObject(parser, path)) {
                        builder.entrySummaryGiven();
                        object(parser, path, ENTRY_SUMMARY_FIELDS, this::entrySummaryField);
                    }
                }
                default -> {
                    return false;
                }
            }
            return true;
        }

        /** A field at the root of an entry summary on its own, or of a request. */
        private boolean entrySummaryOrRequestField(String name, String path, JsonParser parser) throws IOException {
            if (ROOT_FIELDS.contains(name)) {
                requestFieldSeen = true;
                if (name.equals("entrySummary")) {
                    return rootField(name, path, parser);
                }
                skip(parser, path);
                return true;
            }
            if (ENTRY_SUMMARY_FIELDS.contains(name)) {
                bareFieldSeen = true;
                return entrySummaryField(name, FieldPath.child("entrySummary", name), parser);
            }
            return false;
        }

        private boolean accountField(String name, String path, JsonParser parser) throws IOException {
            switch (name) {
                case "importerNumber" -> text(parser, path).ifPresent(builder::importerNumber);
                case "name" -> text(parser, path).ifPresent(builder::accountName);
                case "center" -> text(parser, path).ifPresent(builder::center);
                case "participationStart" -> text(parser, path).ifPresent(builder::participationStart);
                case "withdrawalEffective" -> text(parser, path).ifPresent(builder::withdrawalEffective);
                default -> {
                    return false;
                }
            }
            return true;
        }

        private boolean entrySummaryField(String name, String path, JsonParser parser) throws IOException {
            switch (name) {
                case "entryNumber" -> text(parser, path).ifPresent(builder::entryNumber);
                case "entryType" -> text(parser, path).ifPresent(builder::entryType);
                case "portOfEntry" -> text(parser, path).ifPresent(builder::portOfEntry);
                case "entryDate" -> text(parser, path).ifPresent(builder::entryDate);
                case "lines" -> lines(parser, path);
                default -> {
                    return false;
                }
            }
            return true;
        }

        private void lines(JsonParser parser, String path) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_NULL) {
                return;
            }
            if (token != JsonToken.START_ARRAY) {
                typeProblem(parser, path, "a JSON array of line objects");
                return;
            }
            builder.noLines();
            int index = 0;
            while (next(parser, path) != JsonToken.END_ARRAY) {
                if (index == MAX_LINES) {
                    skipLinesBeyondTheLimit(parser, path);
                    return;
                }
                String linePath = FieldPath.element(path, index++);
                if (parser.currentToken() != JsonToken.START_OBJECT) {
                    typeProblem(parser, linePath, AN_OBJECT);
                    // keep the place, so that the lines after it keep their index in the paths
                    builder.line(Optional.empty(), Optional.empty(), Optional.empty());
                    continue;
                }
                Line line = new Line();
                object(parser, linePath, LINE_FIELDS, line::field);
                builder.line(line.hts, line.enteredValue, line.adcvdCase);
            }
        }

        /**
         * Skips the lines after the {@value #MAX_LINES}th, the parser at the first of them, and names
         * the list with their count; the lines are not examined, so that their problems cost nothing.
         */
        private void skipLinesBeyondTheLimit(JsonParser parser, String path) throws IOException {
            long held = MAX_LINES;
            do {
                skip(parser, FieldPath.element(path, (int) Math.min(held, Integer.MAX_VALUE)));
                held++;
            } while (next(parser, path) != JsonToken.END_ARRAY);
            problems.add(new Violation(path, "must hold at most " + MAX_LINES + " lines, held " + held));
        }

        /** The fields of one line, gathered before the line goes to the builder. */
        private final class Line {
            Optional<String> hts = Optional.empty();
            Optional<String> enteredValue = Optional.empty();
            Optional<String> adcvdCase = Optional.empty();

            boolean field(String name, String path, JsonParser parser) throws IOException {
                switch (name) {
                    case "hts" -> hts = text(parser, path);
                    case "enteredValue" -> enteredValue = decimal(parser, path);
                    case "adcvdCase" -> adcvdCase = text(parser, path);
                    default -> {
                        return false;
                    }
                }
                return true;
            }
        }

        /** Reads the fields of the object the parser is at, up to and including its end. */
        private void object(JsonParser parser, String path, List<String> known, FieldHandler handler)
                throws IOException {
            while (next(parser, path) != JsonToken.END_OBJECT) {
                String name = parser.currentName();
                String fieldPath = FieldPath.child(path, name);
                parser.nextToken();
                if (!handler.field(name, fieldPath, parser)) {
                    if (unknownFields++ < MAX_UNKNOWN_FIELDS_NAMED) {
                        problems.add(new Violation(fieldPath, "unknown field; the fields here are "
                                + String.join(", ", known)));
                    }
                    skip(parser, fieldPath);
                }
            }
        }

        private boolean expectObject(JsonParser parser, String path) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.START_OBJECT) {
                return true;
            }
            if (token != JsonToken.VALUE_NULL) {
                typeProblem(parser, path, AN_OBJECT);
            }
            return false;
        }

        /** A string, or empty for null and (after recording the problem) for any other type. */
        private Optional<String> text(JsonParser parser, String path) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_STRING) {
                return Optional.of(parser.getText());
            }
            if (token != JsonToken.VALUE_NULL) {
                typeProblem(parser, path, A_STRING);
            }
            return Optional.empty();
        }

        /** A string or a number, as its exact text; empty for null and other types. */
        private Optional<String> decimal(JsonParser parser, String path) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                return Optional.of(parser.getText());
            }
            if (token == JsonToken.VALUE_STRING) {
                return Optional.of(parser.getText());
            }
            if (token != JsonToken.VALUE_NULL) {
                typeProblem(parser, path, "a decimal number, as a JSON string or number");
            }
            return Optional.empty();
        }

        private void typeProblem(JsonParser parser, String path, String expected) throws IOException {
            problems.add(new Violation(path, "must be " + expected + ", was " + describe(parser)));
            skip(parser, path);
        }

        /** The next token inside the object or array at {@code path}, naming a repeated field by its path. */
        private JsonToken next(JsonParser parser, String path) throws IOException {
            try {
                JsonToken token = parser.nextToken();
                if (token == null) {
                    throw whole("is not valid JSON: the input ends inside " + path);
                }
                return token;
            } catch (JsonParseException e) {
                Matcher duplicate = DUPLICATE.matcher(e.getOriginalMessage());
                if (duplicate.matches()) {
                    throw new DuplicateField(new Violation(FieldPath.child(path, duplicate.group(1)),
                            "is given twice: a field may appear only once in an object"));
                }
                throw e;
            }
        }

        /** Skips the value the parser is at, naming a repeated field inside it by the value's path. */
        private void skip(JsonParser parser, String path) throws IOException {
            try {
                parser.skipChildren();
            } catch (JsonParseException e) {
                Matcher duplicate = DUPLICATE.matcher(e.getOriginalMessage());
                if (duplicate.matches()) {
                    throw new DuplicateField(new Violation(path, "holds the field "
                            + FieldPath.quote(duplicate.group(1)) + " twice: a field may appear only once in an object"));
                }
                throw e;
            }
        }
    }
}
