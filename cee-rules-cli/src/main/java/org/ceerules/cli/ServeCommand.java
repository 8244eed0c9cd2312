package org.ceerules.cli;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.ceerules.api.Router;
import org.ceerules.cli.report.ReportCommand;
import org.ceerules.server.DecisionServer;
import org.ceerules.server.ServerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cee-rules serve [--host HOST] [--port PORT] [--rules DIR] [limits]}: the decision service
 * ({@link DecisionServer}) until SIGTERM or SIGINT, then a graceful stop and status 0.
 *
 * <p>Standard error gets {@code listening on http://HOST:PORT/} once the server listens (the
 * knowledge base is built after it: {@code /readyz} says when), then a line when it stops; standard
 * output gets nothing. A knowledge base that fails to load stops the server with status 2.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run the decision service: the JSON contract over HTTP, the same bytes as the commands write "
                + "(POST /v1/route, /v1/explain, /v1/subject/ABBR, /v1/assign; GET /v1/lookup/HTS, /v1/team/NUMBER, "
                + "/v1/centers, /v1/sources, /v1/rules, /v1/version; /healthz, /readyz, /metrics, /openapi.json; the "
                + "pages at /, the rule set's report at /rules/). Says 'listening on URL' on standard error once it listens; runs until SIGTERM or "
                + "SIGINT, then stops taking connections and lets the requests in flight finish.",
        footer = {"%nThe server binds to 127.0.0.1 (this machine only) unless --host says otherwise. It never logs "
                + "a request's body. See docs/server.md.",
                "Exit status: 0 stopped by SIGTERM or SIGINT after a clean shutdown (the requests in flight answered "
                        + "within the grace period), 2 usage error, a port that cannot be taken, or a knowledge base "
                        + "that fails to load."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--host", paramLabel = "HOST", defaultValue = ServerSettings.DEFAULT_HOST,
            description = "The address to bind (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every "
                    + "interface).")
    private String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + ServerSettings.DEFAULT_PORT,
            description = "The TCP port (default: ${DEFAULT-VALUE}); 0 takes any free port.")
    private int port;

    @Option(names = "--max-body-bytes", paramLabel = "BYTES", defaultValue = "" + ServerSettings.DEFAULT_MAX_BODY_BYTES,
            description = "The largest request body (default: ${DEFAULT-VALUE}, 16 MiB); a larger one is refused "
                    + "with 413.")
    private long maxBodyBytes;

    @Option(names = "--max-batch-lines", paramLabel = "N", defaultValue = "" + ServerSettings.DEFAULT_MAX_BATCH_LINES,
            description = "The most requests in one batch, or entry summaries in one assign (default: "
                    + "${DEFAULT-VALUE}).")
    private int maxBatchLines;

    @Option(names = "--max-concurrent-requests", paramLabel = "N",
            defaultValue = "" + ServerSettings.DEFAULT_MAX_CONCURRENT_REQUESTS,
            description = "The most requests of /v1/ handled at once (default: ${DEFAULT-VALUE}); one more is "
                    + "answered 503 with Retry-After.")
    private int maxConcurrentRequests;

    @Option(names = "--read-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long a request may wait for the next bytes of its body, or for the client to take its "
                    + "answer (default: ${DEFAULT-VALUE}).")
    private long readTimeout;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long a connection may stay open without a request (default: ${DEFAULT-VALUE}).")
    private long idleTimeout;

    @Option(names = "--shutdown-grace", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long the requests in flight may take to finish once SIGTERM or SIGINT comes (default: "
                    + "${DEFAULT-VALUE}).")
    private long shutdownGrace;

    @Mixin
    private RulesOption rules = new RulesOption();

    private final Console console;

    ServeCommand(Console console) {
        this.console = console;
    }

    /** Stops every {@code serve} running in this JVM as a signal would: for tests that run it in-process. */
    static void stopAll() {
        Stopper.ALL.forEach(Stopper::stop);
    }

    /** What ends a run: a signal, a test, or a knowledge base that failed to load. */
    private static final class Stopper {
        static final java.util.Set<Stopper> ALL = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final CountDownLatch stop = new CountDownLatch(1);
        final AtomicBoolean failed = new AtomicBoolean();
        final AtomicReference<String> signal = new AtomicReference<>();

        void stop() {
            stop.countDown();
        }
    }

    @Override
    public Integer call() {
        ServerSettings settings;
        try {
            settings = ServerSettings.defaults().withHost(host).withPort(port).withMaxBodyBytes(maxBodyBytes)
                    .withMaxBatchLines(maxBatchLines).withMaxConcurrentRequests(maxConcurrentRequests)
                    .withReadTimeout(Duration.ofSeconds(readTimeout)).withIdleTimeout(Duration.ofSeconds(idleTimeout))
                    .withShutdownGracePeriod(Duration.ofSeconds(shutdownGrace));
        } catch (IllegalArgumentException e) {
            console.diagnostic("invalid option: " + e.getMessage());
            return ExitStatus.FAILED;
        }
        Stopper stopper = new Stopper();
        DecisionServer server;
        try {
            server = DecisionServer.start(() -> routerOrStop(stopper), settings,
                    router -> ReportCommand.pages(router, rules.directory()));
        } catch (UncheckedIOException | IllegalStateException e) {
            console.diagnostic(e.getMessage());
            return ExitStatus.FAILED;
        }
        Stopper.ALL.add(stopper);
        Optional<Signals> signals = Signals.handle(name -> {
            if (stopper.signal.compareAndSet(null, name)) {
                stopper.stop();
            } else {
                // a second signal while stopping: stop now, as the JVM would have
                console.diagnostic("SIG" + name + " again: stopping at once");
                console.err().flush();
                Runtime.getRuntime().halt(128 + (name.equals("INT") ? 2 : 15));
            }
        });
        try {
            console.err().println("listening on " + server.uri());
            console.err().flush();
            stopper.stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Stopper.ALL.remove(stopper);
            if (stopper.failed.get()) {
                server.close();
                signals.ifPresent(Signals::close);
            }
        }
        if (stopper.failed.get()) {
            return ExitStatus.FAILED;
        }
        console.diagnostic("stopping" + (stopper.signal.get() == null ? "" : " on SIG" + stopper.signal.get())
                + ": finishing the requests in flight, for at most " + settings.shutdownGracePeriod().toSeconds() + " s");
        server.close();
        signals.ifPresent(Signals::close);
        console.diagnostic("stopped");
        return ExitStatus.ROUTED;
    }

    /** The router of {@code --rules}, or, after reporting why there is none, a stop with status 2. */
    private Router routerOrStop(Stopper stopper) {
        Optional<Router> router = console.router(rules.directory());
        if (router.isEmpty()) {
            stopper.failed.set(true);
            stopper.stop();
            throw new IllegalStateException("no knowledge base: see the diagnostics above");
        }
        return router.get();
    }
}
