package org.ceerules.examples.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import org.ceerules.api.Center;
import org.ceerules.api.FiredRule;
import org.ceerules.api.Office;
import org.ceerules.api.Route;
import org.ceerules.api.RoutingDecision;
import org.ceerules.api.Violation;

/**
 * Writes JSON Lines of the cee-rules contract (DESIGN section 4), one object per line, through
 * Jackson's streaming generator: decisions, explanations, error objects and Centers.
 *
 * <p>A decision:
 * <pre>{@code
 * {"entryNumber":"345-6789012-3","asOf":"2016-05-02","center":"007",
 *  "jurisdiction":{"rule":"...","authority":"..."},
 *  "routes":[{"function":"CARGO_RELEASE","office":{"type":"PORT","code":"2704"},"alternatives":[],
 *             "rule":"...","authority":"..."}, ...],
 *  "rulesVersion":"..."}
 * }</pre>
 * {@code center} is the team code, or {@code null} where no Center has jurisdiction. An office is
 * {@code {"type","code"}}: a Center's team code, a port code, a Drawback Center's city; no code
 * for Regulations and Rulings, nor for "any Drawback Center" (the choices are then its
 * {@code alternatives}). {@code jurisdiction} and {@code rulesVersion} are added to the contract's
 * fields. An explanation is a decision plus {@code "firedRules":[{"rule","authority","functions"}]},
 * every rule that fired in firing order, and, in each route, {@code "firedRules"}: the names of
 * the fired rules that contributed to that route's function, in firing order. An error object is
 * {@code {"errors":[{"field","message"}]}}.
 *
 * <p>Output is buffered by the generator and reaches the stream when the buffer fills, on
 * {@link #flush()} and on {@link #close()}; closing does not close the stream.
 *
 * <p>Mutable and not thread-safe: one writer per output, on one thread.
 */
public final class JsonResultWriter implements Closeable, Flushable {

    private final JsonGenerator generator;

    private JsonResultWriter(JsonGenerator generator) {
        this.generator = generator;
    }

    /**
     * @param out where the JSON Lines go, in UTF-8; not closed by this writer
     * @return a writer to {@code out}
     * @throws IOException if the generator cannot be created
     */
    public static JsonResultWriter to(OutputStream out) throws IOException {
        Objects.requireNonNull(out, "out");
        return new JsonResultWriter(Json.FACTORY.createGenerator(out, JsonEncoding.UTF8));
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
     * Writes an error object, {@code {"errors":[{"field","message"}]}}, as one line.
     *
     * @param violations the problems, in order
     * @throws IOException if the output fails
     */
    public void writeErrors(List<Violation> violations) throws IOException {
        generator.writeStartObject();
        generator.writeArrayFieldStart("errors");
        for (Violation violation : violations) {
            generator.writeStartObject();
            generator.writeStringField("field", violation.field());
            generator.writeStringField("message", violation.message());
            generator.writeEndObject();
        }
        generator.writeEndArray();
        endLine();
    }

    /**
     * Writes a Center and its reference data as one line: {@code teamCode}, {@code name} (the
     * constant), {@code industry}, {@code headquarters}, {@code emailAddresses}, {@code source}
     * and the {@code rulesVersion} of the router it was listed with.
     *
     * @param center       the Center
     * @param rulesVersion the rules version to report with it
     * @throws IOException if the output fails
     */
    public void writeCenter(Center center, String rulesVersion) throws IOException {
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
        generator.writeStringField("rule", decision.jurisdiction().rule());
        generator.writeStringField("authority", decision.jurisdiction().authority());
        generator.writeEndObject();
        generator.writeArrayFieldStart("routes");
        for (Route route : decision.routes()) {
            writeRoute(route, explain ? decision.firedRules() : List.of(), explain);
        }
        generator.writeEndArray();
        generator.writeStringField("rulesVersion", decision.rulesVersion());
        if (explain) {
            generator.writeArrayFieldStart("firedRules");
            for (FiredRule fired : decision.firedRules()) {
                generator.writeStartObject();
                generator.writeStringField("rule", fired.rule());
                generator.writeStringField("authority", fired.authority());
                generator.writeArrayFieldStart("functions");
                for (var function : fired.functions()) {
                    generator.writeString(function.name());
                }
                generator.writeEndArray();
                generator.writeEndObject();
            }
            generator.writeEndArray();
        }
        endLine();
    }

    private void writeRoute(Route route, List<FiredRule> firedRules, boolean explain) throws IOException {
        generator.writeStartObject();
        generator.writeStringField("function", route.function().name());
        generator.writeFieldName("office");
        writeOffice(route.office());
        generator.writeArrayFieldStart("alternatives");
        for (Office alternative : route.alternatives()) {
            writeOffice(alternative);
        }
        generator.writeEndArray();
        generator.writeStringField("rule", route.rule());
        generator.writeStringField("authority", route.authority());
        if (explain) {
            generator.writeArrayFieldStart("firedRules");
            for (FiredRule fired : firedRules) {
                if (fired.functions().contains(route.function())) {
                    generator.writeString(fired.rule());
                }
            }
            generator.writeEndArray();
        }
        generator.writeEndObject();
    }

    /** {@code {"type","code"}}; {@link Office#code()} is the contract's code, absent where it has none. */
    private void writeOffice(Office office) throws IOException {
        generator.writeStartObject();
        generator.writeStringField("type", office.type().name());
        if (office.code().isPresent()) {
            generator.writeStringField("code", office.code().get());
        }
        generator.writeEndObject();
    }

    private void endLine() throws IOException {
        generator.writeEndObject();
        generator.writeRaw('\n');
    }

    /**
     * Writes what is buffered to the stream and flushes it.
     *
     * @throws IOException if the output fails
     */
    @Override
    public void flush() throws IOException {
        generator.flush();
    }

    /**
     * Flushes and releases the generator; the stream stays open.
     *
     * @throws IOException if the output fails
     */
    @Override
    public void close() throws IOException {
        generator.close();
    }
}
