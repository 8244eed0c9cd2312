package org.ceerules.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.ceerules.api.spi.RouterProvider;

/**
 * Where routers come from: the embedded knowledge base, or a rule set in a directory. The
 * implementation is found through {@link ServiceLoader} as a {@link RouterProvider}; the {@code
 * cee-rules-drools} artifact provides it.
 *
 * <p>Thread-safe. Not instantiable.
 *
 * @since 0.1
 */
public final class Routers {

    private Routers() {
    }

    /**
     * The router of the embedded knowledge base. It is built on first use, once, and shared.
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
                    router = provider().embedded();
                    defaultRouter = router;
                }
            }
        }
        return router;
    }

    /**
     * Builds a router of the rule set in a directory, laid out as the embedded one (a {@code
     * VERSION} file, {@code data/*.csv}, {@code drl/*.drl}). Every call loads and checks the rule
     * set anew; keep the router and share it, it is thread-safe.
     *
     * @param directory the rule set's root directory
     * @return a new router
     * @throws IllegalArgumentException if {@code directory} is not a directory
     * @throws IllegalStateException    if no implementation is on the class or module path
     * @throws KnowledgeBaseException  if the rule set fails its checks, naming every problem with
     *                                  its file and line
     * @since 0.1
     */
    public static Router fromDirectory(Path directory) {
        Objects.requireNonNull(directory, "directory");
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("not a directory: " + directory);
        }
        return provider().fromDirectory(directory);
    }

    /** Built on first use; a failed load is not remembered, so each call reports the failure itself. */
    private static volatile Router defaultRouter;

    private static RouterProvider provider() {
        Iterator<RouterProvider> providers = ServiceLoader.load(RouterProvider.class, Routers.class.getClassLoader())
                .iterator();
        try {
            if (!providers.hasNext()) {
                throw new IllegalStateException("no org.ceerules.api.spi.RouterProvider implementation found: "
                        + "add org.ceerules:cee-rules-drools to the class path");
            }
            return providers.next();
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("the RouterProvider implementation failed to start", e);
        }
    }
}
