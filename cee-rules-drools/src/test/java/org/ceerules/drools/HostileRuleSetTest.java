package org.ceerules.drools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.ceerules.api.KnowledgeBaseProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.definition.rule.Rule;

/**
 * Rule sets written by a careless or hostile hand: each mistake is a problem of the rule set, named
 * with its file and line, never a crash and never a silent change of routing.
 */
class HostileRuleSetTest {

    @TempDir
    Path dir;



    /** Writes {@code bytes} into the file just before the first occurrence of {@code before}. */
    private static void insertBytes(RuleSetCopy copy, String file, String before, byte... bytes) {
        String text = copy.read(file);
        int at = text.indexOf(before);
        assertThat(at).isNotNegative();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bytes);
        out.writeBytes(text.substring(at).getBytes(StandardCharsets.UTF_8));
        write(copy.root().resolve(file), out.toByteArray());
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> compiledRules(DroolsRouter router) {
        return router.ruleSet().kieBase().getKiePackages().stream().flatMap(p -> p.getRules().stream())
                .map(Rule::getName).collect(Collectors.toSet());
    }

    // B7
    @Test
    void aColumnNamedTwiceInTheHeaderIsAProblemAtTheHeaderLine() {
        RuleSetCopy copy = RuleSetCopy.of(dir).replace(ReferenceData.REGIMES, "regime,from,to,status,source,note",
                "regime,from,to,status,source,source");
        int header = copy.lineOf(ReferenceData.REGIMES, "regime,from,to,status,source,source");
        assertThat(copy.problems()).contains(new KnowledgeBaseProblem(ReferenceData.REGIMES, header,
                "column source appears twice in the header"));
    }

    // B9
    @Test
    void aLatin1ByteIsAProblemAtItsLineReportedWithEveryOtherProblem() {
        RuleSetCopy copy = RuleSetCopy.of(dir)
                .replace(ReferenceData.CENTER_TIMELINE, "006,2012-10-01", "006,2012-09-31");
        int csvLine = copy.lineOf(ReferenceData.REGIMES, "REGULATORY,2017-01-19");
        insertBytes(copy, ReferenceData.REGIMES, "REGULATORY,2017-01-19", (byte) '#', (byte) 0xE9, (byte) '\n');
        int drlLine = copy.lineOf("drl/routing.drl", "// Requests for Information");
        insertBytes(copy, "drl/routing.drl", "Requests for Information", (byte) 'R', (byte) 0xE9, (byte) 's');

        List<KnowledgeBaseProblem> problems = copy.problems();
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(ReferenceData.REGIMES);
            assertThat(p.line()).isEqualTo(csvLine);
            assertThat(p.message()).startsWith("not UTF-8").contains("0xE9");
        });
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("drl/routing.drl");
            assertThat(p.line()).isEqualTo(drlLine);
            assertThat(p.message()).startsWith("not UTF-8").contains("0xE9");
        });
        assertThat(problems).as("reported with the other problems").anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(ReferenceData.CENTER_TIMELINE);
            assertThat(p.message()).contains("opened must be a date");
        });
    }

    // B10
    @Test
    void drlFilesWhosePathsFlattenAlikeAreBothCompiled() {
        RuleSetCopy copy = RuleSetCopy.of(dir);
        String rule = "package org.ceerules.rules.drl;\n\nrule \"%s\"\n    @cite(\"tpd-2013\", "
                + "\"Participating Account Responsibilities\")\nwhen\nthen\nend\n";
        write(copy.root().resolve("drl/extra.drl"), rule.formatted("extra in drl/").getBytes(StandardCharsets.UTF_8));
        write(copy.root().resolve("drl-extra.drl"), rule.formatted("extra at the root").getBytes(StandardCharsets.UTF_8));

        DroolsRouter router = DroolsRouter.fromDirectory(copy.root());
        assertThat(compiledRules(router)).contains("extra in drl/", "extra at the root");
        assertThat(router.route(Requests.participant().build()))
                .isEqualTo(EmbeddedRouter.ROUTER.route(Requests.participant().build()));
    }

    // B10: a rule the texts show that the knowledge base lacks
    @Test
    void aRuleOfTheTextsThatIsNotCompiledIsAProblemAtItsLine() {
        RuleSetCopy copy = RuleSetCopy.of(dir).append("drl/routing.drl", "\n/*\nrule \"commented out\"\n"
                + "    @cite(\"tpd-2013\", \"Participating Account Responsibilities\")\nwhen\nthen\nend\n*/\n");
        int line = copy.lineOf("drl/routing.drl", "rule \"commented out\"");
        assertThat(copy.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("drl/routing.drl");
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.message()).contains("\"commented out\"").contains("not in the compiled knowledge base");
        });
    }

    // B11
    @Test
    void aLeadingByteOrderMarkIsDroppedFromEveryFile() {
        RuleSetCopy copy = RuleSetCopy.of(dir);
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        for (String file : List.of(RuleSet.VERSION_FILE, Bibliography.FILE, ReferenceData.REGIMES,
                ReferenceData.CENTER_TIMELINE, "drl/jurisdiction.drl", "drl/routing.drl")) {
            insertBytes(copy, file, copy.read(file).substring(0, 1), bom);
        }
        DroolsRouter router = DroolsRouter.fromDirectory(copy.root());
        assertThat(router.rulesVersion()).isEqualTo(EmbeddedRouter.ROUTER.rulesVersion()).doesNotContain("\uFEFF");
        assertThat(((org.ceerules.api.RoutingResult.Routed) router.route(Requests.participant().build())).decision()
                .rulesVersion()).doesNotContain("\uFEFF");
        assertThat(router.route(Requests.participant().build()))
                .isEqualTo(EmbeddedRouter.ROUTER.route(Requests.participant().build()));
    }
}
