package org.ceerules.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.ceerules.api.Router;
import org.ceerules.api.Routers;
import org.junit.jupiter.api.Test;

/**
 * The rule book's pages under {@code /rules/}: made once from the built router, each served with
 * the content type of its name; {@code /rules} redirects to {@code /rules/}, its index; a name the
 * book has not is 404, as is every page of a server given no book; 503 while the knowledge base is
 * built; a book that fails costs the request (500, an error object) and is asked again.
 */
class RuleBookTest {

    private static final Map<String, String> PAGES = Map.of(
            "index.html", "<!doctype html><title>Rules</title><a href=\"rules.html\">rules</a>",
            "rules.html", "<!doctype html><title>Catalogue</title>",
            "style.css", "body { color: black; }");

    @Test
    void servesTheBooksPagesMadeOnceFromTheRouter() throws Exception {
        Router router = Routers.defaultRouter();
        AtomicInteger made = new AtomicInteger();
        RuleBook book = r -> {
            assertThat(r).isSameAs(router);
            made.incrementAndGet();
            return PAGES;
        };
        try (DecisionServer server = DecisionServer.start(router, ServerSettings.defaults().withPort(0), book)) {
            Http http = new Http(server.uri());

            Http.Answer root = http.get("rules");
            assertThat(root.status()).isEqualTo(308);
            assertThat(root.header("Location")).isEqualTo("/rules/");

            Http.Answer index = http.get("rules/");
            assertThat(index.status()).isEqualTo(200);
            assertThat(index.contentType()).isEqualTo("text/html; charset=utf-8");
            assertThat(index.body()).isEqualTo(PAGES.get("index.html"));
            assertThat(index.header("Content-Security-Policy")).isEqualTo(ApiHandler.CONTENT_SECURITY_POLICY);
            assertThat(http.get("rules/index.html").body()).isEqualTo(PAGES.get("index.html"));
            assertThat(http.get("rules/rules.html").body()).isEqualTo(PAGES.get("rules.html"));
            Http.Answer style = http.get("rules/style.css");
            assertThat(style.contentType()).isEqualTo("text/css; charset=utf-8");
            assertThat(style.body()).isEqualTo(PAGES.get("style.css"));

            for (String absent : List.of("rules/cases.html", "rules/%2E%2E/index.html", "rules/a/b.html", "rules/index")) {
                Http.Answer answer = http.get(absent);
                assertThat(answer.status()).as(absent).isIn(400, 404);
                if (answer.status() == 404) {
                    assertThat(answer.json()).containsKey("errors");
                }
            }
            assertThat(http.method("POST", "rules/").status()).isEqualTo(405);

            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < 32; i++) {
                    answers.add(pool.submit((Callable<Integer>) () -> http.get("rules/rules.html").status()));
                }
                for (Future<Integer> answer : answers) {
                    assertThat(answer.get()).isEqualTo(200);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(made).hasValue(1);
            assertThat(http.get("v1/version").json()).containsEntry("rulePages", true);
        }
    }

    @Test
    void aServerGivenNoBookHasNoRulePages() {
        try (DecisionServer server = DecisionServer.start(Routers.defaultRouter(), ServerSettings.defaults().withPort(0))) {
            Http http = new Http(server.uri());
            assertThat(http.get("rules").status()).isEqualTo(404);
            assertThat(http.get("rules/").status()).isEqualTo(404);
            assertThat(http.get("rules/index.html").json()).containsKey("errors");
        }
    }

    @Test
    void unavailableWhileTheKnowledgeBaseIsBuiltThenServed() throws Exception {
        CountDownLatch build = new CountDownLatch(1);
        try (DecisionServer server = DecisionServer.start(ReadinessTest.routerOnceOpen(build), ServerSettings.defaults().withPort(0).withReadTimeout(Duration.ofMillis(200)), r -> PAGES)) {
            Http http = new Http(server.uri());
            Http.Answer early = http.get("rules/");
            assertThat(early.status()).isEqualTo(503);
            assertThat(early.header("Retry-After")).isEqualTo("5");
            assertThat(early.json()).containsKey("errors");

            build.countDown();
            while (!server.ready()) {
                Thread.onSpinWait();
            }
            assertThat(http.get("rules/").status()).isEqualTo(200);
        }
    }

    @Test
    void aBookThatFailsCostsTheRequestAndIsAskedAgain() {
        AtomicInteger calls = new AtomicInteger();
        RuleBook book = r -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("the rule set's text is unreadable");
            }
            return PAGES;
        };
        try (DecisionServer server = DecisionServer.start(Routers.defaultRouter(), ServerSettings.defaults().withPort(0),
                book)) {
            Http http = new Http(server.uri());
            Http.Answer failed = http.get("rules/");
            assertThat(failed.status()).isEqualTo(500);
            assertThat(failed.body()).contains("internal error of the server").doesNotContain("IllegalStateException")
                    .doesNotContain("unreadable");
            assertThat(http.get("rules/").status()).isEqualTo(200);
            assertThat(http.get("v1/version").status()).isEqualTo(200);
            assertThat(calls).hasValue(2);
        }
    }

    @Test
    void aBookWithAFileNameThatCannotBeServedIsAFailureOfTheServer() {
        try (DecisionServer server = DecisionServer.start(Routers.defaultRouter(), ServerSettings.defaults().withPort(0),
                r -> Map.of("index.html", "ok", "../escape.html", "no"))) {
            assertThat(new Http(server.uri()).get("rules/").status()).isEqualTo(500);
        }
    }
}
