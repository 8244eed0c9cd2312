package org.ceerules.drools.golden;

import org.ceerules.testing.CaseFolders;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.ceerules.api.KnowledgeBaseRule;
import org.ceerules.api.Router;
import org.ceerules.api.Routers;
import org.junit.jupiter.api.Test;
import org.ceerules.testkit.CaseReport;
import org.ceerules.testkit.CaseRunner;

/**
 * Rule coverage of the shipped knowledge base: every rule must fire for at least one case of the
 * project (its own cases and its snapshot of the shared ones). A rule added without a case, or a
 * rule no case reaches any more, fails the build here, naming the rule, its file and line.
 */
class ShippedRuleCoverageTest {

    @Test
    void everyRuleOfTheShippedKnowledgeBaseFiresForSomeCase() throws IOException {
        Router router = Routers.defaultRouter();
        Set<String> fired = new TreeSet<>();
        for (Path dir : List.of(CaseFolders.snapshot(), CaseFolders.project())) {
            CaseReport report = CaseRunner.run(dir, router);
            assertThat(report.failed()).as("failing cases in %s", dir).isZero();
            fired.addAll(report.firedRules());
        }
        List<KnowledgeBaseRule> never = router.rules().stream().filter(r -> !fired.contains(r.name())).toList();
        assertThat(never).as("rules that fire for no case: add a case for each").isEmpty();
        assertThat(router.rules()).hasSizeGreaterThan(30);
    }
}
