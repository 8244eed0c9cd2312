package org.ceerules.api;

import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Where routers come from.
 *
 * <p>Thread-safe. Not instantiable.
 *
 * @since 0.1
 */
public final class Routers {

    private Routers() {
    }

    /**
     * The router of the embedded knowledge base, found through {@link ServiceLoader} (the
     * {@code cee-rules-drools} artifact provides it). It is built on first use, once, and shared.
     *
     * @return the default router
     * @throws IllegalStateException   if no implementation is on the class or module path
     * @throws KnowledgeBaseException if the embedded knowledge base fails to load
     */
    public static Router defaultRouter() {
        Router router = defaultRouter;
        if (router == null) {
            synchronized (Routers.class) {
                router = defaultRouter;
                if (router == null) {
                    router = load();
                    defaultRouter = router;
                }
            }
        }
        return router;
    }

    /** Built on first use; a failed load is not remembered, so each call reports the failure itself. */
    private static volatile Router defaultRouter;

    private static Router load() {
        Iterator<Router> routers = ServiceLoader.load(Router.class, Routers.class.getClassLoader()).iterator();
        try {
            if (!routers.hasNext()) {
                throw new IllegalStateException("no org.ceerules.api.Router implementation found: "
                        + "add org.ceerules:cee-rules-drools to the class path");
            }
            return routers.next();
        } catch (ServiceConfigurationError e) {
            if (e.getCause() instanceof KnowledgeBaseException kb) {
                throw kb;
            }
            throw new IllegalStateException("the Router implementation failed to start", e);
        }
    }
}
