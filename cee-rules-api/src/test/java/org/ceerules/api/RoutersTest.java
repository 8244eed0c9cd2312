package org.ceerules.api;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** This module has no RouterProvider on its test path, so no router can be made. */
class RoutersTest {

    @Test
    void withoutAnImplementationEveryCallThrowsTheDocumentedIllegalStateException() {
        for (int call = 0; call < 2; call++) {
            assertThatThrownBy(Routers::defaultRouter).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no org.ceerules.api.spi.RouterProvider implementation found");
        }
    }

    @Test
    void fromDirectoryWithoutAnImplementationThrowsTheDocumentedIllegalStateException(@TempDir Path dir) {
        assertThatThrownBy(() -> Routers.fromDirectory(dir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cee-rules-drools");
    }

    @Test
    void fromDirectoryRefusesWhatIsNotADirectory(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-rules");
        assertThatThrownBy(() -> Routers.fromDirectory(missing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a directory: " + missing);
        assertThatThrownBy(() -> Routers.fromDirectory(null)).isInstanceOf(NullPointerException.class);
    }
}
