package org.ceerules.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.ceerules.api.Router;
import org.ceerules.api.Routers;
import org.junit.jupiter.api.Test;

/**
 * A server listens before its knowledge base is built: alive at once, ready (200) only once it is
 * built, 503 for ever if it fails to load; requests of /v1/ wait for it while it is built.
 */
class ReadinessTest {

    /** Builds the embedded router once {@code build} opens: a knowledge base still being built until then. */
    static Supplier<Router> routerOnceOpen(CountDownLatch build) {
        return () -> {
            try {
                build.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Routers.defaultRouter();
        };
    }

    @Test
    void readyOnlyOnceTheKnowledgeBaseIsBuilt() throws Exception {
        CountDownLatch build = new CountDownLatch(1);
        try (DecisionServer server = DecisionServer.start(routerOnceOpen(build), ServerSettings.defaults().withPort(0).withReadTimeout(Duration.ofMillis(200)))) {
            Http http = new Http(server.uri());
            assertThat(server.ready()).isFalse();
            assertThat(http.get("healthz").status()).isEqualTo(200);
            Http.Answer starting = http.get("readyz");
            assertThat(starting.status()).isEqualTo(503);
            assertThat(starting.json()).containsEntry("status", "starting");
            assertThat(http.get("metrics").body()).contains("ceerules_ready 0");
            Http.Answer early = http.get("v1/version");
            assertThat(early.status()).isEqualTo(503);
            assertThat(early.header("Retry-After")).isEqualTo("5");
            assertThat(http.get("openapi.json").status()).isEqualTo(200);

            build.countDown();
            while (!server.ready()) {
                Thread.onSpinWait();
            }
            Http.Answer ready = http.get("readyz");
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.json()).containsEntry("status", "ready");
            assertThat(http.get("v1/version").status()).isEqualTo(200);
        }
    }

    @Test
    void aRequestWaitsForTheKnowledgeBaseBeingBuilt() throws Exception {
        CountDownLatch build = new CountDownLatch(1);
        try (DecisionServer server = DecisionServer.start(routerOnceOpen(build), ServerSettings.defaults().withPort(0))) {
            CompletableFuture<HttpResponse<String>> answer = Http.CLIENT.sendAsync(
                    HttpRequest.newBuilder(server.uri().resolve("v1/centers")).build(),
                    HttpResponse.BodyHandlers.ofString());
            build.countDown();
            assertThat(answer.get().statusCode()).isEqualTo(200);
            assertThat(answer.get().body().lines()).hasSize(10);
        }
    }

    @Test
    void aKnowledgeBaseThatFailsToLoadLeavesTheServerNotReady() {
        try (DecisionServer server = DecisionServer.start(() -> {
            throw new IllegalStateException("the rule set is broken");
        }, ServerSettings.defaults().withPort(0))) {
            Http http = new Http(server.uri());
            Http.Answer ready;
            do {
                ready = http.get("readyz");
            } while (ready.json().get("status").equals("starting"));
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.json()).containsEntry("status", "failed");
            Http.Answer route = http.post("v1/route", "application/json", "{}");
            assertThat(route.status()).isEqualTo(503);
            assertThat(route.body()).contains("the knowledge base failed to load");
            assertThat(http.get("healthz").status()).isEqualTo(200);
        }
    }

    @Test
    void theRulesDirectoryOfTheSettingsIsBuiltByStartWithSettingsOnly() {
        ServerSettings withRules = ServerSettings.defaults().withPort(0).withRulesDirectory(Optional.of(Path.of("rules")));
        Router router = Routers.defaultRouter();
        assertThatThrownBy(() -> DecisionServer.start(router, withRules)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rules directory");
        try (DecisionServer server = DecisionServer.start(withRules.withRulesDirectory(Optional.empty()))) {
            Http http = new Http(server.uri());
            assertThat(http.get("v1/version").status()).isEqualTo(200);
        }
        try (DecisionServer server = DecisionServer.start(withRules.withRulesDirectory(
                Optional.of(Path.of("no such rule set"))))) {
            Http http = new Http(server.uri());
            Http.Answer answer = http.get("v1/version");
            assertThat(answer.status()).isEqualTo(503);
            assertThat(http.get("readyz").json()).containsEntry("status", "failed");
        }
    }

    @Test
    void aPortTakenIsSaidWhenStarting() {
        try (DecisionServer first = DecisionServer.start(Routers.defaultRouter(), ServerSettings.defaults().withPort(0))) {
            assertThatThrownBy(() -> DecisionServer.start(Routers.defaultRouter(),
                    ServerSettings.defaults().withPort(first.port())))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("cannot listen on 127.0.0.1:" + first.port());
        }
    }
}
