package org.ceerules.api;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** This module has no Router implementation on its test path, so the default router cannot be found. */
class RoutersTest {

    @Test
    void withoutAnImplementationEveryCallThrowsTheDocumentedIllegalStateException() {
        for (int call = 0; call < 2; call++) {
            assertThatThrownBy(Routers::defaultRouter).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no org.ceerules.api.Router implementation found");
        }
    }
}
