package org.ceerules.drools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.ceerules.api.Center;
import org.ceerules.api.RoutingDecision;
import org.ceerules.api.RoutingRequest;
import org.ceerules.api.RoutingResult;
import org.ceerules.drools.facts.Facts;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;

/**
 * The embedded rules as the build compiled them (kie-maven-plugin, loaded by {@link
 * PrecompiledRules}): the same knowledge base as the DRL compiled at start, found without
 * kmodule.xml. Pins the Drools classes the adapter relies on, so that an upgrade that changes
 * them fails here.
 */
class PrecompiledRulesTest {

    /** The embedded files, without the build's compiled rules: the DRL is compiled at start. */
    private static final RuleSetFiles DRL_ONLY = new RuleSetFiles() {
        private final RuleSetFiles embedded = RuleSetFiles.embedded();

        @Override
        String describe() {
            return embedded.describe();
        }

        @Override
        Optional<List<String>> list() {
            return embedded.list();
        }

        @Override
        Optional<String> read(String path) {
            return embedded.read(path);
        }
    };

    @Test
    void theBuildListsItsCompiledModelsAndTheyLoad() {
        ClassLoader loader = PrecompiledRulesTest.class.getClassLoader();
        assertThat(PrecompiledRules.modelClasses(loader)).hasValueSatisfying(names -> assertThat(names)
                .isNotEmpty().allSatisfy(name -> assertThat(name).startsWith("org.ceerules.rules.drl.Rules")));
        assertThat(PrecompiledRules.load(loader)).isPresent();
        assertThat(RuleSetFiles.embedded().precompiled()).as("the embedded rule set uses them").isPresent();
        assertThat(RuleSetFiles.directory(java.nio.file.Path.of(".")).precompiled())
                .as("a directory's rules are compiled at start, unless its DRL is the embedded DRL "
                        + "(PrecompiledMatchTest)").isEmpty();
    }

    @Test
    void withoutTheListThereIsNothingToLoad() {
        ClassLoader empty = new ClassLoader(null) {
        };
        assertThat(PrecompiledRules.modelClasses(empty)).isEmpty();
        assertThat(PrecompiledRules.load(empty)).isEmpty();
    }

    @Test
    void theCompiledRulesAreTheRulesOfTheDrlWithTheirSalienceAndMetadata() {
        KieBase precompiled = RuleSetFiles.embedded().precompiled().orElseThrow();
        KieBase compiledAtStart = RuleSet.load(DRL_ONLY).kieBase();
        assertThat(describe(precompiled)).isEqualTo(describe(compiledAtStart)).hasSize(
                EmbeddedRouter.ROUTER.ruleSet().rules().size());
    }

    @Test
    void bothRouteAndExplainAlike() {
        DroolsRouter precompiled = EmbeddedRouter.ROUTER;
        DroolsRouter compiledAtStart = new DroolsRouter(RuleSet.load(DRL_ONLY));
        List<RoutingRequest> requests = List.of(Requests.participant().build(), Requests.participant().type("02").build(),
                Requests.participant().type("45").build(), Requests.participant().port("5101").build(),
                Requests.assigned(Center.BASE_METALS).on("2018-02-20").build(), Requests.unassigned().build(),
                Requests.participant().type("03").filed("2014-01-10").asOf("2014-05-01").build());
        for (RoutingRequest request : requests) {
            assertThat(precompiled.route(request)).isEqualTo(compiledAtStart.route(request));
            RoutingDecision a = ((RoutingResult.Routed) precompiled.explain(request)).decision();
            RoutingDecision b = ((RoutingResult.Routed) compiledAtStart.explain(request)).decision();
            assertThat(a.routes()).isEqualTo(b.routes());
            // rules of one layer (equal salience) fire in the engine's order, which may differ
            // between the two builds; the rules that fired, and what each decided, do not
            assertThat(a.firedRules()).containsExactlyInAnyOrderElementsOf(b.firedRules());
        }
    }

    /** Every rule by name: its salience, metadata and precedence (as the rules read them). */
    private static Map<String, String> describe(KieBase base) {
        Map<String, String> rules = new TreeMap<>();
        base.getKiePackages().forEach(pkg -> pkg.getRules().forEach(rule -> rules.put(rule.getName(),
                ((RuleImpl) rule).getSalienceValue() + " "
                        + new TreeMap<>(rule.getMetaData()).toString().replace("\"", "") + " " + Facts.precedence(rule))));
        return rules;
    }
}
