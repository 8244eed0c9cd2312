package org.ceerules.api.spi;

import java.nio.file.Path;
import org.ceerules.api.KnowledgeBaseException;
import org.ceerules.api.Router;
import org.ceerules.api.Routers;

/**
 * The service that makes routers: what {@link Routers} finds through {@link
 * java.util.ServiceLoader}. The {@code cee-rules-drools} artifact provides one. Hosts call {@link
 * Routers}, not this interface: it is the service provider interface, for those who implement
 * a router, and may gain methods (with defaults) in a minor version.
 *
 * <p>Implementations are thread-safe.
 *
 * @since 0.1
 */
public interface RouterProvider {

    /**
     * Builds the router of the rule set embedded in the implementation.
     *
     * @return a new router
     * @throws KnowledgeBaseException if the embedded rule set fails to load
     */
    Router embedded();

    /**
     * Builds the router of a rule set in a directory, laid out as the embedded one.
     *
     * @param directory the rule set's root directory
     * @return a new router
     * @throws KnowledgeBaseException if the rule set fails to load, naming every problem with its
     *                                file and line
     */
    Router fromDirectory(Path directory);
}
