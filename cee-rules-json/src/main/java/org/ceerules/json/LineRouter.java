package org.ceerules.json;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.ceerules.api.KnowledgeBaseException;
import org.ceerules.api.RoutingDecision;
import org.ceerules.api.RoutingRequest;
import org.ceerules.api.RoutingResult;
import org.ceerules.json.JsonResultWriter;
import org.ceerules.json.ReadResult;
import org.ceerules.api.Violation;

/**
 * Routes one request as {@code route} and {@code explain} do and writes its output line: the
 * decision, or the error object in its place. The one place where a read request becomes its line,
 * for the CLI's batches ({@code org.ceerules.cli}) and for the streaming router
 * ({@code org.ceerules.kafka}), so that both give the same bytes for the same request.
 *
 * <p>A request the reader found invalid, and a request the router rejects, get their error object.
 * A router that throws for a valid request (a fault of the knowledge base, not of the request),
 * a {@link RuntimeException} or a recoverable {@link Error} such as the {@link StackOverflowError}
 * of a DRL function that recurses without end, gets an error object naming {@code $} as an
 * internal error, and the line says so in {@link Line#internalError()}. A {@link
 * KnowledgeBaseException} and an error that leaves the JVM unusable ({@link #isFatal}) are thrown
 * on, since no request can be routed after them.
 *
 * <p>Mutable and not thread-safe (it holds its JSON writer): one per thread.
 */
public final class LineRouter {

    /**
     * One request's output line.
     *
     * @param bytes         the line in UTF-8, ending with a line feed: exactly what {@code cee-rules route}
     *                      (or {@code explain}) writes for the request
     * @param decision      the decision, when the request was routed
     * @param violations    the violations of its error object, when it was not; empty when routed
     * @param internalError a diagnostic for stderr or a log when the router failed on the request
     */
    public record Line(byte[] bytes, Optional<RoutingDecision> decision, List<Violation> violations,
                       Optional<String> internalError) {
        /**
         * Validates that every part is present.
         *
         * @param bytes         the line in UTF-8, ending with a line feed
         * @param decision      the decision, when the request was routed
         * @param violations    the violations of its error object; empty when routed
         * @param internalError a diagnostic when the router failed on the request
         * @throws NullPointerException if a part is null
         */
        public Line {
            Objects.requireNonNull(bytes, "bytes");
            Objects.requireNonNull(decision, "decision");
            violations = List.copyOf(violations);
            Objects.requireNonNull(internalError, "internalError");
        }

        /** @return whether the line is an error object rather than a decision */
        public boolean rejected() {
            return decision.isEmpty();
        }
    }

    private final Function<RoutingRequest, RoutingResult> router;
    private final boolean explains;
    private final JsonResultWriter writer;

    /**
     * @param router   routes one request ({@link org.ceerules.api.Router#route} or {@code explain})
     * @param explains whether decisions are written with the rules that fired
     * @throws IOException if the JSON generator cannot be created
     */
    public LineRouter(Function<RoutingRequest, RoutingResult> router, boolean explains) throws IOException {
        this.router = Objects.requireNonNull(router, "router");
        this.explains = explains;
        this.writer = JsonResultWriter.inMemory();
    }

    /**
     * Routes a request, when it was read, and writes its line.
     *
     * @param read the request, or why it could not be read
     * @return its line
     * @throws IOException            if the JSON generator fails
     * @throws KnowledgeBaseException if the knowledge base failed while routing
     * @throws VirtualMachineError    if the JVM became unusable while routing ({@link #isFatal})
     */
    public Line route(ReadResult read) throws IOException {
        if (read instanceof ReadResult.Invalid invalid) {
            return rejected(invalid.violations(), Optional.empty());
        }
        RoutingRequest request = ((ReadResult.Request) read).request();
        RoutingResult result;
        try {
            result = router.apply(request);
        } catch (KnowledgeBaseException e) {
            throw e;
        } catch (RuntimeException | Error e) {
            if (isFatal(e)) {
                throw (Error) e; // the JVM is not fit to route the next request: the run ends
            }
            // a router must not throw for a valid request: keep the line in place, say what happened
            // (a fault of the knowledge base, not of the input; a rule set's function that recursed
            // without end overflows the stack of this request only)
            String message = "internal error of the router: " + describe(e);
            return rejected(List.of(new Violation("$", message)),
                    Optional.of(message + " (entry " + request.entrySummary().entryNumber() + ")"));
        }
        if (result instanceof RoutingResult.Rejected rejection) {
            return rejected(rejection.violations(), Optional.empty());
        }
        RoutingDecision decision = ((RoutingResult.Routed) result).decision();
        if (explains) {
            writer.writeExplanation(decision);
        } else {
            writer.writeDecision(decision);
        }
        return new Line(writer.takeLines(), Optional.of(decision), List.of(), Optional.empty());
    }

    /**
     * Whether a throwable leaves the JVM unfit to go on: a {@link VirtualMachineError} (out of
     * memory, an internal error of the JVM), but for {@link StackOverflowError}, which unwinds the
     * stack of the request that overflowed it and leaves the rest as it was.
     *
     * @param e what was thrown
     * @return whether no request should be routed after it
     */
    public static boolean isFatal(Throwable e) {
        return e instanceof VirtualMachineError && !(e instanceof StackOverflowError);
    }

    private Line rejected(List<Violation> violations, Optional<String> internalError) throws IOException {
        writer.writeErrors(violations);
        return new Line(writer.takeLines(), Optional.empty(), violations, internalError);
    }

    /**
     * A failure in one line of text, for a diagnostic: the class and message of the throwable and
     * of up to four of its causes, line breaks flattened, never a stack trace.
     *
     * @param e the failure
     * @return the description
     */
    public static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        Throwable current = e;
        for (int depth = 0; current != null && depth < 5; depth++) {
            if (depth > 0) {
                text.append("; caused by ");
            }
            String message = current.getMessage();
            text.append(current.getClass().getSimpleName());
            if (message != null) {
                text.append(": ").append(message.replace('\n', ' '));
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return text.toString();
    }
}
