package org.ceerules.cli;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ceerules.api.Router;
import org.ceerules.api.RoutingRequest;
import org.ceerules.api.RoutingResult;
import org.ceerules.json.JsonRequestReader;
import org.ceerules.json.JsonResultWriter;
import org.ceerules.json.RequestStream;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code route} and {@code explain}: reads requests as they come, routes them on every core
 * ({@link RoutingPipeline}) and writes one JSON line per request, in input order: the decision, or
 * the error object in its place.
 */
abstract class RoutingCommand implements Callable<Integer> {

    /** Help footer of {@code route} and {@code explain}: the input forms and the output. */
    static final String FOOTER_INPUT = "%nInput: one JSON request (pretty-printed or not), or JSON Lines, one request "
            + "per line, blank lines (spaces, tabs and carriage returns only) skipped. Output: one JSON line per request, in order; a "
            + "rejected request's error object in its place.";
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

    private static final String STDIN = Console.STDIN;

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
        Optional<InputStream> opened = console.open(file);
        if (opened.isEmpty()) {
            return ExitStatus.FAILED;
        }
        InputStream input = opened.get();
        RequestStream requests = new RequestStream(input, Optional.ofNullable(asOf));
        RoutingPipeline.Result result;
        try (input; JsonResultWriter writer = JsonResultWriter.to(new StandardOutput(console.out()))) {
            Router chosen = router.get();
            result = new RoutingPipeline(request -> apply(chosen, request), explains(), console).run(requests, writer);
        } catch (IOException e) {
            // closing: the input, or the output's last lines
            result = console.out().checkError() ? new RoutingPipeline.Result.OutputFailed(e)
                    : new RoutingPipeline.Result.InputFailed(e);
        }
        if (result instanceof RoutingPipeline.Result.Done done) {
            if (requests.internalErrors() > 0) {
                // each such request has its error object in place; the fault is the reader's, not the input's
                console.diagnostic("internal error of the JSON reader on " + requests.internalErrors()
                        + " request(s), each reported in place");
                return ExitStatus.FAILED;
            }
            return done.status();
        }
        if (result instanceof RoutingPipeline.Result.InputFailed failed) {
            console.cannotRead(file, failed.cause());
        } else if (result instanceof RoutingPipeline.Result.KnowledgeBaseFailed failed) {
            console.reportKnowledgeBase(failed.cause());
        } else if (result instanceof RoutingPipeline.Result.Aborted aborted) {
            console.aborted(aborted.cause());
        }
        // an output that failed is reported once, by Main, for every command
        return ExitStatus.FAILED;
    }
}
