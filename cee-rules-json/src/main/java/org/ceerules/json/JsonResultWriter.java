package org.ceerules.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.ceerules.api.Center;
import org.ceerules.api.CenterOpening;
import org.ceerules.api.Certainty;
import org.ceerules.api.Citation;
import org.ceerules.api.FiredRule;
import org.ceerules.api.KnowledgeBaseRule;
import org.ceerules.api.Office;
import org.ceerules.api.Route;
import org.ceerules.api.Source;
import org.ceerules.api.RoutingDecision;
import org.ceerules.api.SubjectAbbreviation;
import org.ceerules.api.Submission;
import org.ceerules.api.Violation;

/**
 * Writes JSON Lines of the cee-rules contract (see the README, "The JSON contract"), one object per line, through
 * Jackson's streaming generator: decisions, explanations, error objects, Centers, sources and rules.
 *
 * <p>A decision:
 * <pre>{@code
 * {"entryNumber":"345-6789012-3","asOf":"2016-05-02","center":"007",
 *  "jurisdiction":{"rule":"...","authority":"...","citations":[...],"certainty":"confirmed"},
 *  "routes":[{"function":"CARGO_RELEASE","office":{"type":"PORT","code":"2704"},"alternatives":[],
 *             "rule":"...","authority":"...",
 *             "citations":[{"source":"tpd-2013","pinpoint":"Release/Entry Process"}],
 *             "certainty":"confirmed"}, ...],
 *  "rulesVersion":"..."}
 * }</pre>
 * {@code center} is the team code, or {@code null} where no Center has jurisdiction. An office is
 * {@code {"type","code"}}: a Center's team code, a port code, a Drawback Center's city; no code
 * for Regulations and Rulings, nor for "any Drawback Center" (the choices are then its
 * {@code alternatives}). {@code jurisdiction} and {@code rulesVersion} are added to the contract's
 * fields, and so is a route's {@code "submission":{"to":[addresses],"subject":"F28,NokiaInc,345-67890123,2704","certainty":"confirmed"}}
 * where it has one ({@link org.ceerules.api.Route#submission()}). {@code citations} name the
 * bibliography's sources by id, with a pinpoint where there is one; {@code certainty} is
 * {@code confirmed}, {@code secondary} or {@code inferred}. An explanation is a decision plus
 * {@code "firedRules":[{"rule","authority","functions"}]} and {@code "sources":[{"id","title",
 * "issuer","date","citation","url","kind"}]}, the sources its citations name,
 * every rule that fired in firing order, and, in each route, {@code "firedRules"}: the names of
 * the fired rules that contributed to that route's function, in firing order. An error object is
 * {@code {"errors":[{"field","message"}]}}.
 *
 * <p>Only whole lines reach the stream: lines are kept until about {@value #CHUNK} bytes of them
 * are complete, then handed over in one write, and on {@link #flush()} and {@link #close()}. A
 * run killed between two writes leaves whole lines behind it, never a cut one. Closing does not
 * close the stream.
 *
 * <p>What decisions repeat (routes, rule names, authorities, the rules version) is encoded once
 * and kept, for every writer, up to a bound: a decision is mostly made of these.
 *
 * <p>Mutable and not thread-safe: one writer per output, on one thread.
 */
public final class JsonResultWriter implements Closeable, Flushable {

    /** About how many bytes of whole lines are handed to the stream at once. */
    public static final int CHUNK = 64 * 1024;
    /**
     * How many problems of one kind an error object names, at most: problems of the same field of
     * the elements of an array ({@code entrySummary.lines[*].hts}); one more violation counts the rest.
     */
    public static final int MAX_PROBLEMS_OF_A_KIND = 20;
    /** How many repeated texts are kept encoded, at most; texts beyond are encoded each time. */
    private static final int MAX_TEXTS = 4096;
    private static final Map<String, SerializableString> TEXTS = new ConcurrentHashMap<>();
    /** How many routes are kept encoded, at most; routes beyond are encoded each time. */
    private static final int MAX_ROUTES = 4096;
    private static final Map<Route, SerializableString> ROUTES = new ConcurrentHashMap<>();
    /** Each Center's e-mail addresses as a JSON array. */
    private static final Map<Center, String> ADDRESSES = addresses();
    /** Routes with a submission, encoded up to the submission: the route's encoding without its closing brace. */
    private static final Map<Route, SerializableString> OPENED_ROUTES = new ConcurrentHashMap<>();
    /** Per Center, by ordinal: {@code ,"submission":{"to":[addresses]}. */
    private static final SerializableString[] SUBMISSION_TO = Arrays.stream(Center.values())
            .map(c -> new SerializedString(",\"submission\":{\"to\":" + ADDRESSES.get(c))).toArray(SerializableString[]::new);
    /** Per abbreviation, by ordinal: {@code ,"subject":"F28,}. */
    private static final SerializableString[] SUBJECT_OPENED = Arrays.stream(SubjectAbbreviation.values())
            .map(a -> new SerializedString(",\"subject\":\"" + a.abbreviation() + ","))
            .toArray(SerializableString[]::new);
    /** The end of a submission, with the certainty of its format on the decision's date. */
    private static final SerializableString[] SUBMISSION_CLOSED = Arrays.stream(Certainty.values())
            .map(c -> new SerializedString("\",\"certainty\":\"" + c.label() + "\"}}"))
            .toArray(SerializableString[]::new);

    private final Lines lines;
    private final JsonGenerator generator;

    private JsonResultWriter(Lines lines) throws IOException {
        this.lines = lines;
        this.generator = Json.FACTORY.createGenerator(lines, JsonEncoding.UTF8);
    }

    /**
     * @param out where the JSON Lines go, in UTF-8, whole lines only; not closed by this writer
     * @return a writer to {@code out}
     * @throws IOException if the generator cannot be created
     */
    public static JsonResultWriter to(OutputStream out) throws IOException {
        return new JsonResultWriter(new Lines(Objects.requireNonNull(out, "out")));
    }

    /**
     * A writer that keeps its lines for {@link #takeLines()}: for writing results on one thread
     * and handing them to the output on another.
     *
     * @return a writer to memory
     * @throws IOException if the generator cannot be created
     */
    public static JsonResultWriter inMemory() throws IOException {
        return new JsonResultWriter(new Lines(null));
    }

    /**
     * A decision as {@code explain} writes it (every field of the decision, with the rules that
     * fired), read back as a JSON tree: for comparing answers with expectations, with the same
     * encoding as every line the contract writes.
     *
     * @param decision the decision
     * @return the JSON object, as {@link JsonTree} reads it
     */
    public static Map<String, Object> explanationTree(RoutingDecision decision) {
        return tree(writer -> writer.writeExplanation(decision));
    }

    /**
     * The error object of the contract, as {@link #writeErrors(List)} writes it (at most {@value
     * #MAX_PROBLEMS_OF_A_KIND} problems of a kind named), read back as a JSON tree.
     *
     * @param violations the problems, in order
     * @return {@code {"errors": [{"field": ..., "message": ...}, ...]}}
     */
    public static Map<String, Object> errorsTree(List<Violation> violations) {
        return tree(writer -> writer.writeErrors(violations));
    }

    private interface Writing {
        void write(JsonResultWriter writer) throws IOException;
    }

    private static Map<String, Object> tree(Writing writing) {
        try (JsonResultWriter writer = inMemory()) {
            writing.write(writer);
            return JsonTree.object(new String(writer.takeLines(), StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to memory", e);
        }
    }

    /**
     * @return the whole lines written since the last call, in UTF-8, and forgets them
     * @throws IOException if the generator fails
     */
    public byte[] takeLines() throws IOException {
        generator.flush();
        return lines.take();
    }

    /**
     * Writes lines another writer wrote ({@link #takeLines()}), as they are.
     *
     * @param whole whole lines in UTF-8: empty, or ending with a line feed
     * @throws IOException if the output fails
     */
    public void writeLines(byte[] whole) throws IOException {
        if (whole.length > 0 && whole[whole.length - 1] != '\n') {
            throw new IllegalArgumentException("not whole lines: the last one does not end");
        }
        generator.flush();
        lines.write(whole, 0, whole.length);
        lines.lineEnded();
    }

    /**
     * Writes a decision as one line.
     *
     * @param decision the decision
     * @throws IOException if the output fails
     */
    public void writeDecision(RoutingDecision decision) throws IOException {
        writeDecision(decision, false);
    }

    /**
     * Writes a decision with every rule that fired, as one line.
     *
     * @param decision the decision, as {@link org.ceerules.api.Router#explain} gives it
     * @throws IOException if the output fails
     */
    public void writeExplanation(RoutingDecision decision) throws IOException {
        writeDecision(decision, true);
    }

    /**
     * Writes an error object, {@code {"errors":[{"field","message"}]}}, as one line: every
     * violation in order, but for problems of one kind beyond the first {@value #MAX_PROBLEMS_OF_A_KIND}.
     * A kind is a field of the elements of an array, its indexes left out ({@code
     * entrySummary.lines[*].hts}); after the last problem of a kind named, one more violation, of
     * the array ({@code entrySummary.lines}), counts the rest: "and 979 more problems like the
     * above (entrySummary.lines[*].hts)". A field without an index is its own kind and is never
     * capped, so the size of an error object is bounded by the request's fields, not by its
     * arrays' lengths.
     *
     * @param violations the problems, in order
     * @throws IOException if the output fails
     */
    public void writeErrors(List<Violation> violations) throws IOException {
        Map<String, Integer> kinds = new HashMap<>();
        for (Violation violation : violations) {
            String kind = kind(violation.field());
            if (kind != null) {
                kinds.merge(kind, 1, Integer::sum);
            }
        }
        Map<String, Integer> named = new HashMap<>();
        generator.writeStartObject();
        generator.writeArrayFieldStart("errors");
        for (Violation violation : violations) {
            String kind = kind(violation.field());
            int count = kind == null ? 1 : named.merge(kind, 1, Integer::sum);
            if (count > MAX_PROBLEMS_OF_A_KIND) {
                continue;
            }
            writeViolation(violation.field(), violation.message());
            int total = kind == null ? 1 : kinds.get(kind);
            if (count == MAX_PROBLEMS_OF_A_KIND && total > count) {
                writeViolation(violation.field().substring(0, violation.field().indexOf('[')),
                        "and " + (total - count) + " more problems like the above (" + kind + ")");
            }
        }
        generator.writeEndArray();
        endLine();
    }

    private void writeViolation(String field, String message) throws IOException {
        generator.writeStartObject();
        generator.writeStringField("field", field);
        generator.writeStringField("message", message);
        generator.writeEndObject();
    }

    /**
     * The kind of a field path: the path with each index written {@code [*]}, or {@code null} for
     * a path without an index (or one whose first bracket is not at an index, such as a quoted
     * name: its own kind, never capped).
     */
    private static String kind(String field) {
        int bracket = field.indexOf('[');
        if (bracket <= 0 || bracket + 1 >= field.length() || !isDigit(field.charAt(bracket + 1))) {
            return null;
        }
        StringBuilder kind = new StringBuilder(field.length());
        int i = 0;
        while (i < field.length()) {
            char c = field.charAt(i);
            if (c == '"') {
                // a quoted name (["a.b[1]"]): copied as it is, to its closing quote
                int end = i + 1;
                while (end < field.length() && field.charAt(end) != '"') {
                    end += field.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, field.length());
                kind.append(field, i, end);
                i = end;
            } else if (c == '[' && i + 1 < field.length() && isDigit(field.charAt(i + 1))) {
                int end = i + 1;
                while (end < field.length() && isDigit(field.charAt(end))) {
                    end++;
                }
                if (end < field.length() && field.charAt(end) == ']') {
                    kind.append("[*]");
                    i = end + 1;
                } else {
                    kind.append(c);
                    i++;
                }
            } else {
                kind.append(c);
                i++;
            }
        }
        return kind.toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Writes a Center and its reference data as one line: {@code teamCode}, {@code name} (the
     * constant), {@code industry}, {@code headquarters}, {@code emailAddresses}, {@code source},
     * {@code opened} (the first day it processed entry summaries, by the rule set: {@code date},
     * {@code citations} and {@code certainty}, or null where the rule set does not date it) and
     * the {@code rulesVersion} of the router it was listed with.
     *
     * @param center       the Center
     * @param opening      when it opened, by the router's rule set ({@code Router.opening})
     * @param rulesVersion the rules version to report with it
     * @throws IOException if the output fails
     */
    public void writeCenter(Center center, Optional<CenterOpening> opening, String rulesVersion) throws IOException {
        generator.writeStartObject();
        generator.writeStringField("teamCode", center.teamCode());
        generator.writeStringField("name", center.name());
        generator.writeStringField("industry", center.industry());
        generator.writeStringField("headquarters", center.headquarters());
        generator.writeArrayFieldStart("emailAddresses");
        for (String address : center.emailAddresses()) {
            generator.writeString(address);
        }
        generator.writeEndArray();
        generator.writeStringField("source", center.source());
        generator.writeFieldName("opened");
        if (opening.isPresent()) {
            generator.writeStartObject();
            generator.writeStringField("date", opening.get().date().toString());
            writeCitations(generator, opening.get().citations(), opening.get().certainty());
            generator.writeEndObject();
        } else {
            generator.writeNull();
        }
        generator.writeStringField("rulesVersion", rulesVersion);
        endLine();
    }

    private void writeDecision(RoutingDecision decision, boolean explain) throws IOException {
        generator.writeStartObject();
        generator.writeStringField("entryNumber", decision.entryNumber());
        generator.writeStringField("asOf", decision.asOf().toString());
        generator.writeFieldName("center");
        if (decision.center().isPresent()) {
            generator.writeString(decision.center().get().teamCode());
        } else {
            generator.writeNull();
        }
        generator.writeObjectFieldStart("jurisdiction");
        writeText("rule", decision.jurisdiction().rule());
        writeText("authority", decision.jurisdiction().authority());
        writeCitations(generator, decision.jurisdiction().citations(), decision.jurisdiction().certainty());
        generator.writeEndObject();
        generator.writeArrayFieldStart("routes");
        Certainty format = Submission.formatCertainty(decision.asOf());
        for (Route route : decision.routes()) {
            if (explain) {
                writeRoute(generator, route, decision.firedRules(), true, format);
            } else if (route.submission().isEmpty()) {
                generator.writeRawValue(encoded(route));
            } else {
                writeWithSubmission(route, route.submission().get(), format);
            }
        }
        generator.writeEndArray();
        writeText("rulesVersion", decision.rulesVersion());
        if (explain) {
            generator.writeArrayFieldStart("firedRules");
            for (FiredRule fired : decision.firedRules()) {
                generator.writeStartObject();
                writeText("rule", fired.rule());
                writeText("authority", fired.authority());
                generator.writeArrayFieldStart("functions");
                for (var function : fired.functions()) {
                    generator.writeString(function.name());
                }
                generator.writeEndArray();
                generator.writeEndObject();
            }
            generator.writeEndArray();
            generator.writeArrayFieldStart("sources");
            for (Source source : decision.sources()) {
                writeSourceObject(generator, source);
            }
            generator.writeEndArray();
        }
        endLine();
    }

    /**
     * Writes one source of a bibliography as a JSON line: {@code {"id","title","issuer","date",
     * "citation","url","kind"}}.
     *
     * @param source the source
     * @throws IOException if the output fails
     */
    public void writeSource(Source source) throws IOException {
        generator.writeStartObject();
        writeSourceFields(generator, source);
        endLine();
    }

    /**
     * Writes one rule of a knowledge base ({@link org.ceerules.api.Router#rules()}) as a JSON
     * line: {@code {"rule","authority","file","line","citations","certainty","rulesVersion"}},
     * {@code rule} its name as decisions cite it, {@code file} and {@code line} where it is
     * written, {@code citations} and {@code certainty} as in a route.
     *
     * @param rule         the rule
     * @param rulesVersion the version of the rule set it belongs to
     * @throws IOException if the output fails
     */
    public void writeRule(KnowledgeBaseRule rule, String rulesVersion) throws IOException {
        generator.writeStartObject();
        writeText("rule", rule.name());
        writeText("authority", rule.authority());
        generator.writeStringField("file", rule.file());
        generator.writeNumberField("line", rule.line());
        writeCitations(generator, rule.citations(), rule.certainty());
        writeText("rulesVersion", rulesVersion);
        endLine();
    }

    private static void writeSourceObject(JsonGenerator generator, Source source) throws IOException {
        generator.writeStartObject();
        writeSourceFields(generator, source);
        generator.writeEndObject();
    }

    private static void writeSourceFields(JsonGenerator generator, Source source) throws IOException {
        generator.writeStringField("id", source.id());
        generator.writeStringField("title", source.title());
        generator.writeStringField("issuer", source.issuer());
        generator.writeStringField("date", source.date());
        generator.writeStringField("citation", source.citation());
        generator.writeStringField("url", source.url());
        generator.writeStringField("kind", source.kind().label());
    }

    /** {@code "citations":[{"source","pinpoint"}],"certainty":"..."}: pinpoint absent where none. */
    private static void writeCitations(JsonGenerator generator, List<Citation> citations, Certainty certainty)
            throws IOException {
        generator.writeArrayFieldStart("citations");
        for (Citation citation : citations) {
            generator.writeStartObject();
            generator.writeStringField("source", citation.source());
            if (citation.pinpoint().isPresent()) {
                generator.writeStringField("pinpoint", citation.pinpoint().get());
            }
            generator.writeEndObject();
        }
        generator.writeEndArray();
        generator.writeStringField("certainty", certainty.label());
    }

    /**
     * A route as JSON, encoded once and kept (the same route recurs in decision after decision:
     * a rule, its office, its authority), for as many routes as {@link #MAX_ROUTES}.
     */
    private static SerializableString encoded(Route route) throws IOException {
        SerializableString encoded = ROUTES.get(route);
        if (encoded == null) {
            StringWriter json = new StringWriter();
            try (JsonGenerator one = Json.FACTORY.createGenerator(json)) {
                writeRoute(one, route, List.of(), false, Certainty.CONFIRMED);
            }
            encoded = new SerializedString(json.toString());
            if (ROUTES.size() < MAX_ROUTES) {
                ROUTES.putIfAbsent(route, encoded);
            }
        }
        return encoded;
    }

    /**
     * A route with its submission: the route's encoding without its closing brace (the same for
     * every entry), then the submission, whose subject is the entry's own. The subject holds only
     * letters, digits, commas and a dash, and the addresses are encoded once per Center, so both
     * are written raw.
     */
    private void writeWithSubmission(Route route, Submission submission, Certainty format) throws IOException {
        Route bare = new Route(route.function(), route.office(), route.alternatives(), route.rule(), route.authority(),
                route.citations(), route.certainty(), Optional.empty());
        generator.writeRawValue(opened(bare));
        generator.writeRaw(SUBMISSION_TO[submission.center().ordinal()]);
        generator.writeRaw(SUBJECT_OPENED[submission.abbreviation().ordinal()]);
        generator.writeRaw(submission.accountName());
        generator.writeRaw(',');
        generator.writeRaw(submission.entryNumber());
        generator.writeRaw(',');
        generator.writeRaw(submission.port());
        generator.writeRaw(SUBMISSION_CLOSED[format.ordinal()]);
    }

    /** A route's encoding without its closing brace, kept like {@link #encoded(Route)}, as UTF-8 ready to copy. */
    private static SerializableString opened(Route bare) throws IOException {
        SerializableString open = OPENED_ROUTES.get(bare);
        if (open == null) {
            String whole = encoded(bare).getValue();
            open = new SerializedString(whole.substring(0, whole.length() - 1));
            if (OPENED_ROUTES.size() < MAX_ROUTES) {
                OPENED_ROUTES.putIfAbsent(bare, open);
            }
        }
        return open;
    }

    /** {@code {"to":[...],"subject":"..."}}, written through the generator (explanations). */
    private static void writeSubmission(JsonGenerator generator, Submission submission, Certainty format)
            throws IOException {
        generator.writeObjectFieldStart("submission");
        generator.writeFieldName("to");
        generator.writeRawValue(ADDRESSES.get(submission.center()));
        generator.writeStringField("subject", submission.subject());
        generator.writeStringField("certainty", format.label());
        generator.writeEndObject();
    }

    private static Map<Center, String> addresses() {
        Map<Center, String> addresses = new EnumMap<>(Center.class);
        for (Center center : Center.values()) {
            StringWriter json = new StringWriter();
            try (JsonGenerator one = Json.FACTORY.createGenerator(json)) {
                one.writeStartArray();
                for (String address : center.emailAddresses()) {
                    one.writeString(address);
                }
                one.writeEndArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            addresses.put(center, json.toString());
        }
        return addresses;
    }

    private static void writeRoute(JsonGenerator generator, Route route, List<FiredRule> firedRules, boolean explain,
                                   Certainty format) throws IOException {
        generator.writeStartObject();
        generator.writeStringField("function", route.function().name());
        generator.writeFieldName("office");
        writeOffice(generator, route.office());
        generator.writeArrayFieldStart("alternatives");
        for (Office alternative : route.alternatives()) {
            writeOffice(generator, alternative);
        }
        generator.writeEndArray();
        generator.writeFieldName("rule");
        generator.writeString(text(route.rule()));
        generator.writeFieldName("authority");
        generator.writeString(text(route.authority()));
        writeCitations(generator, route.citations(), route.certainty());
        if (route.submission().isPresent()) {
            writeSubmission(generator, route.submission().get(), format);
        }
        if (explain) {
            generator.writeArrayFieldStart("firedRules");
            for (FiredRule fired : firedRules) {
                if (fired.functions().contains(route.function())) {
                    generator.writeString(text(fired.rule()));
                }
            }
            generator.writeEndArray();
        }
        generator.writeEndObject();
    }

    /** {@code {"type","code"}}; {@link Office#code()} is the contract's code, absent where it has none. */
    private static void writeOffice(JsonGenerator generator, Office office) throws IOException {
        generator.writeStartObject();
        generator.writeStringField("type", office.type().name());
        if (office.code().isPresent()) {
            generator.writeStringField("code", office.code().get());
        }
        generator.writeEndObject();
    }

    /** A field whose text repeats from decision to decision: encoded once, then copied. */
    private void writeText(String field, String text) throws IOException {
        generator.writeFieldName(field);
        generator.writeString(text(text));
    }

    private static SerializableString text(String text) {
        SerializableString encoded = TEXTS.get(text);
        if (encoded == null) {
            encoded = new SerializedString(text);
            if (TEXTS.size() < MAX_TEXTS) {
                TEXTS.putIfAbsent(text, encoded);
            }
        }
        return encoded;
    }

    private void endLine() throws IOException {
        generator.writeEndObject();
        generator.writeRaw('\n');
        generator.flush();
        lines.lineEnded();
    }

    /**
     * Hands every whole line written to the stream, and flushes it.
     *
     * @throws IOException if the output fails
     */
    @Override
    public void flush() throws IOException {
        generator.flush();
        lines.handOver();
    }

    /**
     * Flushes and releases the generator; the stream stays open. A line begun and not ended (a
     * failure while writing it) is dropped.
     *
     * @throws IOException if the output fails
     */
    @Override
    public void close() throws IOException {
        generator.close();
        lines.handOver();
    }

    /**
     * The generator's output: whole lines, and the start of the line being written. Hands the
     * whole lines to the stream, if any, in writes of about {@value #CHUNK} bytes.
     */
    private static final class Lines extends OutputStream {
        private final OutputStream out;
        private byte[] bytes = new byte[CHUNK + CHUNK / 4];
        private int count;
        private int whole;

        Lines(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) {
            ensure(1);
            bytes[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, bytes, count, len);
            count += len;
        }

        private void ensure(int more) {
            if (count + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, count + more));
            }
        }

        /** The generator was flushed at the end of a line. */
        void lineEnded() throws IOException {
            whole = count;
            if (out != null && whole >= CHUNK) {
                handOver();
            }
        }

        /** Writes the whole lines to the stream, keeps the rest, and flushes the stream. */
        void handOver() throws IOException {
            if (out == null) {
                return;
            }
            if (whole > 0) {
                out.write(bytes, 0, whole);
                keepRest();
            }
            out.flush();
        }

        byte[] take() {
            byte[] taken = Arrays.copyOf(bytes, whole);
            keepRest();
            return taken;
        }

        private void keepRest() {
            System.arraycopy(bytes, whole, bytes, 0, count - whole);
            count -= whole;
            whole = 0;
        }

        @Override
        public void flush() {
            // the writer decides when lines reach the stream: at line ends, never within a line
        }
    }
}
