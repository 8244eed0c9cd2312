package org.ceerules.cli.report;

import static org.ceerules.cli.report.Html.esc;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The timelines: one for the whole book and one per Center, drawn from every dated row of the
 * data files (the Centers' openings, the regimes, the delegations by port list, the entry types
 * the Centers process, the measures, the districts treated apart, the HTS scope), then every
 * dated row as a table.
 */
final class TimelinePage {

    /** Rows starting before this year (the regimes' and districts' "always") start at the chart's left edge. */
    private static final int EARLIEST_YEAR = 1990;
    static final String TEST_BAND = "#f3f3f3";
    static final String REGULATORY_BAND = "#eaf2fb";
    static final String NEUTRAL = "#6b6b6b";

    private final Book book;
    private final LocalDate start;
    private final LocalDate end;
    private final List<Timeline.Band> bands = new ArrayList<>();
    private final Map<String, LocalDate> opened = new TreeMap<>();

    private TimelinePage(Book book) {
        this.book = book;
        LocalDate min = null;
        LocalDate max = null;
        for (Csv.Row row : dated()) {
            for (String column : List.of("from", "to", "opened")) {
                Optional<LocalDate> date = row.date(column);
                if (date.isEmpty() || date.get().getYear() < EARLIEST_YEAR) {
                    continue;
                }
                min = min == null || date.get().isBefore(min) ? date.get() : min;
                max = max == null || date.get().isAfter(max) ? date.get() : max;
            }
        }
        int first = min == null ? 2011 : min.getYear();
        int last = max == null ? 2025 : max.getYear() + 2;
        this.start = LocalDate.of(first, 1, 1);
        this.end = LocalDate.of(last, 1, 1);
        for (Csv.Row row : book.rows(Book.REGIMES)) {
            row.date("from").ifPresent(from -> bands.add(new Timeline.Band(from, row.date("to"),
                    row.get("regime") + " regime", row.get("regime").equals("TEST") ? TEST_BAND : REGULATORY_BAND)));
        }
        for (Csv.Row row : book.rows(Book.TIMELINE)) {
            row.date("opened").ifPresent(date -> opened.put(row.get("team"), date));
        }
    }

    static String html(Book book) {
        return new TimelinePage(book).html();
    }

    /** Every row of the data files that has a date. */
    private List<Csv.Row> dated() {
        List<Csv.Row> rows = new ArrayList<>();
        book.tables().values().forEach(table -> table.stream()
                .filter(r -> r.date("from").isPresent() || r.date("opened").isPresent()).forEach(rows::add));
        return rows;
    }

    private String html() {
        StringBuilder body = new StringBuilder(65536);
        body.append("<p>Every dated row of the rule set's data files on a time axis: when each Center opened, the "
                + "regimes (shaded behind every lane), the delegation of the port director's trade authority by "
                + "port list, the entry types the Centers process, the measures that move a trade function, the "
                + "districts treated apart, and the HTS scope. A bar runs from a row's first day to the first day "
                + "it no longer applies (to the right edge while it is still in effect); a diamond is a single "
                + "day. Point at a mark for the row, its dates, status and sources; click it to open its first "
                + "source.</p>\n");
        body.append(legend());
        body.append("<nav class=\"toc\"><ul><li><a href=\"#book\">The whole book</a></li>");
        for (String team : opened.keySet()) {
            body.append("<li><a href=\"#center-").append(esc(team)).append("\">").append(esc(Book.centerName(team)))
                    .append("</a></li>");
        }
        body.append("<li><a href=\"#rows\">Every dated row</a></li></ul></nav>\n");
        body.append("<section id=\"book\"><h2>The whole book</h2>\n<div class=\"chart\">")
                .append(Timeline.svg("timeline-book", "Timeline of the whole rule set", start, end, bands, bookLanes()))
                .append("</div></section>\n");
        for (String team : opened.keySet()) {
            body.append("<section id=\"center-").append(esc(team)).append("\"><h2>").append(esc(Book.centerName(team)))
                    .append("</h2>\n<div class=\"chart\">")
                    .append(Timeline.svg("timeline-" + team, "Timeline of the " + Book.centerName(team) + " Center",
                            start, end, bands, centerLanes(team)))
                    .append("</div></section>\n");
        }
        body.append(rowsTable());
        return Html.page("timeline.html", "Timeline", book.version(), book.origin(), book.report().isPresent(),
                body.toString());
    }

    private String legend() {
        StringBuilder html = new StringBuilder("<div class=\"legend\"><p>Centers: ");
        for (String team : opened.keySet()) {
            html.append(Rows.swatch(Rows.color(team)))
                    .append(esc(Book.centerName(team))).append(' ');
        }
        html.append(Rows.swatch(NEUTRAL)).append("no Center or "
                + "every Center</p><p>Status: <span class=\"swatch confirmed\"></span>confirmed "
                + "<span class=\"swatch secondary\"></span>secondary <span class=\"swatch inferred\"></span>inferred. "
                + "Shading: ").append(Rows.swatch(TEST_BAND)).append("TEST regime ").append(Rows.swatch(REGULATORY_BAND))
                .append("REGULATORY regime.</p></div>\n");
        return html.toString();
    }

    private List<Timeline.Lane> bookLanes() {
        List<Timeline.Lane> lanes = new ArrayList<>();
        lanes.add(Timeline.Lane.header("Regimes", Book.REGIMES));
        for (Csv.Row row : book.rows(Book.REGIMES)) {
            lanes.add(lane(row.get("regime"), Rows.span(book, row, "regime " + row.get("regime"), NEUTRAL)));
        }
        lanes.add(Timeline.Lane.header("Center openings", Book.TIMELINE));
        for (Csv.Row row : book.rows(Book.TIMELINE)) {
            lanes.add(lane(Book.centerName(row.get("team")), opening(row)));
        }
        lanes.add(Timeline.Lane.header("Delegations by port list", Book.DELEGATIONS));
        lanes.addAll(delegationLanes(book.rows(Book.DELEGATIONS)));
        lanes.add(Timeline.Lane.header("Entry types the Centers process", Book.CENTER_ENTRY_TYPES));
        Map<String, String> typeNames = new LinkedHashMap<>();
        book.rows(Book.ENTRY_TYPES).forEach(r -> typeNames.put(r.get("code"), r.get("name")));
        Map<String, List<Csv.Row>> byType = new TreeMap<>();
        book.rows(Book.CENTER_ENTRY_TYPES).forEach(r -> byType.computeIfAbsent(r.get("type"), t -> new ArrayList<>()).add(r));
        byType.forEach((type, rows) -> {
            String name = type + " " + typeNames.getOrDefault(type, "");
            List<Timeline.Mark> marks = new ArrayList<>();
            rows.forEach(r -> Rows.span(book, r, "entry type " + name.strip() + " processed by the Centers", NEUTRAL)
                    .ifPresent(marks::add));
            lanes.add(new Timeline.Lane(name.strip(), marks));
        });
        lanes.add(Timeline.Lane.header("Measures", Book.MEASURES));
        lanes.addAll(measureLanes(book.rows(Book.MEASURES)));
        lanes.add(Timeline.Lane.header("Districts treated apart", Book.PORT_EXCEPTIONS));
        for (Csv.Row row : book.rows(Book.PORT_EXCEPTIONS)) {
            String what = "district " + row.get("district") + " " + row.get("name") + ": " + row.get("trait");
            lanes.add(lane(what, Rows.span(book, row, what, NEUTRAL)));
        }
        List<Csv.Row> changes = book.rows(Book.HTS_SCOPE).stream().filter(this::isScopeChange).toList();
        if (!changes.isEmpty()) {
            lanes.add(Timeline.Lane.header("HTS scope changes", Book.HTS_SCOPE));
            lanes.addAll(scopeLanes(changes));
        }
        return lanes;
    }

    /**
     * A row of the HTS scope that is a dated change of its own, rather than a Center's industry from
     * the day it opened: a row of no Center, one that ends, or one that starts on another day.
     */
    private boolean isScopeChange(Csv.Row row) {
        String team = row.get("team");
        return team.isEmpty() || !row.get("to").isEmpty()
                || !row.date("from").equals(Optional.ofNullable(opened.get(team)));
    }

    private List<Timeline.Lane> centerLanes(String team) {
        List<Timeline.Lane> lanes = new ArrayList<>();
        lanes.add(Timeline.Lane.header("Opening", Book.TIMELINE));
        for (Csv.Row row : book.rows(Book.TIMELINE)) {
            if (row.get("team").equals(team)) {
                lanes.add(lane("opened " + row.get("opened"), opening(row)));
            }
        }
        List<Csv.Row> delegations = book.rows(Book.DELEGATIONS).stream().filter(r -> r.get("team").equals(team)).toList();
        if (!delegations.isEmpty()) {
            lanes.add(Timeline.Lane.header("Delegations by port list", Book.DELEGATIONS));
            lanes.addAll(delegationLanes(delegations));
        }
        List<Csv.Row> measures = book.rows(Book.MEASURES).stream().filter(r -> r.get("team").equals(team)).toList();
        if (!measures.isEmpty()) {
            lanes.add(Timeline.Lane.header("Measures naming the Center", Book.MEASURES));
            lanes.addAll(measureLanes(measures));
        }
        List<Csv.Row> scope = book.rows(Book.HTS_SCOPE).stream().filter(r -> r.get("team").equals(team)).toList();
        if (!scope.isEmpty()) {
            lanes.add(Timeline.Lane.header("HTS scope of its industry", Book.HTS_SCOPE));
            lanes.addAll(scopeLanes(scope));
        }
        return lanes;
    }

    private Optional<Timeline.Mark> opening(Csv.Row row) {
        return row.date("opened").map(date -> new Timeline.Mark(date, Optional.empty(), true,
                Rows.color(row.get("team")), row.get("status"),
                Rows.tooltip(book, row, Book.centerName(row.get("team")) + " opened", "on " + date),
                Rows.url(book, row)));
    }

    /** A lane per port list and Center, each bar a delegation row, its tooltip naming the list's ports. */
    private List<Timeline.Lane> delegationLanes(List<Csv.Row> delegations) {
        Map<String, List<Timeline.Mark>> lanes = new LinkedHashMap<>();
        for (Csv.Row row : delegations) {
            String list = row.get("list");
            String what = "delegation to " + Book.centerName(row.get("team")) + " at the ports of " + list
                    + ": " + String.join(", ", ports(list));
            Rows.span(book, row, what, Rows.color(row.get("team"))).ifPresent(mark ->
                    lanes.computeIfAbsent(list + " · " + row.get("team"), l -> new ArrayList<>()).add(mark));
        }
        List<Timeline.Lane> result = new ArrayList<>();
        lanes.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> result.add(new Timeline.Lane(e.getKey(), e.getValue())));
        return result;
    }

    /** The port names of a list of port-lists.csv, the lists it includes ({@code list:ID}) expanded. */
    private List<String> ports(String list) {
        Set<String> ports = new LinkedHashSet<>();
        expand(list, ports, new LinkedHashSet<>());
        return List.copyOf(ports);
    }

    private void expand(String list, Set<String> ports, Set<String> seen) {
        if (!seen.add(list)) {
            return;
        }
        for (Csv.Row row : book.rows(Book.PORT_LISTS)) {
            if (row.get("list").equals(list)) {
                String member = row.get("member");
                if (member.startsWith("list:")) {
                    expand(member.substring(5), ports, seen);
                } else {
                    ports.add(member);
                }
            }
        }
    }

    private List<Timeline.Lane> measureLanes(List<Csv.Row> measures) {
        Map<String, List<Timeline.Mark>> lanes = new LinkedHashMap<>();
        for (Csv.Row row : measures) {
            String team = row.get("team");
            String what = "measure " + row.get("measure") + (team.isEmpty() ? "" : ", naming " + Book.centerName(team));
            Rows.span(book, row, what, team.isEmpty() ? NEUTRAL : Rows.color(team))
                    .ifPresent(mark -> lanes.computeIfAbsent(row.get("measure"), m -> new ArrayList<>()).add(mark));
        }
        List<Timeline.Lane> result = new ArrayList<>();
        lanes.forEach((name, marks) -> result.add(new Timeline.Lane(name, marks)));
        return result;
    }

    /** A lane per range of prefixes, its rows over time. */
    private List<Timeline.Lane> scopeLanes(List<Csv.Row> rows) {
        Map<String, List<Timeline.Mark>> lanes = new LinkedHashMap<>();
        for (Csv.Row row : rows) {
            String range = HtsPage.range(row);
            String what = "HTS " + range + ": " + Book.centerName(row.get("team"));
            Rows.span(book, row, what, Rows.color(row.get("team")))
                    .ifPresent(mark -> lanes.computeIfAbsent(range, r -> new ArrayList<>()).add(mark));
        }
        List<Timeline.Lane> result = new ArrayList<>();
        lanes.forEach((range, marks) -> result.add(new Timeline.Lane("HTS " + range, marks)));
        return result;
    }

    private static Timeline.Lane lane(String label, Optional<Timeline.Mark> mark) {
        return new Timeline.Lane(label, mark.map(List::of).orElse(List.of()));
    }

    /** Every dated row, by date: the ones from the last regime's first day apart, first. */
    private String rowsTable() {
        List<Csv.Row> rows = new ArrayList<>(dated());
        rows.sort(Comparator.comparing((Csv.Row r) -> r.date("from").or(() -> r.date("opened")).orElseThrow())
                .thenComparing(Csv.Row::file).thenComparingInt(Csv.Row::line));
        LocalDate split = book.rows(Book.REGIMES).stream().map(r -> r.date("from")).flatMap(Optional::stream)
                .max(Comparator.naturalOrder()).orElse(LocalDate.MAX);
        StringBuilder html = new StringBuilder("<section id=\"rows\"><h2>Every dated row</h2>\n<p>")
                .append(rows.size()).append(" rows of the data files carry a date. Those from ").append(split)
                .append(" (the start of the last regime) come first: the dated changes of the current regime.</p>\n");
        List<Csv.Row> recent = rows.stream().filter(r -> !first(r).isBefore(split)).toList();
        List<Csv.Row> earlier = rows.stream().filter(r -> first(r).isBefore(split)).toList();
        html.append("<h3 id=\"rows-recent\">From ").append(split).append(" (").append(recent.size()).append(")</h3>\n");
        table(html, recent);
        html.append("<h3 id=\"rows-earlier\">Before ").append(split).append(" (").append(earlier.size()).append(")</h3>\n");
        table(html, earlier);
        return html.append("</section>\n").toString();
    }

    private static LocalDate first(Csv.Row row) {
        return row.date("from").or(() -> row.date("opened")).orElseThrow();
    }

    private void table(StringBuilder html, List<Csv.Row> rows) {
        html.append("<table class=\"rows\"><thead><tr><th>From</th><th>Until</th><th>Row</th><th>What</th>"
                + "<th>Status</th><th>Sources</th></tr></thead><tbody>\n");
        for (Csv.Row row : rows) {
            html.append("<tr><td class=\"date\">").append(esc(first(row).toString())).append("</td><td class=\"date\">")
                    .append(esc(row.get("to"))).append("</td><td><code>").append(esc(row.where()))
                    .append("</code></td><td>").append(esc(what(row))).append(noteOf(row)).append("</td><td>")
                    .append(Rows.status(row.get("status"))).append("</td><td>").append(Rows.citationLinks(book, row))
                    .append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    private static String noteOf(Csv.Row row) {
        String note = row.get("note");
        return note.isEmpty() ? "" : "<br/><span class=\"note\">" + esc(note) + "</span>";
    }

    /** What a dated row says, in words. */
    private static String what(Csv.Row row) {
        return switch (row.file()) {
            case Book.TIMELINE -> Book.centerName(row.get("team")) + " opens";
            case Book.REGIMES -> "regime " + row.get("regime");
            case Book.MEASURES -> "measure " + row.get("measure")
                    + (row.get("team").isEmpty() ? "" : ", naming " + Book.centerName(row.get("team")));
            case Book.CENTER_ENTRY_TYPES -> "the Centers process entry type " + row.get("type");
            case Book.PORT_EXCEPTIONS -> "district " + row.get("district") + " " + row.get("name") + ": "
                    + row.get("trait");
            case Book.DELEGATIONS -> "delegation to " + Book.centerName(row.get("team")) + " at the ports of "
                    + row.get("list");
            case Book.HTS_SCOPE -> "HTS " + HtsPage.range(row) + ": " + Book.centerName(row.get("team"));
            default -> row.cells().toString();
        };
    }
}
