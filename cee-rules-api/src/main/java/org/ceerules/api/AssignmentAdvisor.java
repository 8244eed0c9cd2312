package org.ceerules.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Counts an importer's entry lines per Center and picks by each measure; see {@link AssignmentAdvice}. */
final class AssignmentAdvisor {

    private static final int SHARE_SCALE = 4;
    private static final String FIELD = "entrySummaries";

    private AssignmentAdvisor() {
    }

    /** A Center's running count: all lines, and those whose scope is inferred. */
    private static final class Count {
        int lines;
        BigDecimal value = BigDecimal.ZERO;
        int inferredLines;
        BigDecimal inferredValue = BigDecimal.ZERO;
    }

    static AssignmentAdvice advise(Router router, List<EntrySummary> entrySummaries, LocalDate asOf,
                                   Optional<Center> current) {
        if (entrySummaries.isEmpty()) {
            throw invalid("no entry summaries: an assignment cannot be advised from none");
        }
        Map<Center, Count> counts = new EnumMap<>(Center.class);
        int outLines = 0;
        BigDecimal outValue = BigDecimal.ZERO;
        for (EntrySummary entry : entrySummaries) {
            for (EntryLine line : entry.lines()) {
                Optional<IndustryScope> scope = router.industryScope(HtsNumber.of(line.hts()), asOf);
                Optional<Center> center = scope.flatMap(IndustryScope::center);
                if (center.isEmpty()) {
                    outLines++;
                    outValue = outValue.add(line.enteredValue());
                    continue;
                }
                Count count = counts.computeIfAbsent(center.get(), c -> new Count());
                count.lines++;
                count.value = count.value.add(line.enteredValue());
                if (scope.get().certainty() == Certainty.INFERRED) {
                    count.inferredLines++;
                    count.inferredValue = count.inferredValue.add(line.enteredValue());
                }
            }
        }
        if (counts.isEmpty()) {
            throw invalid("none of the " + outLines + " lines falls in a Center's industry on " + asOf
                    + " (chapters 98 and 99 and numbers no scope row covers count for no Center): "
                    + "an assignment cannot be advised");
        }
        int lines = counts.values().stream().mapToInt(c -> c.lines).sum();
        BigDecimal value = counts.values().stream().map(c -> c.value).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<AssignmentAdvice.CenterShare> shares = new ArrayList<>();
        counts.forEach((center, c) -> shares.add(new AssignmentAdvice.CenterShare(center,
                new AssignmentAdvice.Tally(c.lines, c.value),
                new AssignmentAdvice.Tally(c.inferredLines, c.inferredValue),
                fraction(BigDecimal.valueOf(c.lines), BigDecimal.valueOf(lines)), fraction(c.value, value))));
        AssignmentAdvice.Pick byLines = pick(counts, "lines", c -> BigDecimal.valueOf(c.lines),
                "value", c -> c.value);
        AssignmentAdvice.Pick byValue = pick(counts, "value", c -> c.value,
                "lines", c -> BigDecimal.valueOf(c.lines));
        boolean agree = byLines.center().isPresent() && byLines.center().equals(byValue.center());
        Optional<AssignmentAdvice.Appeal> appeal = current.map(c -> appeal(c, byLines, byValue));
        return new AssignmentAdvice(asOf, entrySummaries.size(), new AssignmentAdvice.Tally(lines, value),
                new AssignmentAdvice.Tally(outLines, outValue), shares, byLines, byValue, agree, appeal);
    }

    /**
     * The Center with the most of one measure; a tie broken by the other measure among the tied
     * Centers; a tie on both left unbroken.
     */
    private static AssignmentAdvice.Pick pick(Map<Center, Count> counts, String measure,
                                              Function<Count, BigDecimal> of, String other,
                                              Function<Count, BigDecimal> otherOf) {
        List<Center> tied = top(counts.keySet().stream().toList(), counts, of);
        if (tied.size() == 1) {
            Center center = tied.get(0);
            return new AssignmentAdvice.Pick(Optional.of(center), List.of(),
                    center.teamCode() + " has the most " + measure + ": " + amount(measure, of.apply(counts.get(center))));
        }
        String tie = "tied on " + measure + " (" + amount(measure, of.apply(counts.get(tied.get(0)))) + " each): "
                + codes(tied);
        List<Center> broken = top(tied, counts, otherOf);
        if (broken.size() == 1) {
            Center center = broken.get(0);
            return new AssignmentAdvice.Pick(Optional.of(center), tied, tie + "; broken by " + other + ": "
                    + center.teamCode() + " with " + amount(other, otherOf.apply(counts.get(center))));
        }
        return new AssignmentAdvice.Pick(Optional.empty(), tied, tie + "; still tied on " + other + " ("
                + amount(other, otherOf.apply(counts.get(broken.get(0)))) + " each) between " + codes(broken)
                + ": no Center is picked");
    }

    /** The Centers with the largest amount, by team code. */
    private static List<Center> top(List<Center> centers, Map<Center, Count> counts, Function<Count, BigDecimal> of) {
        BigDecimal max = centers.stream().map(c -> of.apply(counts.get(c))).max(Comparator.naturalOrder()).orElseThrow();
        return centers.stream().filter(c -> of.apply(counts.get(c)).compareTo(max) == 0).sorted().toList();
    }

    private static AssignmentAdvice.Appeal appeal(Center current, AssignmentAdvice.Pick byLines,
                                                  AssignmentAdvice.Pick byValue) {
        List<String> differ = new ArrayList<>();
        if (byLines.center().isPresent() && byLines.center().get() != current) {
            differ.add("the predominant number of goods (lines) points to " + byLines.center().get().teamCode());
        }
        if (byValue.center().isPresent() && byValue.center().get() != current) {
            differ.add("the highest value points to " + byValue.center().get().teamCode());
        }
        if (differ.isEmpty()) {
            boolean none = byLines.center().isEmpty() && byValue.center().isEmpty();
            return new AssignmentAdvice.Appeal(current, false, none
                    ? "neither measure picks a Center (ties): nothing points away from " + current.teamCode()
                    : "every measure that picks a Center picks the current Center, " + current.teamCode());
        }
        return new AssignmentAdvice.Appeal(current, true, "the account is with " + current.teamCode() + ", but "
                + String.join(" and ", differ) + "; CBP accepts a written appeal at any time (81 FR 92978)");
    }

    private static BigDecimal fraction(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return BigDecimal.ZERO.setScale(SHARE_SCALE);
        }
        return part.divide(whole, SHARE_SCALE, RoundingMode.HALF_EVEN);
    }

    private static String amount(String measure, BigDecimal amount) {
        if (measure.equals("lines")) {
            return amount.toPlainString() + (amount.compareTo(BigDecimal.ONE) == 0 ? " line" : " lines");
        }
        return "$" + amount.toPlainString();
    }

    private static String codes(List<Center> centers) {
        return centers.stream().map(Center::teamCode).collect(Collectors.joining(", "));
    }

    private static InvalidRequestException invalid(String message) {
        return new InvalidRequestException(List.of(new Violation(FIELD, message)));
    }
}
