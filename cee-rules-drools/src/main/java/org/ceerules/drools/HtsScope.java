package org.ceerules.drools;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.ceerules.api.Center;
import org.ceerules.api.Certainty;
import org.ceerules.drools.facts.Basis;
import org.ceerules.api.HtsNumber;
import org.ceerules.api.IndustryScope;

/**
 * The HTS scope of the Centers ({@value ReferenceData#HTS_SCOPE}): rows of prefix ranges, each
 * effective over a half-open range of dates. A lookup takes the longest prefix whose row is in
 * effect on the date. The loader has checked that rows of one length never cover a prefix twice on
 * one date, so at most one row of each length applies. Immutable and thread-safe.
 */
final class HtsScope {

    /** One row of the file. {@code center} is null where the goods belong to no Center. */
    record Row(String first, String last, Center center, DateRange range, Certainty certainty, String source,
               int line, Basis basis) {

        boolean covers(String prefix) {
            return first.compareTo(prefix) <= 0 && prefix.compareTo(last) <= 0;
        }

        String key() {
            return first.equals(last) ? first : first + "-" + last;
        }
    }

    /** Rows by prefix length, longest first; within a length, ordered by first. */
    private final TreeMap<Integer, List<Row>> byLength;
    /**
     * Per length, for each row (ordered by first) the largest last prefix of it and the rows before
     * it: a search for the row that covers a number stops as soon as no earlier row reaches it.
     */
    private final Map<Integer, String[]> reach;

    private HtsScope(TreeMap<Integer, List<Row>> byLength) {
        this.byLength = byLength;
        Map<Integer, String[]> reach = new java.util.HashMap<>();
        byLength.forEach((length, rows) -> {
            String[] furthest = new String[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                String last = rows.get(i).last();
                furthest[i] = i > 0 && furthest[i - 1].compareTo(last) > 0 ? furthest[i - 1] : last;
            }
            reach.put(length, furthest);
        });
        this.reach = Map.copyOf(reach);
    }

    static HtsScope of(List<Row> rows) {
        TreeMap<Integer, List<Row>> byLength = new TreeMap<>(Comparator.reverseOrder());
        for (Row row : rows) {
            byLength.computeIfAbsent(row.first().length(), k -> new ArrayList<>()).add(row);
        }
        byLength.replaceAll((length, list) -> list.stream().sorted(Comparator.comparing(Row::first)).toList());
        return new HtsScope(byLength);
    }

    Optional<IndustryScope> lookup(HtsNumber hts, LocalDate asOf) {
        Row row = row(hts.digits(), asOf);
        if (row == null) {
            return Optional.empty();
        }
        return Optional.of(new IndustryScope(hts, asOf, Optional.ofNullable(row.center()), row.first(),
                row.last(), row.range().startInclusive(),
                row.range().endExclusive().equals(LocalDate.MAX) ? Optional.empty()
                        : Optional.of(row.range().endExclusive()),
                row.certainty(), row.source(), ReferenceData.HTS_SCOPE, row.line()));
    }

    /**
     * @param hts  a tariff number: its 10 digits, dots between them allowed (as an entry line
     *             writes it); read in place, nothing is built
     * @param date the date
     * @return the row of the longest prefix that covers the number on the date; null for none
     */
    Row row(String hts, LocalDate date) {
        for (Map.Entry<Integer, List<Row>> length : byLength.entrySet()) {
            List<Row> rows = length.getValue();
            String[] furthest = reach.get(length.getKey());
            // rows ordered by first: only those up to the last with first <= the number's prefix can cover
            // it, and none of them once no row so far reaches the number's prefix
            for (int i = upperBound(rows, hts) - 1; i >= 0 && compare(furthest[i], hts) >= 0; i--) {
                Row row = rows.get(i);
                if (compare(row.last(), hts) >= 0 && row.range().contains(date)) {
                    return row;
                }
            }
        }
        return null;
    }

    /**
     * Compares a prefix (digits) with as many leading digits of a tariff number, skipping its dots.
     *
     * @return negative, zero or positive as the prefix is before, equal to or after the number's
     */
    static int compare(String prefix, String hts) {
        int j = 0;
        for (int i = 0; i < prefix.length(); i++) {
            while (hts.charAt(j) == '.') {
                j++;
            }
            int difference = prefix.charAt(i) - hts.charAt(j++);
            if (difference != 0) {
                return difference;
            }
        }
        return 0;
    }

    /** The index of the first row whose first prefix comes after the number's, by binary search. */
    private static int upperBound(List<Row> rows, String hts) {
        int low = 0;
        int high = rows.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (compare(rows.get(mid).first(), hts) <= 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
    /**
     * Reads and checks the rows: prefixes, team, dates, a Center's row not before it opened; then
     * across rows: no two rows of one length cover a prefix on one date, the rows of one range
     * follow each other without a gap, and every chapter but 77 is covered by chapter rows without
     * a gap up to an open end.
     */
    static Optional<HtsScope> load(CsvTable table, Map<Center, LocalDate> opened) {
        List<Row> rows = new ArrayList<>();
        boolean bad = false;
        for (CsvTable.Row row : table.rows()) {
            Optional<Row> read = read(table, row, opened);
            read.ifPresent(rows::add);
            bad |= read.isEmpty();
        }
        checkOverlaps(table, rows);
        checkGaps(table, rows);
        checkChapters(table, rows);
        return bad ? Optional.empty() : Optional.of(of(rows));
    }

    private static Optional<Row> read(CsvTable table, CsvTable.Row row, Map<Center, LocalDate> opened) {
        String first = row.text("first");
        String last = row.text("last");
        boolean prefixes = true;
        for (String column : List.of("first", "last")) {
            if (!row.text(column).matches("(\\d{2}){1,5}")) {
                table.problem(row.line(), column + " must be an HTS prefix of 2, 4, 6, 8 or 10 digits, was \""
                        + row.text(column) + "\"");
                prefixes = false;
            }
        }
        if (prefixes && first.length() != last.length()) {
            table.problem(row.line(), "first " + first + " and last " + last + " must be as long as each other");
            prefixes = false;
        } else if (prefixes && first.compareTo(last) > 0) {
            table.problem(row.line(), "first " + first + " comes after last " + last);
            prefixes = false;
        }
        String team = row.text("team");
        Optional<Center> center = Center.ofTeamCode(team);
        boolean teamOk = team.isEmpty() || center.isPresent();
        if (!teamOk) {
            table.problem(row.line(), "team must be a Center's team code, 001 to 010, or empty for no Center, was \""
                    + team + "\"");
        }
        Optional<DateRange> range = row.range();
        // the table has reported a bad status or a missing source already
        Optional<Certainty> certainty = Certainty.ofLabel(row.text("status"));
        Optional<String> source = row.text("source").isEmpty() ? Optional.empty() : Optional.of(row.text("source"));
        if (range.isPresent() && center.isPresent() && opened.containsKey(center.get())
                && range.get().startInclusive().isBefore(opened.get(center.get()))) {
            table.problem(row.line(), "from " + range.get().startInclusive() + " is before Center " + team
                    + " opened on " + opened.get(center.get()) + " (" + ReferenceData.CENTER_TIMELINE + ")");
        }
        if (!prefixes || !teamOk || range.isEmpty() || certainty.isEmpty() || source.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Row(first, last, center.orElse(null), range.get(), certainty.get(), source.get(),
                row.line(), row.basis()));
    }

    /**
     * Two rows of one length that cover a common prefix on a common date: each row is reported
     * once, against the first earlier row it overlaps (a thousand copies of a row make a thousand
     * problems, not half a million).
     */
    private static void checkOverlaps(CsvTable table, List<Row> rows) {
        List<Row> ordered = rows.stream().sorted(Comparator.comparing(Row::line)).toList();
        for (int i = 0; i < ordered.size(); i++) {
            Row row = ordered.get(i);
            for (int j = 0; j < i; j++) {
                Row earlier = ordered.get(j);
                if (earlier.first().length() == row.first().length() && earlier.first().compareTo(row.last()) <= 0
                        && row.first().compareTo(earlier.last()) <= 0 && earlier.range().overlaps(row.range())) {
                    table.problem(row.line(), row.key() + " " + row.range() + " overlaps " + earlier.key() + " "
                            + earlier.range() + " of line " + earlier.line()
                            + ": a prefix would have two Centers on one date");
                    break;
                }
            }
        }
    }

    /** The rows of one range, in date order, must follow each other without a gap. */
    private static void checkGaps(CsvTable table, List<Row> rows) {
        Map<String, List<Row>> byKey = new HashMap<>();
        rows.forEach(row -> byKey.computeIfAbsent(row.key(), k -> new ArrayList<>()).add(row));
        byKey.forEach((key, list) -> {
            List<Row> sorted = list.stream().sorted(Comparator.comparing(r -> r.range().startInclusive())).toList();
            for (int k = 1; k < sorted.size(); k++) {
                Row previous = sorted.get(k - 1);
                Row row = sorted.get(k);
                if (previous.range().endExclusive().isBefore(row.range().startInclusive())) {
                    table.problem(row.line(), key + ": gap between " + previous.range() + " of line " + previous.line()
                            + " and " + row.range() + ": no row says whose the range is in between");
                }
            }
        });
    }

    /** Every chapter but 77 is covered by chapter rows without a gap, up to an open end. */
    private static void checkChapters(CsvTable table, List<Row> rows) {
        for (int c = 1; c <= 99; c++) {
            String chapter = String.format(Locale.ROOT, "%02d", c);
            if (chapter.equals("77")) {
                continue;
            }
            List<Row> covering = rows.stream().filter(r -> r.first().length() == 2 && r.covers(chapter))
                    .sorted(Comparator.comparing(r -> r.range().startInclusive())).toList();
            if (covering.isEmpty()) {
                table.problem(0, "chapter " + chapter + " is covered by no chapter row: add one");
                continue;
            }
            for (int k = 1; k < covering.size(); k++) {
                DateRange previous = covering.get(k - 1).range();
                DateRange next = covering.get(k).range();
                if (previous.endExclusive().isBefore(next.startInclusive())) {
                    table.problem(covering.get(k).line(), "chapter " + chapter + " is covered by no row between "
                            + previous.endExclusive() + " and " + next.startInclusive());
                }
            }
            Row lastRow = covering.get(covering.size() - 1);
            if (!lastRow.range().endExclusive().equals(LocalDate.MAX)) {
                table.problem(lastRow.line(), "chapter " + chapter + " is covered by no row from "
                        + lastRow.range().endExclusive() + ": end a chapter's row only where another starts");
            }
        }
    }
}
