package org.ceerules.drools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.ceerules.api.KnowledgeBaseException;
import org.ceerules.api.KnowledgeBaseProblem;
import org.ceerules.api.RoutingResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading a rule set: every bad row and rule is reported, with its file and line, in one failure. */
class RuleSetLoadingTest {

    @TempDir
    Path dir;

    @Test
    void anUnchangedCopyLoadsAndRoutesLikeTheEmbeddedSet() {
        DroolsRouter router = DroolsRouter.fromDirectory(RuleSetCopy.of(dir).root());
        RoutingResult fromCopy = router.route(Requests.participant().build());
        assertThat(fromCopy).isEqualTo(EmbeddedRouter.ROUTER.route(Requests.participant().build()));
        assertThat(router.rulesVersion()).isEqualTo(EmbeddedRouter.ROUTER.rulesVersion());
    }

    @Test
    void theManifestListsEveryFileOfTheEmbeddedFolderAndNoOther() throws IOException {
        Path folder = Path.of("src/main/resources", RuleSetFiles.EMBEDDED_ROOT);
        try (Stream<Path> files = Files.walk(folder)) {
            List<String> present = files.filter(Files::isRegularFile)
                    .map(p -> folder.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals(RuleSetFiles.MANIFEST))
                    .sorted().toList();
            assertThat(RuleSetFiles.embedded().list().orElseThrow()).containsExactlyElementsOf(present);
        }
    }

    @Test
    void aBadCenterCodeAndABadDateAreNamedWithTheirLines() {
        RuleSetCopy copy = RuleSetCopy.of(dir)
                .replace(ReferenceData.CENTER_TIMELINE, "005,2013-04-04", "011,2013-04-04")
                .replace(ReferenceData.CENTER_TIMELINE, "006,2012-10-01", "006,2012-09-31");
        List<KnowledgeBaseProblem> problems = copy.problems();
        assertThat(problems).extracting(KnowledgeBaseProblem::toString).anySatisfy(p -> assertThat(p)
                .startsWith(ReferenceData.CENTER_TIMELINE + ":").contains("team must be a Center's team code")
                .contains("011"));
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(ReferenceData.CENTER_TIMELINE);
            assertThat(p.line()).isEqualTo(copy.lineOf(ReferenceData.CENTER_TIMELINE, "2012-09-31"));
            assertThat(p.message()).contains("opened must be a date");
        });
        assertThat(problems).extracting(KnowledgeBaseProblem::message).anySatisfy(m -> assertThat(m)
                .contains("no row for team 005"));
    }

    @Test
    void overlappingAndGappedRegimesAreNamed() {
        List<KnowledgeBaseProblem> overlap = RuleSetCopy.of(dir)
                .replace(ReferenceData.REGIMES, "REGULATORY,2017-01-19", "REGULATORY,2016-01-19").problems();
        assertThat(overlap).extracting(KnowledgeBaseProblem::message).anySatisfy(m -> assertThat(m).contains("overlaps"));
    }

    @Test
    void aGapInTheRegimesIsNamed(@TempDir Path other) {
        List<KnowledgeBaseProblem> gap = RuleSetCopy.of(other)
                .replace(ReferenceData.REGIMES, "REGULATORY,2017-01-19", "REGULATORY,2017-02-19").problems();
        assertThat(gap).extracting(KnowledgeBaseProblem::message).anySatisfy(m -> assertThat(m).contains("gap"));
    }

    @Test
    void overlappingEligibilityOfOneTypeIsNamed() {
        RuleSetCopy copy = RuleSetCopy.of(dir).append(ReferenceData.CENTER_ENTRY_TYPES,
                "01,2015-01-01,2016-01-01,inferred,tpd-2013,a test row\n");
        List<KnowledgeBaseProblem> problems = copy.problems();
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(ReferenceData.CENTER_ENTRY_TYPES);
            assertThat(p.line()).isEqualTo(copy.lineOf(ReferenceData.CENTER_ENTRY_TYPES, "a test row"));
            assertThat(p.message()).contains("type 01").contains("overlaps");
        });
    }

    @Test
    void aMissingSourceABadStatusAnUnknownTypeAndAnUnusedTraitAreEachNamed() {
        RuleSetCopy copy = RuleSetCopy.of(dir)
                .replace(ReferenceData.ENTRY_TYPES, "04,Appraisement,,confirmed,\"cbp-7501-instructions, block 2\"",
                        "04,Appraisement,,confirmed,")
                .replace(ReferenceData.ENTRY_TYPES, "05,Vessel repair,,confirmed", "05,Vessel repair,,sure")
                .replace(ReferenceData.ENTRY_TYPES, "09,Reconciliation summary,RECONCILIATION",
                        "09,Reconciliation summary,RECONCILLIATION")
                .append(ReferenceData.CENTER_ENTRY_TYPES, "99,2017-01-19,,inferred,cbp-dec-16-26,no such type\n");
        List<String> messages = copy.problems().stream().map(KnowledgeBaseProblem::toString).toList();
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("entry-types.csv:").contains("source is required"));
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("status must be one of").contains("sure"));
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("RECONCILLIATION is used by no rule"));
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("center-entry-types.csv:")
                .contains("\"99\" is not an entry type"));
    }

    @Test
    void aMissingFileAndAMissingColumnAreNamed() {
        RuleSetCopy copy = RuleSetCopy.of(dir).delete(ReferenceData.PORT_EXCEPTIONS)
                .replace(ReferenceData.REGIMES, "regime,from,to,status,source,note", "regime,from,status,source,note");
        List<String> messages = copy.problems().stream().map(KnowledgeBaseProblem::toString).toList();
        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith(ReferenceData.PORT_EXCEPTIONS).contains("missing"));
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("header lacks the column to"));
    }

    @Test
    void aRuleThatDoesNotCompileIsNamedByFile() {
        RuleSetCopy copy = RuleSetCopy.of(dir).append("drl/routing.drl",
                "\nrule \"broken\"\n    @cite(\"tpd-2013\")\nwhen\n    NoSuchFact( x > 1 )\nthen\nend\n");
        assertThat(copy.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("drl/routing.drl");
            assertThat(p.message()).contains("NoSuchFact");
        });
    }

    @Test
    void aRuleWithoutCitationsIsNamedWithItsLine() {
        RuleSetCopy copy = withoutCensusRejectsCitation(RuleSetCopy.of(dir));
        assertThat(copy.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("drl/routing.drl");
            assertThat(p.line()).isEqualTo(copy.lineOf("drl/routing.drl",
                    "rule \"test regime: the Center resolves Census rejects\""));
            assertThat(p.message()).contains("cites no source");
        });
    }

    @Test
    void anUnknownSourceIdIsNamedWhereverItIsCited() {
        RuleSetCopy copy = RuleSetCopy.of(dir)
                .replace("drl/routing.drl", "@cite(\"tpd-2013\", \"Census Rejects\")", "@cite(\"tpd-2031\", \"Census Rejects\")")
                .replace(ReferenceData.REGIMES, "\"cbp-dec-16-26; fr-2023-22170\"", "\"cbp-dec-16-62; fr-2023-22170\"");
        List<KnowledgeBaseProblem> problems = copy.problems();
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("drl/routing.drl");
            assertThat(p.line()).isEqualTo(copy.lineOf("drl/routing.drl",
                    "rule \"test regime: the Center resolves Census rejects\""));
            assertThat(p.message()).contains("\"tpd-2031\", which is no source of data/sources.csv");
        });
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(ReferenceData.REGIMES);
            assertThat(p.line()).isEqualTo(copy.lineOf(ReferenceData.REGIMES, "cbp-dec-16-62"));
            assertThat(p.message()).contains("\"cbp-dec-16-62\", which is no source");
        });
    }

    @Test
    void aSourceNoRuleOrRowCitesIsNamed() {
        RuleSetCopy copy = RuleSetCopy.of(dir).append(Bibliography.FILE, "zz-unused,An unused source,CBP,2020,"
                + "\"CBP, unused\",https://www.cbp.gov/unused,official\n");
        assertThat(copy.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(Bibliography.FILE);
            assertThat(p.line()).isEqualTo(copy.lineOf(Bibliography.FILE, "zz-unused"));
            assertThat(p.message()).contains("source zz-unused is cited by no rule or data row");
        });
    }

    @Test
    void aMissingOrMalformedUrlAndABadKindAreNamed() {
        RuleSetCopy copy = RuleSetCopy.of(dir)
                .replace(Bibliography.FILE, "https://www.cbp.gov/trade/automated/news/recon", "http://www.cbp.gov/recon")
                .replace(Bibliography.FILE, "https://www.ecfr.gov/current/title-19/section-24.1,official",
                        ",official")
                .replace(Bibliography.FILE, "https://tradelawdaily.com/article/2024/09/25/cbp-to-centralize-drawback-"
                        + "functions-at-a-single-center-2409250052,secondary", "https://tradelawdaily.com/x,press");
        List<String> messages = copy.problems().stream().map(KnowledgeBaseProblem::toString).toList();
        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith(Bibliography.FILE + ":")
                .contains("url must be an https address, was \"http://www.cbp.gov/recon\""));
        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith(Bibliography.FILE + ":")
                .contains("url must be an https address, was \"\""));
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("kind must be official or secondary"));
    }

    @Test
    void aConfirmedStatusRestingOnSecondarySourcesOnlyIsNamed() {
        RuleSetCopy copy = RuleSetCopy.of(dir)
                .replace(ReferenceData.CENTER_TIMELINE, "003,2012-09-27,secondary", "003,2012-09-27,confirmed")
                .replace("drl/drawback.drl", "    @cite(\"tld-2024-09-25\")\n",
                        "    @cite(\"tld-2024-09-25\")\n    @certainty(\"confirmed\")\n");
        List<KnowledgeBaseProblem> problems = copy.problems();
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(ReferenceData.CENTER_TIMELINE);
            assertThat(p.message()).contains("confirmed needs an official source");
        });
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("drl/drawback.drl");
            assertThat(p.message()).contains("rule \"from 2024-10-01").contains("confirmed needs an official source");
        });
    }

    @Test
    void aPortListMemberThatIsNoPortNameIsNamed() {
        RuleSetCopy copy = RuleSetCopy.of(dir)
                .replace(ReferenceData.PORT_LISTS, "six-centers-2016-03-23,Port Huron,", "six-centers-2016-03-23,Port Hueron,")
                .replace(ReferenceData.DELEGATIONS, "004,apparel-2015-12-16,", "004,apparel-2015-12-61,");
        List<String> messages = copy.problems().stream().map(KnowledgeBaseProblem::toString).toList();
        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith(ReferenceData.PORT_LISTS + ":")
                .contains("\"Port Hueron\" is no port name"));
        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith(ReferenceData.DELEGATIONS + ":")
                .contains("\"apparel-2015-12-61\" is no list"));
    }

    @Test
    void tiedPrecedencesAndDuplicateRuleNamesAreNamed() {
        RuleSetCopy copy = RuleSetCopy.of(dir)
                .replace("drl/exceptions.drl", "@precedence(75)", "@precedence(70)")
                .append("drl/routing.drl", "\nrule \"test regime: the Center cancels entries\"\n    @cite(\"tpd-2013\")\n"
                        + "when\nthen\nend\n");
        List<String> messages = copy.problems().stream().map(KnowledgeBaseProblem::toString).toList();
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("has the @precedence of rule"));
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("is already written at"));
    }

    @Test
    void aMissingVersionIsNamed() {
        assertThat(RuleSetCopy.of(dir).delete("VERSION").problems())
                .anySatisfy(p -> assertThat(p.file()).isEqualTo("VERSION"));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        RuleSetCopy copy = RuleSetCopy.of(dir)
                .replace(ReferenceData.CENTER_TIMELINE, "005,2013-04-04", "011,2013-04-04")
                .replace(ReferenceData.ENTRY_TYPES, "05,Vessel repair,,confirmed", "05,Vessel repair,,sure")
                .replace(ReferenceData.PORT_EXCEPTIONS, "51,U.S. Virgin Islands,USVI,1900-01-01",
                        "5X,U.S. Virgin Islands,USVI,1900-01-01")
                .delete("VERSION");
        assertThat(new TreeSet<>(copy.problems().stream().map(KnowledgeBaseProblem::file).toList()))
                .contains(ReferenceData.CENTER_TIMELINE, ReferenceData.ENTRY_TYPES, ReferenceData.PORT_EXCEPTIONS,
                        "VERSION");
    }

    @Test
    void theExceptionMessageListsEveryProblem() {
        RuleSetCopy copy = RuleSetCopy.of(dir).delete("VERSION").delete(ReferenceData.REGIMES);
        assertThatThrownBy(() -> DroolsRouter.fromDirectory(copy.root()))
                .hasMessageContaining("VERSION").hasMessageContaining(ReferenceData.REGIMES);
    }

    @Test
    void aClaimOrExceptionWithoutPrecedenceIsNamed() {
        RuleSetCopy copy = RuleSetCopy.of(dir).replace("drl/exceptions.drl", "    @precedence(70)\n", "");
        assertThat(copy.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("drl/exceptions.drl");
            assertThat(p.line()).isEqualTo(copy.lineOf("drl/exceptions.drl",
                    "rule \"test regime: TIB entries stay at the port\""));
            assertThat(p.message()).contains("has no @precedence");
        });
    }

    @Test
    void aListedFileThatIsMissingIsNamed() {
        RuleSetFiles missing = new RuleSetFiles() {
            @Override
            String describe() {
                return "a test rule set";
            }

            @Override
            java.util.Optional<List<String>> list() {
                List<String> files = new java.util.ArrayList<>(RuleSetFiles.embedded().list().orElseThrow());
                files.add("drl/missing.drl");
                return java.util.Optional.of(files);
            }

            @Override
            java.util.Optional<String> read(String path) {
                return RuleSetFiles.embedded().read(path);
            }
        };
        assertThatThrownBy(() -> RuleSet.load(missing)).isInstanceOf(KnowledgeBaseException.class)
                .satisfies(e -> assertThat(((KnowledgeBaseException) e).problems()).singleElement()
                        .satisfies(p -> assertThat(p.toString()).isEqualTo("drl/missing.drl: listed in a test rule set but missing")));
    }

    /** The yardstick: a rule set with ten different mistakes yields ten problems, each with file and line. */
    @Test
    void tenDifferentMistakesYieldTenProblemsEachWithFileAndLine() {
        RuleSetCopy copy = RuleSetCopy.of(dir)
                // 1. an unknown Center code
                .replace(ReferenceData.MEASURES, "DRAWBACK_AT_ONE_CENTER,006,", "DRAWBACK_AT_ONE_CENTER,012,")
                // 2. a date that does not exist
                .replace(ReferenceData.CENTER_TIMELINE, "006,2012-10-01", "006,2012-09-31")
                // 3. overlapping ranges of one key
                .append(ReferenceData.CENTER_ENTRY_TYPES, "06,2015-01-01,2016-01-01,inferred,tpd-2013,overlap\n")
                // 4. a missing source
                .replace(ReferenceData.ENTRY_TYPES, "04,Appraisement,,confirmed,\"cbp-7501-instructions, block 2\"",
                        "04,Appraisement,,confirmed,")
                // 5. an empty half-open range
                .replace(ReferenceData.PORT_EXCEPTIONS, "USVI,1900-01-01,,", "USVI,1900-01-01,1900-01-01,")
                // 6. a gap between the rows of one HTS range
                .replace(ReferenceData.HTS_SCOPE, "8511,8511,003,2014-03-10,", "8511,8511,003,2014-04-10,")
                // 7. an HTS prefix covered twice on one date
                .append(ReferenceData.HTS_SCOPE, "9401,9403,010,2020-01-01,,inferred,tpd-2013,overlaps 9402\n")
                // 9. a rule that does not compile
                .append("drl/routing.drl", "\nrule \"broken\"\n    @cite(\"tpd-2013\")\nwhen\n    NoSuchFact( x > 1 )\n"
                        + "then\nend\n")
                // 10. a rule name written twice
                .append("drl/routing.drl", "\nrule \"test regime: the Center cancels entries\"\n    @cite(\"tpd-2013\")\n"
                        + "when\nthen\nend\n");
        // 8. a rule without a citation
        copy = withoutCensusRejectsCitation(copy);

        List<KnowledgeBaseProblem> problems = copy.problems();

        assertThat(problems).as("%s", problems).hasSize(10).allSatisfy(p -> {
            assertThat(p.file()).isNotBlank();
            assertThat(p.line()).isPositive();
        });
        assertThat(problems).extracting(KnowledgeBaseProblem::file).containsExactly(ReferenceData.CENTER_ENTRY_TYPES,
                ReferenceData.CENTER_TIMELINE, ReferenceData.ENTRY_TYPES, ReferenceData.HTS_SCOPE,
                ReferenceData.HTS_SCOPE, ReferenceData.MEASURES, ReferenceData.PORT_EXCEPTIONS, "drl/routing.drl",
                "drl/routing.drl", "drl/routing.drl");
    }

    /** The copy without the @cite line of the rule "test regime: the Center resolves Census rejects". */
    private static RuleSetCopy withoutCensusRejectsCitation(RuleSetCopy copy) {
        return copy.replace("drl/routing.drl", "    @cite(\"tpd-2013\", \"Census Rejects\")\n", "");
    }

}
