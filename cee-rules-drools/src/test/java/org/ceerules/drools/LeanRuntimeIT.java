package org.ceerules.drools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.ceerules.api.Router;
import org.ceerules.api.Routers;
import org.ceerules.api.RoutingResult;
import org.junit.jupiter.api.Test;

/**
 * Run by the surefire execution lean-runtime only, on the class path a host gets from
 * cee-rules-drools alone: no DRL compiler. The embedded rules route; a directory is refused with
 * the artifact to add.
 */
class LeanRuntimeIT {

    @Test
    void theCompilerIsAbsent() {
        assertThat(DrlCompiler.missing()).contains("org.drools:drools-model-codegen", "org.drools:drools-compiler",
                "org.drools:drools-drl-parser");
    }

    @Test
    void theEmbeddedRulesRouteAndExplain() {
        Router router = Routers.defaultRouter();
        assertThat(router.route(Requests.participant().build())).isInstanceOf(RoutingResult.Routed.class);
        assertThat(((RoutingResult.Routed) router.explain(Requests.participant().build())).decision().firedRules())
                .isNotEmpty();
    }

    @Test
    void aDirectoryNamesTheMissingCompiler() {
        assertThatThrownBy(() -> Routers.fromDirectory(Path.of("src/main/resources/org/ceerules/rules")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("add org.drools:drools-engine")
                .hasMessageContaining("missing: org.drools:drools-model-codegen");
    }
}
