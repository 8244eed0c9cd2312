package org.ceerules.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.ceerules.api.HtsNumber;
import org.ceerules.api.IndustryScope;
import org.ceerules.api.KnowledgeBaseRule;
import org.ceerules.api.Router;
import org.ceerules.api.Routers;
import org.ceerules.api.RoutingRequest;
import org.ceerules.api.RoutingResult;
import org.ceerules.testing.Requests;
import org.junit.jupiter.api.Test;

/**
 * {@link DecisionServer#close()} lets the requests in flight finish: a batch whose body is still
 * coming, and a request whose routing is under way, are answered whole; then the server takes no
 * connection. Each step waits for the one before it, never for a time.
 */
class GracefulShutdownTest {

    @Test
    void aBatchInFlightIsAnsweredWholeAfterCloseBegins() throws Exception {
        DecisionServer server = DecisionServer.start(Routers.defaultRouter(), ServerSettings.defaults().withPort(0));
        try (StreamingClient batch = new StreamingClient(server.uri(), "v1/route", "application/x-ndjson")) {
            batch.send(Requests.VALID + "\n");
            assertThat(batch.status()).isEqualTo(200);
            assertThat(batch.readLine()).contains("\"entryNumber\":\"345-6789012-3\"");

            CompletableFuture<Void> closed = CompletableFuture.runAsync(server::close);
            while (server.ready()) {
                Thread.onSpinWait();
            }
            for (int i = 0; i < 4; i++) {
                batch.send(Requests.VALID + "\n");
            }
            batch.end();
            for (int i = 0; i < 4; i++) {
                assertThat(batch.readLine()).contains("\"entryNumber\":\"345-6789012-3\"");
            }
            assertThat(batch.readLine()).isNull();
            closed.get();
        }
        assertThatThrownBy(() -> new Socket(server.uri().getHost(), server.port()).close())
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void aRequestBeingRoutedIsAnsweredAfterCloseBegins() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Router real = Routers.defaultRouter();
        Router slow = new Router() {
            @Override
            public RoutingResult route(RoutingRequest request) {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return real.route(request);
            }

            @Override
            public RoutingResult explain(RoutingRequest request) {
                return real.explain(request);
            }

            @Override
            public String rulesVersion() {
                return real.rulesVersion();
            }

            @Override
            public Optional<IndustryScope> industryScope(HtsNumber hts, LocalDate asOf) {
                return real.industryScope(hts, asOf);
            }

            @Override
            public List<KnowledgeBaseRule> rules() {
                return real.rules();
            }
        };
        DecisionServer server = DecisionServer.start(slow, ServerSettings.defaults().withPort(0));
        CompletableFuture<HttpResponse<String>> answer = Http.CLIENT.sendAsync(
                HttpRequest.newBuilder(server.uri().resolve("v1/route")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Requests.VALID)).build(),
                HttpResponse.BodyHandlers.ofString());
        entered.await();
        CompletableFuture<Void> closed = CompletableFuture.runAsync(server::close);
        while (server.ready()) {
            Thread.onSpinWait();
        }
        assertThat(closed).isNotDone();
        release.countDown();
        assertThat(answer.get().statusCode()).isEqualTo(200);
        assertThat(answer.get().body()).contains("\"center\":\"007\"");
        closed.get();
    }
}
