package org.ceerules.server;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.ceerules.api.Router;
import org.ceerules.json.LineRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router a server routes with: given, or being built on a thread of its own while the server
 * already answers its health checks. Thread-safe.
 */
final class KnowledgeBase {

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBase.class);

    /** Where the knowledge base is. */
    enum State {
        /** Being built: readiness says 503, requests wait for it. */
        BUILDING,
        /** Built: the server routes. */
        READY,
        /** It failed to load: the server cannot route. */
        FAILED
    }

    private final CompletableFuture<Router> router = new CompletableFuture<>();

    private KnowledgeBase() {
    }

    /** @return the knowledge base of a router already built */
    static KnowledgeBase of(Router router) {
        KnowledgeBase built = new KnowledgeBase();
        built.router.complete(router);
        return built;
    }

    /**
     * Builds the router on a daemon thread of its own.
     *
     * @param routers builds the router; may take seconds, may throw
     * @return the knowledge base, {@link State#BUILDING} until it returns
     */
    static KnowledgeBase building(Supplier<? extends Router> routers) {
        KnowledgeBase building = new KnowledgeBase();
        Thread thread = new Thread(() -> {
            try {
                Router built = routers.get();
                if (built == null) {
                    throw new IllegalStateException("no router was built");
                }
                building.router.complete(built);
                LOG.info("knowledge base built: rule set {}", built.rulesVersion());
            } catch (RuntimeException | Error e) {
                building.router.completeExceptionally(e);
                LOG.error("the knowledge base failed to load: {}", LineRouter.describe(e));
                if (LineRouter.isFatal(e)) {
                    throw e;
                }
            }
        }, "cee-rules-knowledge-base");
        thread.setDaemon(true);
        thread.start();
        return building;
    }

    /** @return where the knowledge base is */
    State state() {
        if (!router.isDone()) {
            return State.BUILDING;
        }
        return router.isCompletedExceptionally() ? State.FAILED : State.READY;
    }

    /** @return the router when it is built, else empty */
    Optional<Router> now() {
        return state() == State.READY ? Optional.of(router.join()) : Optional.empty();
    }

    /**
     * Waits for the router.
     *
     * @param timeout how long to wait at most
     * @return the router, or empty if it failed to load or is not built within {@code timeout}
     * @throws InterruptedException if the thread is interrupted while it waits
     */
    Optional<Router> await(Duration timeout) throws InterruptedException {
        try {
            return Optional.of(router.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        }
    }
}
