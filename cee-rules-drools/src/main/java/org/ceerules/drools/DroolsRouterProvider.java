package org.ceerules.drools;

import java.nio.file.Path;
import java.util.Objects;
import org.ceerules.api.Router;
import org.ceerules.api.spi.RouterProvider;

/**
 * The {@link RouterProvider} of cee-rules-drools, registered for {@link java.util.ServiceLoader}:
 * hosts reach it through {@code Routers.defaultRouter()} and {@code Routers.fromDirectory(path)}.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class DroolsRouterProvider implements RouterProvider {

    /** The provider; {@link java.util.ServiceLoader} calls this. */
    public DroolsRouterProvider() {
        // stateless
    }

    @Override
    public Router embedded() {
        return new DroolsRouter();
    }

    @Override
    public Router fromDirectory(Path directory) {
        return DroolsRouter.fromDirectory(Objects.requireNonNull(directory, "directory"));
    }
}
