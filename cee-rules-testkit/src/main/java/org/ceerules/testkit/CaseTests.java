package org.ceerules.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ceerules.api.KnowledgeBaseRule;
import org.ceerules.api.Router;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

/**
 * A rule author's cases as JUnit 5 dynamic tests, so that a Maven build runs them:
 *
 * <pre>
 * &#64;TestFactory
 * Stream&lt;DynamicNode&gt; cases() {
 *     return CaseTests.of(Path.of("src/test/cases"), Routers.fromDirectory(Path.of("rules")), true);
 * }
 * </pre>
 *
 * <p>One test per case, named after it and linked to its file; a failing case fails with every
 * difference. With coverage required, a last test fails naming each rule of the knowledge base
 * that no case made fire. Needs {@code junit-jupiter-api} on the class path (the caller's test
 * scope); the command line does not use this class.
 *
 * <p>Stateless and thread-safe; each returned stream is for one run.
 *
 * @since 0.1
 */
public final class CaseTests {

    private CaseTests() {
    }

    /**
     * @param dir             the folder of the cases (sub-folders included)
     * @param router          the router to check
     * @param requireCoverage whether to add a last test that fails if a rule never fired
     * @return the tests, in case order
     * @throws UncheckedIOException if the folder cannot be listed
     */
    public static Stream<DynamicNode> of(Path dir, Router router, boolean requireCoverage) {
        List<RoutingCase> cases;
        try {
            cases = RoutingCase.load(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the cases in " + dir, e);
        }
        Set<String> fired = new ConcurrentSkipListSet<>();
        Stream<DynamicNode> tests = cases.stream().map(routingCase -> DynamicTest.dynamicTest(routingCase.name(),
                routingCase.file().toUri(), () -> {
                    CaseRunner.Result result = CaseRunner.run(routingCase, router);
                    fired.addAll(result.fired());
                    if (!result.outcome().passed()) {
                        throw new AssertionFailedError(routingCase.file() + ":\n  "
                                + String.join("\n  ", result.outcome().differences()));
                    }
                }));
        if (!requireCoverage) {
            return tests;
        }
        DynamicTest coverage = DynamicTest.dynamicTest("every rule fired for some case", () -> {
            List<KnowledgeBaseRule> never = router.rules().stream().filter(r -> !fired.contains(r.name())).toList();
            if (!never.isEmpty()) {
                throw new AssertionFailedError(never.size() + " rule(s) fired for no case in " + dir + ":\n  "
                        + never.stream().map(KnowledgeBaseRule::toString).collect(Collectors.joining("\n  ")));
            }
        });
        return Stream.concat(tests, Stream.of(coverage));
    }
}
