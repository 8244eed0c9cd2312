package org.ceerules.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.ceerules.api.Router;
import org.ceerules.api.Routers;
import org.ceerules.json.LineRouter;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decision service: the JSON contract of cee-rules over HTTP, on Jetty.
 *
 * <pre>{@code
 * try (DecisionServer server = DecisionServer.start(Routers.defaultRouter(), ServerSettings.defaults())) {
 *     server.uri();   // http://127.0.0.1:8080/
 *     ...
 * }
 * }</pre>
 *
 * <p>Endpoints ({@code docs/server.md}, and the OpenAPI 3.1 document at {@code /openapi.json}):
 * {@code POST /v1/route} and {@code /v1/explain} (one request as {@code application/json}, or a
 * batch as {@code application/x-ndjson}, answered line by line in order), {@code POST
 * /v1/subject/{abbreviation}}, {@code POST /v1/assign}, {@code GET /v1/lookup/{hts}}, {@code
 * /v1/team/{number}}, {@code /v1/centers}, {@code /v1/sources}, {@code /v1/rules}, {@code
 * /v1/version}; {@code GET /healthz}, {@code /readyz}, {@code /metrics} (Prometheus); and the
 * pages of the class path folder {@code /org/ceerules/server/web/} at {@code /} and {@code
 * /centers/{code}}, and, given a {@link RuleBook}, the pages about the rule set at {@code
 * /rules/}. Each answer of {@code /v1/} is the bytes that the command line writes for the
 * same input; an error is the contract's error object, never a stack trace. The server never logs
 * a request's body.
 *
 * <p>Limits ({@link ServerSettings}): the body's size (413), the requests of a batch, the requests
 * handled at once (503 with {@code Retry-After}), the read and idle timeouts. A router that fails
 * on a request costs that request only (500, or an error object in its place in a batch).
 *
 * <p>Thread-safe. {@link #close()} stops it gracefully: it stops accepting connections, answers
 * 503 to new requests on the connections open, and lets the requests in flight finish, for at most
 * the settings' shutdown grace period.
 *
 * @since 0.1
 */
public final class DecisionServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionServer.class);

    private final Server server;
    private final ServerConnector connector;
    private final KnowledgeBase knowledgeBase;
    private final ServerSettings settings;
    private final AtomicBoolean stopping = new AtomicBoolean();

    private DecisionServer(KnowledgeBase knowledgeBase, ServerSettings settings, Optional<RuleBook> ruleBook) {
        this.knowledgeBase = knowledgeBase;
        this.settings = settings;
        QueuedThreadPool threads = new QueuedThreadPool(Math.max(settings.maxConcurrentRequests() + 16, 24), 4);
        threads.setName("cee-rules-server");
        this.server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        // while a request is handled: the longest wait for its body, or for the client to take its answer
        http.setIdleTimeout(settings.readTimeout().toMillis());
        this.connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        // between requests: how long a connection may stay open without one
        connector.setIdleTimeout(settings.idleTimeout().toMillis());
        server.addConnector(connector);
        Metrics metrics = new Metrics(() -> ready() ? 1 : 0);
        ApiHandler api = new ApiHandler(settings, knowledgeBase, metrics,
                new StaticFiles(DecisionServer.class.getClassLoader()), ruleBook, OpenApi.document(), stopping::get);
        server.setHandler(new GracefulHandler(api));
        server.setErrorHandler(new JsonErrorHandler());
        server.setStopTimeout(settings.shutdownGracePeriod().toMillis());
        server.setStopAtShutdown(false);
    }

    /**
     * Starts a server that routes with a router already built: it is ready as soon as it listens.
     *
     * @param router   the router
     * @param settings where to listen and the limits; {@link ServerSettings#rulesDirectory()} must be
     *                 empty (the router is given)
     * @return the server, listening
     * @throws IllegalArgumentException if the settings name a rules directory
     * @throws UncheckedIOException     if the server cannot listen (the port is taken, the host is not
     *                                  this machine's)
     */
    public static DecisionServer start(Router router, ServerSettings settings) {
        Objects.requireNonNull(router, "router");
        noRulesDirectory(settings);
        return start(KnowledgeBase.of(router), settings, Optional.empty());
    }

    /**
     * Starts a server that routes with a router already built, as {@link #start(Router,
     * ServerSettings)} does, and serves the pages of a rule book under {@code /rules/}.
     *
     * @param router   the router
     * @param settings where to listen and the limits; {@link ServerSettings#rulesDirectory()} must be empty
     * @param ruleBook the pages about the rule set, made when the first is asked for
     * @return the server, listening
     * @throws IllegalArgumentException if the settings name a rules directory
     * @throws UncheckedIOException     if the server cannot listen
     */
    public static DecisionServer start(Router router, ServerSettings settings, RuleBook ruleBook) {
        Objects.requireNonNull(router, "router");
        Objects.requireNonNull(ruleBook, "ruleBook");
        noRulesDirectory(settings);
        return start(KnowledgeBase.of(router), settings, Optional.of(ruleBook));
    }

    /**
     * Starts a server that routes with the rule set of {@link ServerSettings#rulesDirectory()}, or
     * the embedded one: it listens at once and builds the knowledge base on a thread of its own.
     * Until it is built {@code /readyz} answers 503 and the requests of {@code /v1/} wait for it (at
     * most the read timeout, then 503); if it fails to load, they are answered 503 and the failure
     * is logged.
     *
     * @param settings where to listen, the limits and the rule set
     * @return the server, listening
     * @throws UncheckedIOException if the server cannot listen
     */
    public static DecisionServer start(ServerSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return start(KnowledgeBase.building(
                () -> settings.rulesDirectory().map(Routers::fromDirectory).orElseGet(Routers::defaultRouter)),
                settings, Optional.empty());
    }

    /**
     * Starts a server whose router {@code routers} builds on a thread of its own, once, while the
     * server already listens (as {@link #start(ServerSettings)} does).
     *
     * @param routers  builds the router; what it throws is logged and leaves the server unable to route
     * @param settings where to listen and the limits; {@link ServerSettings#rulesDirectory()} must be empty
     * @return the server, listening
     * @throws IllegalArgumentException if the settings name a rules directory
     * @throws UncheckedIOException     if the server cannot listen
     */
    public static DecisionServer start(Supplier<? extends Router> routers, ServerSettings settings) {
        Objects.requireNonNull(routers, "routers");
        noRulesDirectory(settings);
        return start(KnowledgeBase.building(routers), settings, Optional.empty());
    }

    /**
     * Starts a server whose router {@code routers} builds on a thread of its own (as {@link
     * #start(Supplier, ServerSettings)} does), and serves the pages of a rule book under {@code
     * /rules/} once the router is built.
     *
     * @param routers  builds the router; what it throws is logged and leaves the server unable to route
     * @param settings where to listen and the limits; {@link ServerSettings#rulesDirectory()} must be empty
     * @param ruleBook the pages about the rule set, made when the first is asked for
     * @return the server, listening
     * @throws IllegalArgumentException if the settings name a rules directory
     * @throws UncheckedIOException     if the server cannot listen
     */
    public static DecisionServer start(Supplier<? extends Router> routers, ServerSettings settings, RuleBook ruleBook) {
        Objects.requireNonNull(routers, "routers");
        Objects.requireNonNull(ruleBook, "ruleBook");
        noRulesDirectory(settings);
        return start(KnowledgeBase.building(routers), settings, Optional.of(ruleBook));
    }

    private static void noRulesDirectory(ServerSettings settings) {
        Objects.requireNonNull(settings, "settings");
        if (settings.rulesDirectory().isPresent()) {
            throw new IllegalArgumentException("the router is given: the settings must not name a rules directory too, "
                    + "was " + settings.rulesDirectory().get());
        }
    }

    private static DecisionServer start(KnowledgeBase knowledgeBase, ServerSettings settings,
                                        Optional<RuleBook> ruleBook) {
        DecisionServer decisionServer = new DecisionServer(knowledgeBase, settings, ruleBook);
        try {
            decisionServer.server.start();
        } catch (Exception e) {
            try {
                decisionServer.server.stop();
            } catch (Exception stopping) {
                e.addSuppressed(stopping);
            }
            String where = settings.host() + ":" + settings.port();
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot listen on " + where + ": " + LineRouter.describe(io), io);
            }
            throw new IllegalStateException("cannot start the server on " + where + ": " + LineRouter.describe(e), e);
        }
        LOG.info("listening on {}", decisionServer.uri());
        return decisionServer;
    }

    /** @return the address of the server's root, such as {@code http://127.0.0.1:8080/} */
    public URI uri() {
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return URI.create("http://" + host + ":" + port() + "/");
    }

    /** @return the port the server listens on: the one asked for, or the one taken for port 0 */
    public int port() {
        return connector.getLocalPort() > 0 ? connector.getLocalPort() : settings.port();
    }

    /** @return whether the knowledge base is built and the server is not stopping: what {@code /readyz} says */
    public boolean ready() {
        return !stopping.get() && knowledgeBase.state() == KnowledgeBase.State.READY;
    }

    /**
     * Stops the server gracefully: no new connection is accepted, new requests on the open ones are
     * answered 503, and the requests in flight finish, for at most the shutdown grace period, after
     * which they are ended. Returns when the server has stopped; calling it again does nothing.
     */
    @Override
    public void close() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        LOG.info("stopping: finishing the requests in flight, for at most {}", settings.shutdownGracePeriod());
        try {
            server.stop();
            server.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("the server did not stop cleanly: {}", LineRouter.describe(e));
        }
        LOG.info("stopped");
    }
}
