package org.ceerules.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.ceerules.api.Center;
import org.ceerules.api.KnowledgeBaseException;
import org.ceerules.api.KnowledgeBaseRule;
import org.ceerules.api.Router;
import org.ceerules.api.Source;
import org.ceerules.api.SubjectAbbreviation;
import org.ceerules.api.Violation;
import org.ceerules.json.Answers;
import org.ceerules.json.JsonResultWriter;
import org.ceerules.json.JsonTree;
import org.ceerules.json.LineRouter;
import org.ceerules.json.ReadResult;
import org.ceerules.json.RequestStream;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every endpoint of the decision service (see {@link Endpoint}), on Jetty's threads, blocking.
 * The answers are the command line's bytes: decisions and error objects through {@link LineRouter}
 * and {@link JsonResultWriter}, the other answers through {@link Answers}.
 *
 * <p>Never logs a request's body, nor anything read from it but the entry number named in a
 * router's internal error; never writes a stack trace.
 *
 * <p>Thread-safe: one for the server.
 */
final class ApiHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

    static final String JSON = "application/json";
    static final String NDJSON = "application/x-ndjson";
    static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";

    /** Only what the server itself serves: no inline script or style, no other origin, no framing elsewhere. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'self'";

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** The first date {@code asOf} may be, and the first it may no longer be: those of a request's dates. */
    private static final LocalDate FIRST_DATE = LocalDate.of(1900, 1, 1);
    private static final LocalDate END_DATE = LocalDate.of(2200, 1, 1);

    private final ServerSettings settings;
    private final KnowledgeBase knowledgeBase;
    private final Metrics metrics;
    private final StaticFiles files;
    private final Optional<RuleBook> ruleBook;
    /** The rule book's pages, once made. */
    private final AtomicReference<Map<String, StaticFiles.File>> rulePages = new AtomicReference<>();
    private final byte[] openApi;
    private final BooleanSupplier stopping;
    private final Semaphore permits;
    /** Each thread's line routers of the server's router, for route [0] and explain [1]. */
    private final ThreadLocal<LineRouter[]> lineRouters = new ThreadLocal<>();

    /**
     * @param settings      the limits
     * @param knowledgeBase the router, built or being built
     * @param metrics       where requests are counted
     * @param files         the pages
     * @param ruleBook      the pages about the rule set, if any
     * @param openApi       the OpenAPI document
     * @param stopping      whether the server is stopping (readiness says so)
     */
    ApiHandler(ServerSettings settings, KnowledgeBase knowledgeBase, Metrics metrics, StaticFiles files,
               Optional<RuleBook> ruleBook, byte[] openApi, BooleanSupplier stopping) {
        super(InvocationType.BLOCKING);
        this.settings = settings;
        this.knowledgeBase = knowledgeBase;
        this.metrics = metrics;
        this.files = files;
        this.ruleBook = ruleBook;
        this.openApi = openApi;
        this.stopping = stopping;
        this.permits = new Semaphore(settings.maxConcurrentRequests());
    }

    /** A failure that ends a request with an error object: the status and the problems. */
    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final transient List<Violation> violations;
        /** Seconds for {@code Retry-After}, or 0 for none. */
        private final int retryAfter;

        Refused(int status, String field, String message) {
            this(status, field, message, 0);
        }

        Refused(int status, String field, String message, int retryAfter) {
            super(message, null, false, false);
            this.status = status;
            this.violations = List.of(new Violation(field, message));
            this.retryAfter = retryAfter;
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long started = System.nanoTime();
        // a timeout while nothing is read or written (routing a long batch) is no failure; a read or
        // a write that waits longer than the read timeout is
        request.addIdleTimeoutListener(timeout -> false);
        securityHeaders(response);
        String path = request.getHttpURI().getDecodedPath();
        Optional<Endpoint.Match> match = path == null ? Optional.empty() : Endpoint.match(path);
        String label = match.map(m -> m.endpoint().label()).orElse("unmatched");
        int status = 500;
        try {
            status = dispatch(request, response, match);
            callback.succeeded();
        } catch (IOException e) {
            // the client went away, or did not read its answer in time: nothing more can be written;
            // counted as the status begun, or as 499 (the client closed the request) before any
            status = response.isCommitted() ? response.getStatus() : 499;
            callback.failed(e);
        } catch (RuntimeException | Error e) {
            LOG.warn("internal error of the server on {} {}: {}", request.getMethod(), label, LineRouter.describe(e));
            status = 500;
            if (!response.isCommitted()) {
                try {
                    response.reset();
                    securityHeaders(response);
                    writeErrors(response, 500, List.of(new Violation("$", "internal error of the server")));
                    callback.succeeded();
                } catch (IOException | RuntimeException failed) {
                    callback.failed(e);
                }
            } else {
                callback.failed(e);
            }
            if (LineRouter.isFatal(e)) {
                throw e;
            }
        } finally {
            metrics.answered(label, status, System.nanoTime() - started);
        }
        return true;
    }

    /** @return the status of the answer written */
    private int dispatch(Request request, Response response, Optional<Endpoint.Match> found) throws IOException {
        String method = request.getMethod();
        if (found.isEmpty()) {
            return writeErrors(response, 404, List.of(new Violation("$", "no resource at this address")));
        }
        Endpoint.Match match = found.get();
        Endpoint endpoint = match.endpoint();
        if (method.equals("OPTIONS")) {
            response.setStatus(204);
            response.getHeaders().put(HttpHeader.ALLOW, endpoint.allow());
            Content.Sink.write(response, true, ByteBuffer.allocate(0));
            return 204;
        }
        if (!endpoint.takes(method)) {
            response.getHeaders().put(HttpHeader.ALLOW, endpoint.allow());
            return writeErrors(response, 405, List.of(new Violation("$", "the method " + quote(method)
                    + " is not allowed here: " + endpoint.allow())));
        }
        if (!endpoint.isApi()) {
            return switch (endpoint) {
                case HEALTHZ -> write(response, 200, JSON, line(Map.of("status", "alive")));
                case READYZ -> readiness(response);
                case METRICS -> write(response, 200, PROMETHEUS, metrics.render().getBytes(StandardCharsets.UTF_8));
                case OPENAPI -> write(response, 200, JSON, openApi);
                default -> page(response, endpoint, match.parameter());
            };
        }
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        if (!permits.tryAcquire()) {
            metrics.rejected(Metrics.Rejection.CONCURRENCY);
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
            return writeErrors(response, 503, List.of(new Violation("$", "the server is answering its limit of "
                    + settings.maxConcurrentRequests() + " requests at once: retry later")));
        }
        metrics.begin();
        try {
            return api(request, response, endpoint, match.parameter());
        } catch (Refused refused) {
            if (refused.retryAfter > 0) {
                response.getHeaders().put(HttpHeader.RETRY_AFTER, String.valueOf(refused.retryAfter));
            }
            return writeErrors(response, refused.status, refused.violations);
        } finally {
            metrics.end();
            permits.release();
        }
    }

    private int api(Request request, Response response, Endpoint endpoint, String parameter)
            throws IOException, Refused {
        Fields query = query(request, switch (endpoint) {
            case ROUTE, EXPLAIN, SUBJECT, LOOKUP, TEAM -> Set.of("asOf");
            case ASSIGN -> Set.of("asOf", "center");
            default -> Set.of();
        });
        Optional<LocalDate> asOf = asOf(query);
        Optional<SubjectAbbreviation> kind = Optional.empty();
        if (endpoint == Endpoint.SUBJECT) {
            kind = SubjectAbbreviation.of(parameter);
            if (kind.isEmpty()) {
                throw new Refused(404, "abbreviation", Answers.unknownSubjectAbbreviation(parameter));
            }
        }
        Router router = router();
        return switch (endpoint) {
            case ROUTE, EXPLAIN -> route(request, response, router, endpoint, asOf);
            case SUBJECT -> subject(request, response, router, kind.orElseThrow(), asOf);
            case ASSIGN -> assign(request, response, router, query, asOf);
            case LOOKUP -> answer(response, Answers.lookup(router, parameter,
                    asOf.orElseGet(() -> LocalDate.now(ZoneOffset.UTC))));
            case TEAM -> answer(response, Answers.team(List.of(parameter), false, asOf).get(0));
            case CENTERS -> listing(response, writer -> {
                for (Center center : Center.values()) {
                    writer.writeCenter(center, router.opening(center), router.rulesVersion());
                }
            });
            case SOURCES -> listing(response, writer -> {
                for (Source source : router.sources()) {
                    writer.writeSource(source);
                }
            });
            case RULES -> listing(response, writer -> {
                for (KnowledgeBaseRule rule : router.rules()) {
                    writer.writeRule(rule, router.rulesVersion());
                }
            });
            case VERSION -> {
                Map<String, Object> version = new LinkedHashMap<>();
                version.put("program", "cee-rules");
                version.put("version", Version.VALUE);
                version.put("rulesVersion", router.rulesVersion());
                version.put("rulePages", ruleBook.isPresent());
                yield write(response, 200, JSON, line(version));
            }
            default -> throw new IllegalStateException("not an endpoint of the API: " + endpoint);
        };
    }

    /** The router, waiting for it while it is built, at most the read timeout. */
    private Router router() throws Refused {
        Optional<Router> router = knowledgeBase.now();
        if (router.isPresent()) {
            return router.get();
        }
        Duration wait = settings.readTimeout();
        try {
            router = knowledgeBase.await(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (router.isPresent()) {
            return router.get();
        }
        metrics.rejected(Metrics.Rejection.NOT_READY);
        if (knowledgeBase.state() == KnowledgeBase.State.FAILED) {
            throw new Refused(503, "$", "the knowledge base failed to load: the server cannot route (see its log)", 60);
        }
        throw new Refused(503, "$", "the knowledge base is being built: retry in a few seconds", 5);
    }

    // ---------------------------------------------------------------------------------------------
    // route and explain

    private int route(Request request, Response response, Router router, Endpoint endpoint,
                      Optional<LocalDate> asOf) throws IOException, Refused {
        boolean explains = endpoint == Endpoint.EXPLAIN;
        boolean batch = bodyType(request, true);
        LineRouter lines = lineRouter(router, explains);
        if (!batch) {
            ReadResult read = oneRequest(request, asOf);
            LineRouter.Line line;
            try {
                line = lines.route(read);
            } catch (KnowledgeBaseException e) {
                dropLineRouters();
                LOG.error("the knowledge base failed while routing: {}", LineRouter.describe(e));
                throw new Refused(500, "$", "internal error: the knowledge base failed while routing: "
                        + LineRouter.describe(e));
            }
            String outcome = outcome(line);
            metrics.line(endpoint.label(), outcome);
            line.internalError().ifPresent(message -> LOG.warn("{}", message));
            int status = line.decision().isPresent() ? 200 : line.internalError().isPresent() ? 500 : 400;
            return write(response, status, JSON, line.bytes());
        }
        return batch(request, response, lines, endpoint, asOf);
    }

    /**
     * A batch: each request read, routed and written in turn, in order, as the command line writes
     * them; the lines routed are handed to the client before the server waits for more of the body.
     */
    private int batch(Request request, Response response, LineRouter lines, Endpoint endpoint,
                      Optional<LocalDate> asOf) throws IOException, Refused {
        declaredLength(request);
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, NDJSON);
        OutputStream out = Content.Sink.asOutputStream(response);
        try (JsonResultWriter writer = JsonResultWriter.to(out)) {
            LinesRouted routed = new LinesRouted(writer);
            // a body of declared length is read whole before it is answered; a chunked one as it comes
            long length = request.getLength();
            InputStream source = length >= 0 && length <= WholeBody.MAX_LENGTH
                    ? new WholeBody(Request.asInputStream(request), length) : Request.asInputStream(request);
            InputStream body = new BodyInput(source, settings.maxBodyBytes(), routed);
            RequestStream requests = new RequestStream(body, asOf);
            int count = 0;
            try {
                for (Optional<RequestStream.Unread> next = requests.nextUnread(); next.isPresent();
                     next = requests.nextUnread()) {
                    if (++count > settings.maxBatchLines()) {
                        metrics.rejected(Metrics.Rejection.TOO_MANY_LINES);
                        cut(writer, endpoint, "the batch passes the limit of " + settings.maxBatchLines()
                                + " requests: this request and those after it were not routed");
                        break;
                    }
                    LineRouter.Line line = lines.route(next.get().read());
                    metrics.line(endpoint.label(), outcome(line));
                    line.internalError().ifPresent(message -> LOG.warn("{}", message));
                    routed.write(line.bytes());
                }
            } catch (BodyInput.TooLarge e) {
                metrics.rejected(Metrics.Rejection.BODY_TOO_LARGE);
                cut(writer, endpoint, "the body passes the limit of " + settings.maxBodyBytes()
                        + " bytes: this request and those after it were not read");
            } catch (KnowledgeBaseException e) {
                dropLineRouters();
                LOG.error("the knowledge base failed while routing: {}", LineRouter.describe(e));
                cut(writer, endpoint, "internal error: the knowledge base failed while routing: "
                        + LineRouter.describe(e) + "; this request and those after it were not routed");
            } catch (IOException e) {
                if (!timedOut(e)) {
                    throw e;
                }
                metrics.rejected(Metrics.Rejection.READ_TIMEOUT);
                cut(writer, endpoint, "the rest of the body did not come within the read timeout: this request and "
                        + "those after it were not read");
            }
        }
        out.close();
        return 200;
    }

    /**
     * A batch's lines, handed to the client before the server waits for more of the body: the lines
     * routed since the last wait, if any. Nothing is flushed before the first line, so the answer is
     * not begun before its body is read: a client that sent {@code Expect: 100-continue} (curl does
     * for a body past 1 MiB) is answered {@code 100 Continue} when the body is first read, instead
     * of waiting for it in vain (a second, for curl) once the answer's head has gone.
     */
    private static final class LinesRouted implements BodyInput.BeforeWait {
        private final JsonResultWriter writer;
        private boolean unflushed;

        LinesRouted(JsonResultWriter writer) {
            this.writer = writer;
        }

        void write(byte[] lines) throws IOException {
            writer.writeLines(lines);
            unflushed = true;
        }

        @Override
        public void run() throws IOException {
            if (unflushed) {
                unflushed = false;
                writer.flush();
            }
        }
    }

    /** Ends a batch with an error object in place of the request that could not be answered. */
    private void cut(JsonResultWriter writer, Endpoint endpoint, String message) throws IOException {
        metrics.line(endpoint.label(), "error");
        writer.writeErrors(List.of(new Violation("$", message)));
    }

    private static String outcome(LineRouter.Line line) {
        if (line.decision().isPresent()) {
            return "decision";
        }
        return line.internalError().isPresent() ? "internal_error" : "error";
    }

    private LineRouter lineRouter(Router router, boolean explains) throws IOException {
        LineRouter[] pair = lineRouters.get();
        if (pair == null) {
            pair = new LineRouter[2];
            lineRouters.set(pair);
        }
        int index = explains ? 1 : 0;
        if (pair[index] == null) {
            pair[index] = new LineRouter(explains ? router::explain : router::route, explains);
        }
        return pair[index];
    }

    /** After a failure within a line router, its thread makes new ones. */
    private void dropLineRouters() {
        lineRouters.remove();
    }

    // ---------------------------------------------------------------------------------------------
    // subject and assign

    private int subject(Request request, Response response, Router router, SubjectAbbreviation kind,
                        Optional<LocalDate> asOf) throws IOException, Refused {
        if (bodyType(request, false)) {
            throw unsupported(request, "application/json (one request)");
        }
        ReadResult read = oneRequest(request, asOf);
        Answers.Answer answer;
        try {
            answer = Answers.subject(router, kind, read);
        } catch (RuntimeException | StackOverflowError e) {
            throw routerFailed(e);
        }
        return answer(response, answer);
    }

    private int assign(Request request, Response response, Router router, Fields query, Optional<LocalDate> asOf)
            throws IOException, Refused {
        Optional<Center> current = Optional.empty();
        String center = query.getValue("center");
        if (center != null) {
            current = Center.ofTeamCode(center);
            if (current.isEmpty()) {
                throw new Refused(400, "center", Answers.notACenter(shorten(center)));
            }
        }
        bodyType(request, true);
        declaredLength(request);
        Answers.EntrySummaries read;
        try {
            InputStream body = new BodyInput(Request.asInputStream(request), settings.maxBodyBytes(), () -> { });
            read = Answers.readEntrySummaries(new RequestStream(body, Optional.empty()), settings.maxBatchLines());
        } catch (IOException e) {
            throw bodyFailed(e);
        }
        if (read.more()) {
            metrics.rejected(Metrics.Rejection.TOO_MANY_LINES);
            throw new Refused(413, "$", "more than " + settings.maxBatchLines() + " entry summaries: give at most "
                    + settings.maxBatchLines());
        }
        if (!read.problems().isEmpty()) {
            return answer(response, Answers.rejected(read.problems()));
        }
        Answers.Answer answer;
        try {
            answer = Answers.assign(router, read.entrySummaries(), asOf.orElseGet(() -> LocalDate.now(ZoneOffset.UTC)),
                    current);
        } catch (RuntimeException | StackOverflowError e) {
            throw routerFailed(e);
        }
        return answer(response, answer);
    }

    private Refused routerFailed(Throwable e) {
        LOG.warn("internal error of the router: {}", LineRouter.describe(e));
        return new Refused(500, "$", "internal error of the router: " + LineRouter.describe(e));
    }

    /** Writes an answer: 200, or 400 for an error object of the input, 422 for one that does not apply. */
    private int answer(Response response, Answers.Answer answer) throws IOException {
        int status = switch (answer.outcome()) {
            case ANSWERED, NOT_COVERED -> 200;
            case REJECTED -> 400;
            case NOT_APPLICABLE -> 422;
        };
        return write(response, status, JSON, answer.line());
    }

    // ---------------------------------------------------------------------------------------------
    // bodies

    /**
     * The one request of a body of {@code application/json}, read as the command line reads a
     * file of one request (pretty-printed or on one line).
     */
    private ReadResult oneRequest(Request request, Optional<LocalDate> asOf) throws Refused {
        declaredLength(request);
        try {
            InputStream body = new BodyInput(Request.asInputStream(request), settings.maxBodyBytes(), () -> { });
            RequestStream requests = new RequestStream(body, asOf);
            Optional<ReadResult> read = requests.next();
            if (read.isEmpty()) {
                throw new Refused(400, "$", "the body holds no request");
            }
            if (requests.nextUnread().isPresent()) {
                throw new Refused(400, "$", "the body holds more than one request: send one, or send JSON Lines as "
                        + NDJSON);
            }
            return read.get();
        } catch (IOException e) {
            throw bodyFailed(e);
        }
    }

    private Refused bodyFailed(IOException e) {
        if (e instanceof BodyInput.TooLarge) {
            metrics.rejected(Metrics.Rejection.BODY_TOO_LARGE);
            return new Refused(413, "$", e.getMessage());
        }
        if (timedOut(e)) {
            metrics.rejected(Metrics.Rejection.READ_TIMEOUT);
            return new Refused(408, "$", "the body did not come within the read timeout");
        }
        // the client went away, most likely: the answer is for the log and the metrics
        return new Refused(400, "$", "the body could not be read: " + LineRouter.describe(e));
    }

    /** A body whose declared length passes the limit is refused before a byte of it is read. */
    private void declaredLength(Request request) throws Refused {
        long length = request.getLength();
        if (length > settings.maxBodyBytes()) {
            metrics.rejected(Metrics.Rejection.BODY_TOO_LARGE);
            throw new Refused(413, "$", "the body of " + length + " bytes passes the limit of "
                    + settings.maxBodyBytes() + " bytes");
        }
    }

    /**
     * The kind of a body from its {@code Content-Type}: {@code application/json} one request (or
     * one value), {@code application/x-ndjson} JSON Lines; UTF-8 only.
     *
     * @param linesToo whether JSON Lines are taken
     * @return whether the body is JSON Lines
     * @throws Refused 415 for any other content type
     */
    private boolean bodyType(Request request, boolean linesToo) throws Refused {
        String accepted = linesToo ? JSON + " (one request) or " + NDJSON + " (JSON Lines)" : JSON + " (one request)";
        String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (contentType == null) {
            throw unsupported(request, accepted);
        }
        String[] parts = contentType.split(";");
        String type = parts[0].strip().toLowerCase(Locale.ROOT);
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter[0].strip().equalsIgnoreCase("charset")) {
                String charset = parameter.length < 2 ? "" : parameter[1].strip().replace("\"", "");
                if (!charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
                    throw unsupported(request, accepted);
                }
            }
        }
        if (type.equals(JSON)) {
            return false;
        }
        if (linesToo && type.equals(NDJSON)) {
            return true;
        }
        throw unsupported(request, accepted);
    }

    private Refused unsupported(Request request, String accepted) {
        metrics.rejected(Metrics.Rejection.UNSUPPORTED_MEDIA_TYPE);
        String given = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        return new Refused(415, "$", "the body must be " + accepted + " in UTF-8, was "
                + (given == null ? "without a Content-Type" : quote(given)));
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------------
    // query parameters

    private static Fields query(Request request, Set<String> known) throws Refused {
        Fields fields;
        try {
            fields = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            throw new Refused(400, "$", "the query is not valid: " + LineRouter.describe(e));
        }
        for (String name : fields.getNames()) {
            if (!known.contains(name)) {
                throw new Refused(400, "$", "unknown query parameter " + quote(name) + (known.isEmpty()
                        ? ": this endpoint takes none" : ": this endpoint takes " + String.join(", ", known)));
            }
            if (fields.getValues(name).size() > 1) {
                throw new Refused(400, name, "is given more than once");
            }
        }
        return fields;
    }

    /** {@code asOf}: a date yyyy-MM-dd that overrides every request's own, as {@code --as-of} does. */
    private static Optional<LocalDate> asOf(Fields query) throws Refused {
        String value = query.getValue("asOf");
        if (value == null) {
            return Optional.empty();
        }
        if (!ISO_DATE.matcher(value).matches()) {
            throw new Refused(400, "asOf", "must be a date yyyy-MM-dd, was " + quote(value));
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new Refused(400, "asOf", "is not a date of the calendar: " + quote(value));
        }
        // the range of every date of a request, as --as-of has it
        if (date.isBefore(FIRST_DATE) || !date.isBefore(END_DATE)) {
            throw new Refused(400, "asOf", "must be on or after " + FIRST_DATE + " and before " + END_DATE + ", was "
                    + quote(value));
        }
        return Optional.of(date);
    }

    /** A text shown in a message: a JSON string, shortened to 40 characters as the contract's messages are. */
    static String quote(String text) {
        return JsonTree.write(shorten(text));
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    // ---------------------------------------------------------------------------------------------
    // the rest: readiness, pages, writing

    private int readiness(Response response) throws IOException {
        Map<String, Object> status = new LinkedHashMap<>();
        if (stopping.getAsBoolean()) {
            status.put("status", "stopping");
            return write(response, 503, JSON, line(status));
        }
        switch (knowledgeBase.state()) {
            case READY -> {
                status.put("status", "ready");
                status.put("rulesVersion", knowledgeBase.now().orElseThrow().rulesVersion());
                return write(response, 200, JSON, line(status));
            }
            case BUILDING -> status.put("status", "starting");
            case FAILED -> status.put("status", "failed");
        }
        return write(response, 503, JSON, line(status));
    }

    private int page(Response response, Endpoint endpoint, String parameter) throws IOException {
        if (endpoint == Endpoint.RULES_ROOT || endpoint == Endpoint.RULES_PAGE) {
            return rulePage(response, endpoint, parameter);
        }
        Optional<StaticFiles.File> file = switch (endpoint) {
            case INDEX -> files.find("/" + StaticFiles.INDEX);
            case CENTER_PAGE -> Center.ofTeamCode(parameter).isEmpty() ? Optional.empty()
                    : files.find("/" + StaticFiles.CENTER).or(() -> files.find("/" + StaticFiles.INDEX));
            default -> files.find(parameter);
        };
        if (file.isEmpty()) {
            return writeErrors(response, 404, List.of(new Violation("$", "no resource at this address")));
        }
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        return write(response, 200, file.get().contentType(), file.get().bytes());
    }

    /** A page of the rule book: made once the knowledge base is built, then kept. */
    private int rulePage(Response response, Endpoint endpoint, String name) throws IOException {
        if (ruleBook.isEmpty()) {
            return writeErrors(response, 404, List.of(new Violation("$", "no resource at this address")));
        }
        if (endpoint == Endpoint.RULES_ROOT) {
            response.getHeaders().put(HttpHeader.LOCATION, "/rules/");
            return write(response, 308, "text/plain; charset=utf-8",
                    "the rule set's pages are at /rules/\n".getBytes(StandardCharsets.UTF_8));
        }
        Optional<Router> router = knowledgeBase.now();
        if (router.isEmpty()) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "5");
            return writeErrors(response, 503, List.of(new Violation("$", knowledgeBase.state()
                    == KnowledgeBase.State.FAILED ? "the knowledge base failed to load" : "the knowledge base is "
                    + "being built: retry later")));
        }
        StaticFiles.File file = rulePages(router.get()).get(name);
        if (file == null) {
            return writeErrors(response, 404, List.of(new Violation("$", "no resource at this address")));
        }
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        return write(response, 200, file.contentType(), file.bytes());
    }

    private Map<String, StaticFiles.File> rulePages(Router router) {
        Map<String, StaticFiles.File> made = rulePages.get();
        if (made == null) {
            synchronized (rulePages) {
                made = rulePages.get();
                if (made == null) {
                    long started = System.nanoTime();
                    made = StaticFiles.texts(ruleBook.orElseThrow().pages(router));
                    rulePages.set(made);
                    LOG.info("made the rule set's {} pages in {} ms", made.size(),
                            (System.nanoTime() - started) / 1_000_000);
                }
            }
        }
        return made;
    }

    /** What a listing writes, as the command line's {@code centers} and {@code sources} do. */
    private interface Listing {
        void write(JsonResultWriter writer) throws IOException;
    }

    private static int listing(Response response, Listing listing) throws IOException {
        byte[] lines;
        try (JsonResultWriter writer = JsonResultWriter.inMemory()) {
            listing.write(writer);
            lines = writer.takeLines();
        }
        return write(response, 200, NDJSON, lines);
    }

    static void securityHeaders(Response response) {
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.getHeaders().put("Referrer-Policy", "no-referrer");
    }

    static byte[] line(Map<String, ?> value) {
        return (JsonTree.write(value) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Writes an error object of the contract, {@code {"errors":[{"field","message"}]}}. */
    static int writeErrors(Response response, int status, List<Violation> violations) throws IOException {
        byte[] bytes;
        try (JsonResultWriter writer = JsonResultWriter.inMemory()) {
            writer.writeErrors(violations);
            bytes = writer.takeLines();
        }
        return write(response, status, JSON, bytes);
    }

    static int write(Response response, int status, String contentType, byte[] body) throws IOException {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        Content.Sink.write(response, true, ByteBuffer.wrap(body));
        return status;
    }
}
