package org.ceerules.drools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.ceerules.api.KnowledgeBaseProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule set that loads but cannot route is refused: every trade function of a plain request, for
 * an account of no Center and of each open Center, on the last day of each regime, has one route.
 */
class RoutingProbeTest {

    private static final String ROUTING = "drl/routing.drl";
    private static final String CARGO_RELEASE_RULE = "rule \"the port of entry releases the cargo\"";

    @TempDir
    Path dir;


    /** The copy without the rule of that header: from its header to its end. */
    private static RuleSetCopy without(RuleSetCopy copy, String file, String header) {
        String text = copy.read(file);
        int start = text.indexOf(header);
        int end = text.indexOf("\nend\n", start) + "\nend\n".length();
        return copy.replace(file, text.substring(start, end), "");
    }

    @Test
    void aRuleSetWithoutTheRuleOfAFunctionIsRefused() {
        RuleSetCopy copy = without(RuleSetCopy.of(dir), ROUTING, CARGO_RELEASE_RULE);
        assertThat(copy.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("drl");
            assertThat(p.message()).startsWith("no rule routes CARGO_RELEASE: every trade function needs a rule")
                    .contains("(probe: type 01, port 2704, filed and routed on 2017-01-18, account of no Center; "
                            + "and 21 other probe(s))");
        });
    }

    @Test
    void aRuleSetRoutingAFunctionTwiceIsRefused() {
        RuleSetCopy copy = RuleSetCopy.of(dir).append(ROUTING, "\nrule \"test: a second office releases the cargo\"\n"
                + "    @cite(\"tpd-2013\", \"Release/Entry Process\")\n    salience 100\nwhen\n"
                + "    $e : Entry( regime == \"REGULATORY\", center != null )\nthen\n"
                + "    routes.add(facts.route(drools.getRule(), TradeFunction.CARGO_RELEASE, $e.getPort()));\nend\n");
        assertThat(copy.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .startsWith("more than one rule routes CARGO_RELEASE (probe: type 01, port 2704, filed and routed on ")
                .endsWith("account of Center 001; and 9 other probe(s))"));
    }

    @Test
    void aRuleSetWhoseRoutingRulesAreGoneIsRefused() {
        RuleSetCopy copy = RuleSetCopy.of(dir);
        String text = copy.read(ROUTING);
        copy.replace(ROUTING, text.substring(text.indexOf("\n// ---- functions that never move")), "\n");
        assertThat(copy.problems()).isNotEmpty();
    }
}
