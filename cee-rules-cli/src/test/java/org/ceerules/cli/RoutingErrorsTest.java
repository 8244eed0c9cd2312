package org.ceerules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ceerules.api.HtsNumber;
import org.ceerules.api.IndustryScope;
import org.ceerules.api.KnowledgeBaseRule;
import org.ceerules.api.Router;
import org.ceerules.api.RoutingRequest;
import org.ceerules.api.RoutingResult;
import org.ceerules.api.Routers;
import org.ceerules.testing.Requests;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A router that throws an {@link Error} for one request: a recoverable one (a rule set whose DRL
 * function recurses without end: {@link StackOverflowError}) costs that request only, an error
 * object in place and exit status 2 at the end; one that leaves the JVM unusable ({@link
 * OutOfMemoryError}, {@link InternalError}) ends the run with one line on standard error and exit
 * status 2, never a stack trace, never status 1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoutingErrorsTest {

    /** The entry type whose requests trigger the failure; the others route. */
    private static final String FAILING_TYPE = "11";
    private static final int COUNT = 9;
    private static final int FAILING = 4;

    /** An extra rule that calls a function recursing without end, for entry type 11 only. */
    private static final String RECURSION_DRL = """
            package org.ceerules.rules.drl;

            import org.ceerules.drools.facts.Entry;

            function int forever(int n) {
                return forever(n + 1) + 1;
            }

            // test: a rule whose function recurses without end, for one entry type only
            rule "test: entry type 11 recurses without end"
                @cite("tpd-2013", "Drawback")
                salience 300
            when
                Entry( entryType == "11" )
            then
                forever(0);
            end
            """;

    private Path rules;

    @BeforeAll
    void exportARuleSetWithARecursiveRule(@TempDir Path temp) throws IOException {
        rules = temp.resolve("recursive-rules");
        CliRun export = CliRun.real("", "export-rules", rules.toString());
        assertThat(export.status()).isZero();
        Files.writeString(rules.resolve("drl/recursion.drl"), RECURSION_DRL);
    }

    /** {@value #COUNT} valid requests, the {@value #FAILING}th (from 0) of entry type 11. */
    private static String batch() {
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < COUNT; i++) {
            input.append(i == FAILING ? Requests.with("entrySummary.entryType", "\"" + FAILING_TYPE + "\"")
                    : Requests.VALID).append('\n');
        }
        return input.toString();
    }

    private static void assertInPlace(CliRun run, String error) {
        assertThat(run.status()).isEqualTo(ExitStatus.FAILED);
        List<Map<String, Object>> lines = run.lines();
        assertThat(lines).hasSize(COUNT);
        for (int i = 0; i < COUNT; i++) {
            if (i == FAILING) {
                assertThat(lines.get(i)).as("line %d", i).containsOnlyKeys("errors");
                assertThat(lines.get(i).toString()).contains("field=$").contains("internal error of the router")
                        .contains(error);
            } else {
                assertThat(lines.get(i)).as("line %d", i).containsEntry("entryNumber", "345-6789012-3");
            }
        }
        assertThat(run.err().lines()).singleElement().asString().contains(error).contains("345-6789012-3");
    }

    @Test
    void aRuleSetThatOverflowsTheStackForOneRequestCostsThatRequestOnly() {
        assertInPlace(CliRun.real(batch(), "route", "--rules", rules.toString()), "StackOverflowError");
    }

    @Test
    void explainToo() {
        CliRun run = CliRun.real(batch(), "explain", "--rules", rules.toString());
        assertInPlace(run, "StackOverflowError");
        assertThat(run.lines().get(0)).containsKey("firedRules");
    }

    @Test
    void anyRecoverableErrorOfTheRouterCostsItsRequestOnly() {
        assertInPlace(CliRun.run(() -> new FailingRouter(new AssertionError("a broken invariant")), batch(), "route"),
                "AssertionError: a broken invariant");
        assertInPlace(CliRun.run(() -> new FailingRouter(new NoClassDefFoundError("org/example/Gone")), batch(),
                "route"), "NoClassDefFoundError: org/example/Gone");
    }

    @Test
    void anErrorThatLeavesTheJvmUnusableEndsTheRunWithOneLineAndStatus2() {
        for (Error fatal : List.of(new OutOfMemoryError("Java heap space"), new InternalError("broken JVM"))) {
            for (String command : List.of("route", "explain")) {
                CliRun run = CliRun.run(() -> new FailingRouter(fatal), batch(), command);
                assertThat(run.status()).as(command + " " + fatal).isEqualTo(ExitStatus.FAILED);
                assertThat(run.err().lines()).as(command + " " + fatal).singleElement().asString()
                        .startsWith("cee-rules: ").contains(fatal.getClass().getSimpleName())
                        .contains(fatal.getMessage());
                // whatever was written is whole lines, all before the failing request
                assertThat(run.out()).satisfiesAnyOf(out -> assertThat(out).isEmpty(),
                        out -> assertThat(out).endsWith("\n"));
                assertThat(run.lines()).hasSizeLessThanOrEqualTo(FAILING)
                        .allSatisfy(l -> assertThat(l).containsEntry("entryNumber", "345-6789012-3"));
            }
        }
    }

    /** The embedded router, but every request of entry type 11 throws {@code failure}. */
    private record FailingRouter(Error failure) implements Router {
        private static final Router ROUTER = Routers.defaultRouter();

        private RoutingRequest checked(RoutingRequest request) {
            if (request.entrySummary().entryType().equals(FAILING_TYPE)) {
                throw failure;
            }
            return request;
        }

        @Override
        public RoutingResult route(RoutingRequest request) {
            return ROUTER.route(checked(request));
        }

        @Override
        public RoutingResult explain(RoutingRequest request) {
            return ROUTER.explain(checked(request));
        }

        @Override
        public String rulesVersion() {
            return ROUTER.rulesVersion();
        }

        @Override
        public Optional<IndustryScope> industryScope(HtsNumber hts, LocalDate asOf) {
            return ROUTER.industryScope(hts, asOf);
        }

        @Override
        public List<KnowledgeBaseRule> rules() {
            return ROUTER.rules();
        }
    }
}
