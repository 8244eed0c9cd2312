package org.ceerules.drools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ceerules.api.KnowledgeBaseProblem;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The guard: what a rule set's DRL may not do is refused, at its file and line, before any DRL is
 * compiled or run.
 */
class DrlGuardTest {

    private static final String ROUTING = "drl/routing.drl";
    private static final String IMPORTS = "import java.util.List;\n";
    private static final String GLOBALS = "global org.ceerules.drools.facts.Routes routes;\n";

    /** A rule appended to the rules of routing.drl: cited, of the routing layer. */
    private static String rule(String name, String conditions, String consequence) {
        return "\nrule \"" + name + "\"\n    @cite(\"tpd-2013\", \"Background\")\n    salience 100\nwhen\n" + conditions
                + "then\n" + consequence + "end\n";
    }



    @Nested
    class ARuleSetFromElsewhere {

        @TempDir
        Path dir;

        @Test
        void aConditionWithASideEffectIsRefusedAndNeverEvaluated() {
            String key = "cee.test.side-effect." + UUID.randomUUID();
            RuleSetCopy copy = RuleSetCopy.of(dir).append(ROUTING, rule("test: a condition with a side effect",
                    "    Entry()\n    eval( org.ceerules.drools.SideEffect.mark(\"" + key + "\") )\n", ""));
            try {
                assertThat(copy.problems()).singleElement().satisfies(p -> {
                    assertThat(p.file()).isEqualTo(ROUTING);
                    assertThat(p.line()).isEqualTo(copy.lineOf(ROUTING, "eval( org.ceerules"));
                    assertThat(p.message()).contains("test: a condition with a side effect").contains("eval(");
                });
                assertThat(System.getProperty(key)).as("the condition was evaluated").isNull();
            } finally {
                System.clearProperty(key);
            }
        }

        @Test
        void systemExitInAConsequenceIsRefusedAndNothingIsCompiled() {
            // the condition's field does not exist: compiled, it would be a second problem
            RuleSetCopy copy = RuleSetCopy.of(dir).append(ROUTING, rule("test: the consequence ends the JVM",
                    "    Entry( entryTypo == \"never\" )\n", "    System.exit(0);\n"));
            assertThat(copy.problems()).singleElement().satisfies(p -> {
                assertThat(p.file()).isEqualTo(ROUTING);
                assertThat(p.line()).isEqualTo(copy.lineOf(ROUTING, "System.exit(0);"));
                assertThat(p.message()).contains("\"System\"");
            });
        }

        @Test
        void anImportOfJavaIoIsRefused() {
            RuleSetCopy copy = RuleSetCopy.of(dir).replace(ROUTING, IMPORTS, IMPORTS + "import java.io.File;\n");
            assertThat(copy.problems()).singleElement().satisfies(p -> {
                assertThat(p.file()).isEqualTo(ROUTING);
                assertThat(p.line()).isEqualTo(copy.lineOf(ROUTING, "import java.io.File;"));
                assertThat(p.message()).startsWith("import of java.io.File is not allowed");
            });
        }

        @Test
        void aFunctionCallingTheRuntimeIsRefused() {
            RuleSetCopy copy = RuleSetCopy.of(dir).replace(ROUTING, GLOBALS, GLOBALS
                    + "\nfunction void touch(int n) {\n    Runtime.getRuntime().exec(\"touch /tmp/x\" + n);\n}\n");
            assertThat(copy.problems()).singleElement().satisfies(p -> {
                assertThat(p.file()).isEqualTo(ROUTING);
                assertThat(p.line()).isEqualTo(copy.lineOf(ROUTING, "Runtime.getRuntime()"));
                assertThat(p.message()).contains("\"Runtime\"");
            });
        }

        @Test
        void theGuardsProblemsAreReportedWithTheDataFilesProblems() {
            RuleSetCopy copy = RuleSetCopy.of(dir)
                    .replace(ReferenceData.CENTER_TIMELINE, "006,2012-10-01", "006,2012-09-31")
                    .replace(ROUTING, IMPORTS, IMPORTS + "import java.nio.file.Files;\n");
            assertThat(copy.problems()).extracting(KnowledgeBaseProblem::file)
                    .containsExactly(ReferenceData.CENTER_TIMELINE, ROUTING);
        }
    }

    /** The guard on one file's text. */
    private static List<KnowledgeBaseProblem> check(String text) {
        return DrlGuard.check(Map.of("drl/x.drl", text));
    }

    private static String inRule(String conditions, String consequence) {
        return "package org.ceerules.rules.drl;\n\nimport org.ceerules.drools.facts.Entry;\n"
                + rule("x", conditions, consequence);
    }

    @Nested
    class OnTheText {

        @Test
        void theShippedKindOfRuleIsAllowed() {
            assertThat(check("package org.ceerules.rules.drl;\n\nimport java.util.List;\n"
                    + "import org.ceerules.api.TradeFunction;\nimport org.ceerules.drools.facts.*;\n"
                    + "global org.ceerules.drools.facts.Facts facts;\n"
                    + rule("x", "    $e : Entry( regime == \"TEST\", portTraits not contains \"USVI\" )\n"
                            + "    $f : TradeFunction( this in (TradeFunction.LIQUIDATION) ) from Facts.functions()\n",
                    "    insert(facts.exception(drools.getRule(), Disposition.PORT, \"ALL\", $e.getTypeBasis()));\n"
                            + "    List<Decided> none = List.of();\n"))).isEmpty();
        }

        @Test
        void commentsAndStringsAreNotCode() {
            assertThat(check(inRule("    Entry( entryType == \"System.exit(0)\" ) // Runtime.getRuntime()\n",
                    "    /* java.io.File, eval(x) */\n"))).isEmpty();
        }

        @Test
        void functionsAndDeclaredTypesAreAllowed() {
            assertThat(check("package org.ceerules.rules.drl;\n\ndeclare Marker\n    weight : int\nend\n\n"
                    + "function int twice(int n) {\n    return 2 * n;\n}\n"
                    + rule("x", "    Marker( weight > 1 )\n", "    twice(1);\n"))).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "Thread.sleep(1);", "new ProcessBuilder(\"sh\").start();", "Class.forName(\"x\");",
            "$e.getClass().getClassLoader();", "java.nio.file.Files.delete(null);", "java.lang.Runtime.getRuntime();",
            "new java.net.URL(\"https://example.org\");", "Object o = Entry.class;",
            "java.lang.reflect.Array.get(null, 0);", "kcontext.getKieRuntime();", "drools.getKieRuntime().halt();",
            "org.ceerules.drools.SideEffect.mark(\"x\");",
            "Math.abs(1);", "String.valueOf(1);", "$e.class.classLoader;", "exit(0);", "halt();",
            "get\u200BClass();"})
        void aConsequenceReachingOutsideTheFactsIsRefused(String statement) {
            List<KnowledgeBaseProblem> problems = check(inRule("    $e : Entry()\n", "    " + statement + "\n"));
            assertThat(problems).as(statement).singleElement().satisfies(p -> {
                assertThat(p.line()).isEqualTo(11);
                assertThat(p.message()).startsWith("rule \"x\": ").contains("not allowed");
            });
        }

        @Test
        void evalIsRefused() {
            assertThat(check(inRule("    $e : Entry()\n    eval( $e.getAsOf() != null )\n", "")))
                    .singleElement().satisfies(p -> {
                        assertThat(p.line()).isEqualTo(10);
                        assertThat(p.message()).contains("eval(");
                    });
        }

        @ParameterizedTest
        @ValueSource(strings = {"import java.io.File;", "import static java.lang.System.exit;",
            "import function java.lang.System.exit;", "import org.ceerules.api.*;",
            "import org.ceerules.drools.RuleSetFiles;",
            "import accumulate org.example.Sum sum;", "import java.util.Map;"})
        void anImportOutsideTheAllowedClassesIsRefused(String statement) {
            assertThat(check("package org.ceerules.rules.drl;\n" + statement + "\n")).as(statement).singleElement()
                    .satisfies(p -> {
                        assertThat(p.line()).isEqualTo(2);
                        assertThat(p.message()).contains("import").contains("not allowed");
                    });
        }

        @Test
        void aPackageOutsideTheRulesIsRefused() {
            assertThat(check("package org.ceerules.drools;\n")).singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("package org.ceerules.drools is not allowed"));
        }

        @Test
        void theMvelDialectIsRefused() {
            assertThat(check("package org.ceerules.rules.drl;\ndialect \"mvel\"\n")).singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("dialect"));
        }

        @Test
        void aUnicodeEscapeIsRefusedEvenInAComment() {
            // the compiler reads the escape of a line break as one: the call would leave the comment
            assertThat(check(inRule("    $e : Entry()\n", "    // \\u000a System.exit(0);\n"))).singleElement()
                    .satisfies(p -> {
                        assertThat(p.line()).isEqualTo(11);
                        assertThat(p.message()).contains("Unicode escape");
                    });
        }
    }
}
