package org.ceerules.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ceerules.api.KnowledgeBaseException;
import org.ceerules.api.Router;
import org.ceerules.api.RoutingRequest;
import org.ceerules.api.RoutingResult;
import org.ceerules.api.Violation;
import org.ceerules.examples.json.JsonRequestReader;
import org.ceerules.examples.json.JsonResultWriter;
import org.ceerules.examples.json.ReadResult;
import org.ceerules.examples.json.RequestStream;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code route} and {@code explain}: reads requests as they come, routes each one and writes one
 * JSON line per request, in order: the decision, or the error object in its place.
 */
abstract class RoutingCommand implements Callable<Integer> {

    /** Help footer of {@code route} and {@code explain}: the input forms and the output. */
    static final String FOOTER_INPUT = "%nInput: one JSON request (pretty-printed or not), or JSON Lines, one request "
            + "per line, blank lines skipped. Output: one JSON line per request, in order; a rejected request's "
            + "error object in its place.";
    /** Help footer of {@code route} and {@code explain}: the limits against hostile input. */
    static final String FOOTER_LIMITS = "Limits: a line is at most " + RequestStream.MAX_LINE_BYTES
            + " bytes (1 MiB) of UTF-8, a whole pretty-printed request at most " + JsonRequestReader.MAX_REQUEST_CHARS
            + " characters; objects and arrays nest at most " + JsonRequestReader.MAX_DEPTH + " levels; an entry "
            + "has at most " + JsonRequestReader.MAX_LINES + " lines. Beyond them, or for a line that is not UTF-8, "
            + "the request is an error object in place and the requests after it are routed.";
    /** Help footer of {@code route} and {@code explain}: the exit status. */
    static final String FOOTER_EXIT = "Exit status: 0 every request routed, 1 at least one rejected, 2 usage error, "
            + "unreadable input, unwritable output, an internal error of the router or a knowledge base that fails "
            + "to load.";

    private static final String STDIN = "-";

    @Option(names = "--as-of", paramLabel = "yyyy-MM-dd", converter = AsOfConverter.class,
            description = "Route every request on this date instead of its own asOf.")
    private LocalDate asOf;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|-", defaultValue = STDIN,
            description = "One JSON request (pretty-printed or not) or JSON Lines, one request per line; "
                    + "'-' or nothing for standard input.")
    private String file;

    @Mixin
    private RulesOption rules = new RulesOption();

    private final Console console;

    RoutingCommand(Console console) {
        this.console = console;
    }

    /** Requests the router failed on (it threw): they make the run fail with exit status 2. */
    private int internalErrors;

    /** @return the result of one request: {@link Router#route} or {@link Router#explain} */
    abstract RoutingResult apply(Router router, RoutingRequest request);

    /** @return whether the decisions are written with the rules that fired */
    abstract boolean explains();

    @Override
    public Integer call() {
        Optional<Router> router = console.router(rules.directory());
        if (router.isEmpty()) {
            return ExitStatus.FAILED;
        }
        InputStream input;
        try {
            input = open();
        } catch (NoSuchFileException e) {
            console.diagnostic("cannot read " + file + ": no such file");
            return ExitStatus.FAILED;
        } catch (IOException | InvalidPathException e) {
            console.diagnostic("cannot read " + file + ": " + Console.describe(e));
            return ExitStatus.FAILED;
        }
        try (input; JsonResultWriter writer = JsonResultWriter.to(console.out())) {
            return routeAll(router.get(), new RequestStream(input, Optional.ofNullable(asOf)), writer);
        } catch (IOException e) {
            console.diagnostic("cannot read " + (STDIN.equals(file) ? "standard input" : file) + ": "
                    + Console.describe(e));
            return ExitStatus.FAILED;
        } catch (KnowledgeBaseException e) {
            console.reportKnowledgeBase(e);
            return ExitStatus.FAILED;
        }
    }

    private int routeAll(Router router, RequestStream requests, JsonResultWriter writer) throws IOException {
        boolean rejected = false;
        Optional<ReadResult> next;
        while ((next = requests.next()).isPresent()) {
            List<Violation> errors;
            if (next.get() instanceof ReadResult.Request request) {
                errors = write(router, request.request(), writer);
            } else {
                errors = ((ReadResult.Invalid) next.get()).violations();
            }
            if (!errors.isEmpty()) {
                writer.writeErrors(errors);
                rejected = true;
            }
        }
        writer.flush();
        if (requests.internalErrors() > 0) {
            // each such request has its error object in place; the fault is the reader's, not the input's
            console.diagnostic("internal error of the JSON reader on " + requests.internalErrors()
                    + " request(s), each reported in place");
        }
        if (internalErrors > 0 || requests.internalErrors() > 0) {
            return ExitStatus.FAILED;
        }
        return rejected ? ExitStatus.REJECTED : ExitStatus.ROUTED;
    }

    /** Routes one request and writes its decision; returns the errors to write in its place instead, if any. */
    private List<Violation> write(Router router, RoutingRequest request, JsonResultWriter writer)
            throws IOException {
        RoutingResult result;
        try {
            result = apply(router, request);
        } catch (KnowledgeBaseException e) {
            throw e;
        } catch (RuntimeException e) {
            // a router must not throw for a valid request: keep the line in place, say what happened
            // (exit status 2: a fault of the knowledge base, not of the input)
            internalErrors++;
            String message = "internal error of the router: " + Console.describe(e);
            console.diagnostic(message + " (entry " + request.entrySummary().entryNumber() + ")");
            return List.of(new Violation("$", message));
        }
        if (result instanceof RoutingResult.Rejected rejected) {
            return rejected.violations();
        }
        RoutingResult.Routed routed = (RoutingResult.Routed) result;
        if (explains()) {
            writer.writeExplanation(routed.decision());
        } else {
            writer.writeDecision(routed.decision());
        }
        return List.of();
    }

    /** The input as bytes: {@link RequestStream} decodes each line itself, so that a line that is not UTF-8 is reported in place. */
    private InputStream open() throws IOException {
        return STDIN.equals(file) ? new NonClosingInputStream(console.in()) : Files.newInputStream(Path.of(file));
    }

    /** Standard input belongs to the caller: closing the reader must not close it. */
    private static final class NonClosingInputStream extends java.io.FilterInputStream {
        NonClosingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // left open on purpose
        }
    }
}
