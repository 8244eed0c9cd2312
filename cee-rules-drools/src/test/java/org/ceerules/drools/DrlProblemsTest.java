package org.ceerules.drools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.ceerules.api.KnowledgeBaseProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mistake in a DRL file is one problem, {@code FILE:LINE: message}, at the line of the DRL file
 * where it is written and naming its rule: never the Java the compiler generates from the rules,
 * never a stack trace, never twice. Each test changes one line of a copy of the shipped rule set.
 */
class DrlProblemsTest {

    private static final String ROUTING = "drl/routing.drl";
    /** The condition of "test regime: Regulations and Rulings decides further review of protests". */
    private static final String CONDITION = "    Entry( regime == \"TEST\" )\nthen\n";
    private static final String RULE = "rule \"test regime: Regulations and Rulings decides further review of protests\"";
    private static final String CONSEQUENCE = "    routes.add(facts.route(drools.getRule(), TradeFunction.FURTHER_REVIEW, "
            + "new RegulationsAndRulings()));\n";

    @TempDir
    Path dir;

    /** The one problem of the copy: at the file and line of {@code text}, short, in the DRL's terms. */
    private static KnowledgeBaseProblem theProblem(RuleSetCopy copy, String file, String text) {
        return theProblem(copy, file, copy.lineOf(file, text));
    }

    /** The one problem of the copy: at the file and line, short, in the DRL's terms. */
    private static KnowledgeBaseProblem theProblem(RuleSetCopy copy, String file, int line) {
        List<KnowledgeBaseProblem> problems = copy.problems();
        assertThat(problems).as("%s", problems).hasSize(1);
        KnowledgeBaseProblem problem = problems.get(0);
        assertThat(problem.file()).isEqualTo(file);
        assertThat(problem.line()).as("%s", problem).isEqualTo(line);
        assertThat(problem.message()).as("%s", problem).hasSizeLessThanOrEqualTo(DrlMessages.MAX_LENGTH)
                .doesNotContain("RuleMethods", "java", "Lambda", "GENERATED", "\n", "\tat ", "Exception");
        assertThat(problem.toString()).startsWith(file + ":" + problem.line() + ": ");
        return problem;
    }


    private RuleSetCopy withCondition(String condition) {
        return RuleSetCopy.of(dir).replace(ROUTING, CONDITION, "    " + condition + "\nthen\n");
    }

    private RuleSetCopy withConsequence(String consequence) {
        return RuleSetCopy.of(dir).replace(ROUTING, CONSEQUENCE, "    " + consequence + "\n");
    }

    @Test
    void aMisspeltFieldIsNamedAtItsLine() {
        RuleSetCopy copy = withCondition("Entry( regime == \"TEST\", entryTyp == \"01\" )");
        assertThat(theProblem(copy, ROUTING, "entryTyp == \"01\"").message())
                .startsWith("rule \"test regime: Regulations and Rulings decides further review of protests\": ")
                .contains("entryTyp");
    }

    @Test
    void aNestedPropertyOfAnotherTypeIsNamedAtItsLine() {
        // port.code is an Optional<String>: the compiler fails on the Java it generates from the rule
        RuleSetCopy copy = withCondition("Entry( regime == \"TEST\", port.code == \"4601\" )");
        assertThat(theProblem(copy, ROUTING, "port.code == \"4601\"").message())
                .contains("test regime: Regulations and Rulings decides further review of protests")
                .contains("Optional").contains("String");
    }

    @Test
    void aNestedUnknownFieldIsNamedAtItsLine() {
        RuleSetCopy copy = withCondition("Entry( regime == \"TEST\", port.nowhere == \"4601\" )");
        assertThat(theProblem(copy, ROUTING, "port.nowhere").message()).contains("nowhere").contains("PortOfEntry");
    }

    @Test
    void aValueOfTheWrongTypeIsNamedAtItsLine() {
        RuleSetCopy copy = withCondition("Entry( regime == \"TEST\",\n            adcvdLine == \"yes\" )");
        assertThat(theProblem(copy, ROUTING, "adcvdLine == \"yes\"").message()).contains("yes").contains("boolean");
    }

    @Test
    void aComparisonOfTwoTypesIsNamedAtItsLine() {
        RuleSetCopy copy = withCondition("Entry( regime == \"TEST\",\n            entryDate == 5 )");
        assertThat(theProblem(copy, ROUTING, "entryDate == 5").message()).contains("LocalDate").contains("int");
    }

    @Test
    void anUnknownFactTypeIsNamedAtItsLine() {
        RuleSetCopy copy = withCondition("NoSuchFact( regime == \"TEST\" )");
        assertThat(theProblem(copy, ROUTING, "NoSuchFact(").message()).contains("NoSuchFact");
    }

    @Test
    void aMissingThenIsNamedAtTheEndOfItsRule() {
        RuleSetCopy copy = RuleSetCopy.of(dir).replace(ROUTING, CONDITION, "    Entry( regime == \"TEST\" )\n");
        // the rule: its header, @cite, salience, when, the condition, the consequence, end
        int end = copy.lineOf(ROUTING, RULE) + 6;
        assertThat(copy.read(ROUTING).lines().toList().get(end - 1)).isEqualTo("end");
        assertThat(theProblem(copy, ROUTING, end).message()).contains("no \"then\" before \"end\"");
    }

    @Test
    void anUnclosedParenthesisOfAConditionIsNamedAtItsLine() {
        RuleSetCopy copy = withCondition("Entry( regime == \"TEST\"");
        assertThat(theProblem(copy, ROUTING, "Entry( regime == \"TEST\"\n".strip()).message())
                .contains("\"(\" is not closed");
    }

    @Test
    void anUnclosedParenthesisOfAConsequenceIsNamedAtItsLineWithoutAStackTrace() {
        RuleSetCopy copy = withConsequence("routes.add((facts.route(drools.getRule(), TradeFunction.FURTHER_REVIEW, "
                + "new RegulationsAndRulings()));");
        assertThat(theProblem(copy, ROUTING, "routes.add((facts.route").message()).contains("\"(\" is not closed");
    }

    @Test
    void aGrammarErrorIsOneProblemAtItsLineAndColumn() {
        RuleSetCopy copy = withCondition("Entry( regime == == \"TEST\" )");
        assertThat(theProblem(copy, ROUTING, "regime == ==").message()).contains("'=='").contains("column 22")
                .doesNotContain("[ERR").doesNotContain("null Package").doesNotContain("Line ");
    }

    @Test
    void aConsequenceThatIsNotJavaIsOneProblemAtItsLineWithoutAStackTrace() {
        RuleSetCopy copy = withConsequence("\n    // the comma after the rule is missing\n"
                + "    routes.add(facts.route(drools.getRule() TradeFunction.FURTHER_REVIEW,\n"
                + "            new RegulationsAndRulings()));");
        assertThat(theProblem(copy, ROUTING, "drools.getRule() TradeFunction").message())
                .contains("the consequence does not parse").contains("TradeFunction").doesNotContain("expected one of");
    }

    @Test
    void anUnknownMethodOfAConsequenceIsNamedAtItsLine() {
        RuleSetCopy copy = withConsequence("routes.add(facts.route(drools.getRule(), TradeFunction.FURTHER_REVIEW,\n"
                + "            new RegulationsAndRulings().nowhere()));");
        assertThat(theProblem(copy, ROUTING, "nowhere()").message())
                .contains("test regime: Regulations and Rulings decides further review of protests")
                .contains("nowhere");
    }

    @Test
    void anArgumentOfTheWrongTypeInAConsequenceIsNamedAtItsLine() {
        RuleSetCopy copy = withConsequence(
                "routes.add(facts.route(drools.getRule(), TradeFunction.FURTHER_REVIEW, 5));");
        assertThat(theProblem(copy, ROUTING, "TradeFunction.FURTHER_REVIEW, 5)").message()).contains("route");
    }

    @Test
    void aMistakeInAFunctionIsNamedAtItsLine() {
        RuleSetCopy copy = RuleSetCopy.of(dir).replace(ROUTING, "global org.ceerules.drools.facts.Routes routes;\n",
                "global org.ceerules.drools.facts.Routes routes;\n\nfunction int twice(int n) {\n"
                        + "    return n * undefinedFactor;\n}\n");
        assertThat(theProblem(copy, ROUTING, "undefinedFactor").message()).startsWith("function \"twice\": ")
                .contains("undefinedFactor");
    }
}
