package org.ceerules.drools;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.ceerules.api.KnowledgeBaseProblem;

/**
 * The report of a rule set's problems, bounded: a file of 3,000 copies of a bad row is 20 problems
 * and a count, not 3,000 problems. In the order a rule author reads them (file by file, line by
 * line), each once; of each kind of problem in a file, the first {@value #PER_KIND}, then one
 * problem {@code … and 2,980 more like the one at line 112 (first at line 113)} at the line of
 * the first left out; at most {@value #MAX} in all, then one that counts the others.
 *
 * <p>Two problems are of one kind when their messages differ only in numbers (lines, dates,
 * codes) and quoted values: {@code type 09: [2018-02-24, ) overlaps [2018-02-24, ) of line 27}
 * and {@code ... of line 28} are.
 *
 * <p>Stateless and thread-safe. Not instantiable.
 */
final class ProblemReport {

    /** At most this many problems of one kind are listed per file. */
    static final int PER_KIND = 20;
    /** At most this many problems are listed in all, counts included; one more counts the others. */
    static final int MAX = 1_000;

    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private ProblemReport() {
    }

    /** A problem as listed: itself, or a count standing for {@code count} problems. */
    private record Listed(KnowledgeBaseProblem problem, int count) {
    }

    /**
     * @param problems every problem found, in any order, possibly some twice
     * @return the report: distinct problems sorted by file and line, bounded per kind and in all
     */
    static List<KnowledgeBaseProblem> of(List<KnowledgeBaseProblem> problems) {
        // a problem found twice (by two checks of one row) is listed once
        List<KnowledgeBaseProblem> distinct = new ArrayList<>(new LinkedHashSet<>(problems));
        distinct.sort(Comparator.comparing(KnowledgeBaseProblem::file).thenComparingInt(KnowledgeBaseProblem::line));

        Map<String, Integer> ofKind = new HashMap<>();
        for (KnowledgeBaseProblem problem : distinct) {
            ofKind.merge(key(problem), 1, Integer::sum);
        }
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Integer> lastListed = new HashMap<>();
        List<Listed> listed = new ArrayList<>();
        for (KnowledgeBaseProblem problem : distinct) {
            String key = key(problem);
            int n = seen.merge(key, 1, Integer::sum);
            if (n <= PER_KIND) {
                listed.add(new Listed(problem, 1));
                lastListed.put(key, problem.line());
            } else if (n == PER_KIND + 1) {
                int more = ofKind.get(key) - PER_KIND;
                listed.add(new Listed(new KnowledgeBaseProblem(problem.file(), problem.line(), String.format(
                        Locale.ROOT, "… and %,d more like the one at line %d (first at line %d)", more,
                        lastListed.get(key), problem.line())), more));
            }
        }
        if (listed.size() <= MAX) {
            return listed.stream().map(Listed::problem).toList();
        }
        List<KnowledgeBaseProblem> report = new ArrayList<>(MAX + 1);
        int left = 0;
        for (int i = 0; i < listed.size(); i++) {
            if (i < MAX) {
                report.add(listed.get(i).problem());
            } else {
                left += listed.get(i).count();
            }
        }
        KnowledgeBaseProblem next = listed.get(MAX).problem();
        report.add(new KnowledgeBaseProblem(next.file(), next.line(), String.format(Locale.ROOT,
                "… and %,d more problems, here and in the files after, not listed (%,d in all)", left,
                distinct.size())));
        return List.copyOf(report);
    }

    /** The file and the kind of a problem: its message without numbers and quoted values. */
    private static String key(KnowledgeBaseProblem problem) {
        return problem.file() + '\n' + kind(problem.message());
    }

    static String kind(String message) {
        return NUMBER.matcher(QUOTED.matcher(message).replaceAll("\"\"")).replaceAll("#");
    }
}
