package org.ceerules.drools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ceerules.api.KnowledgeBaseException;
import org.ceerules.api.KnowledgeBaseProblem;
import org.ceerules.api.RoutingRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A directory whose DRL is the embedded DRL, byte for byte and path for path, loads the knowledge
 * base the build compiled instead of compiling it again; every check of the data and of the DRL
 * text still runs; any other DRL is compiled (the loader tests, RuleSetLoadingTest and
 * HostileRuleSetTest, report what the compiler finds in changed DRL).
 */
class PrecompiledMatchTest {

    @TempDir
    Path dir;

    @Test
    void aCopyOfTheEmbeddedSetUsesTheCompiledRules() {
        RuleSetCopy copy = RuleSetCopy.of(dir);
        assertThat(RuleSetFiles.directory(copy.root()).precompiled()).isPresent();
        DroolsRouter router = DroolsRouter.fromDirectory(copy.root());
        assertThat(router.rules()).isEqualTo(EmbeddedRouter.ROUTER.rules());
        for (RoutingRequest request : List.of(Requests.participant().build(), Requests.participant().port("5101")
                .build(), Requests.unassigned().build())) {
            assertThat(router.explain(request)).isEqualTo(EmbeddedRouter.ROUTER.explain(request));
        }
    }

    @Test
    void aChangedDataFileStillUsesThemAndIsStillChecked() {
        RuleSetCopy copy = RuleSetCopy.of(dir)
                .append(ReferenceData.MEASURES, "PROTESTS_AT_ONE_CENTER,,2027-01-01,,inferred,cbp-dec-16-26,x\n")
                .append("data/hts-scope.csv", "8543,8543,011,2027-01-01,,inferred,tpd-2013,x\n");
        assertThat(RuleSetFiles.directory(copy.root()).precompiled()).isPresent();
        List<String> problems = problems(copy);
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("PROTESTS_AT_ONE_CENTER is used by no rule"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("hts-scope.csv:")
                .contains("team must be a Center's team code"));
    }

    @Test
    void drlThatDiffersInAnyWayIsCompiled() throws IOException {
        RuleSetCopy changed = RuleSetCopy.of(dir.resolve("changed")).append("drl/routing.drl", "\n// a comment\n");
        assertThat(RuleSetFiles.directory(changed.root()).precompiled()).isEmpty();

        RuleSetCopy moved = RuleSetCopy.of(dir.resolve("moved"));
        Files.createDirectories(moved.root().resolve("rules"));
        Files.move(moved.root().resolve("drl/routing.drl"), moved.root().resolve("rules/routing.drl"));
        assertThat(RuleSetFiles.directory(moved.root()).precompiled()).isEmpty();

        RuleSetCopy extra = RuleSetCopy.of(dir.resolve("extra"));
        Files.writeString(extra.root().resolve("drl/extra.drl"), "package org.ceerules.rules.drl;\n");
        assertThat(RuleSetFiles.directory(extra.root()).precompiled()).isEmpty();

        RuleSetCopy missing = RuleSetCopy.of(dir.resolve("missing")).delete("drl/drawback.drl");
        assertThat(RuleSetFiles.directory(missing.root()).precompiled()).isEmpty();

        RuleSetCopy bom = RuleSetCopy.of(dir.resolve("bom"));
        Files.writeString(bom.root().resolve("drl/routing.drl"), "\uFEFF" + bom.read("drl/routing.drl"));
        assertThat(RuleSetFiles.directory(bom.root()).precompiled()).as("byte for byte").isEmpty();

        assertThat(RuleSetFiles.directory(dir.resolve("no-such-folder")).precompiled()).isEmpty();
    }

    private static List<String> problems(RuleSetCopy copy) {
        KnowledgeBaseException e = catchThrowableOfType(KnowledgeBaseException.class,
                () -> RuleSet.load(RuleSetFiles.directory(copy.root())));
        assertThat(e).as("the rule set fails to load").isNotNull();
        return e.problems().stream().map(KnowledgeBaseProblem::toString).toList();
    }
}
