package org.ceerules.drools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ceerules.api.KnowledgeBaseException;
import org.ceerules.api.KnowledgeBaseProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report of problems stays readable however many rows repeat a mistake. */
class ProblemReportTest {

    private static final String FILE = "data/port-lists.csv";

    @TempDir
    Path dir;

    @Test
    void aKindOfProblemIsListedTwentyTimesPerFileThenCounted() {
        List<KnowledgeBaseProblem> problems = new ArrayList<>();
        for (int line = 3_100; line > 100; line--) {
            problems.add(new KnowledgeBaseProblem(FILE, line, "member \"Port " + line + "\" is no port name"));
        }
        problems.add(new KnowledgeBaseProblem(FILE, 50, "header lacks the column list"));
        problems.add(new KnowledgeBaseProblem(FILE, 50, "header lacks the column list"));

        List<KnowledgeBaseProblem> report = ProblemReport.of(problems);

        assertThat(report).hasSize(1 + ProblemReport.PER_KIND + 1);
        assertThat(report.get(0).message()).isEqualTo("header lacks the column list");
        assertThat(report.subList(1, 21)).extracting(KnowledgeBaseProblem::line)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(101, 120).boxed().toList());
        assertThat(report.get(21)).hasToString(FILE + ":121: … and 2,980 more like the one at line 120 "
                + "(first at line 121)");
    }

    @Test
    void theReportListsAThousandProblemsThenCountsTheOthers() {
        List<KnowledgeBaseProblem> problems = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            // fifteen hundred kinds: the letters differ
            problems.add(new KnowledgeBaseProblem(String.format("data/f%04d.csv", i), 1, "mistake " + kind(i)));
        }
        Collections.shuffle(problems, new java.util.Random(7));

        List<KnowledgeBaseProblem> report = ProblemReport.of(problems);

        assertThat(report).hasSize(ProblemReport.MAX + 1);
        assertThat(report.get(0).file()).isEqualTo("data/f0000.csv");
        assertThat(report.get(ProblemReport.MAX - 1).file()).isEqualTo("data/f0999.csv");
        assertThat(report.get(ProblemReport.MAX)).hasToString("data/f1000.csv:1: … and 500 more problems, here and in "
                + "the files after, not listed (1,500 in all)");
    }

    private static String kind(int i) {
        StringBuilder letters = new StringBuilder();
        for (int n = i; n > 0 || letters.isEmpty(); n /= 26) {
            letters.append((char) ('a' + n % 26));
        }
        return letters.toString();
    }

    @Test
    void problemsOfOneKindDifferOnlyInNumbersAndQuotedValues() {
        assertThat(ProblemReport.kind("type 09: [2018-02-24, ) overlaps [2018-02-24, ) of line 27"))
                .isEqualTo(ProblemReport.kind("type 23: [2014-03-10, ) overlaps [2017-01-19, ) of line 31"));
        assertThat(ProblemReport.kind("member \"Nowhere\" is no port name"))
                .isEqualTo(ProblemReport.kind("member \"Elsewhere\" is no port name"))
                .isNotEqualTo(ProblemReport.kind("list \"Nowhere\" is no list"));
    }

    /**
     * Three thousand copies of a row of the HTS scope: each overlaps the original (and was reported
     * against every earlier copy too: four and a half million problems).
     */
    @Test
    void threeThousandCopiesOfAnHtsRowMakeASmallReport() {
        String row = "9402,9402,001,2011-10-20,,secondary,phc-2015-01-28,\n";
        RuleSetCopy copy = RuleSetCopy.of(dir).append(ReferenceData.HTS_SCOPE, row.repeat(3_000));
        int first = (int) copy.read(ReferenceData.HTS_SCOPE).lines().count() - 3_000 + 1;

        List<KnowledgeBaseProblem> problems = problemsOf(copy);

        assertThat(problems).hasSize(ProblemReport.PER_KIND + 1).allSatisfy(p -> assertThat(p.file())
                .isEqualTo(ReferenceData.HTS_SCOPE));
        assertThat(problems.get(0).line()).isEqualTo(first);
        assertThat(problems.get(ProblemReport.PER_KIND).message()).isEqualTo("… and 2,980 more like the one at line "
                + (first + 19) + " (first at line " + (first + 20) + ")");
        assertThat(new KnowledgeBaseException(problems).getMessage().length()).isLessThan(5_000);
    }

    @Test
    void threeThousandRowsNamingNoPortMakeASmallReport() {
        String row = "six-centers-2016-03-23,Nowhere,Tucson,secondary,str-2016-03-23,\n";
        RuleSetCopy copy = RuleSetCopy.of(dir).append(ReferenceData.PORT_LISTS, row.repeat(3_000));

        List<KnowledgeBaseProblem> problems = problemsOf(copy);

        assertThat(problems).hasSize(ProblemReport.PER_KIND + 1);
        assertThat(problems.get(ProblemReport.PER_KIND).message()).startsWith("… and 2,980 more like the one at line ");
    }

    private static List<KnowledgeBaseProblem> problemsOf(RuleSetCopy copy) {
        Throwable thrown = catchThrowable(() -> RuleSet.load(RuleSetFiles.directory(copy.root())));
        assertThat(thrown).isInstanceOf(KnowledgeBaseException.class);
        return ((KnowledgeBaseException) thrown).problems();
    }
}
