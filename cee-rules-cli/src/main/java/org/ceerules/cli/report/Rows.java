package org.ceerules.cli.report;

import static org.ceerules.cli.report.Html.esc;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.ceerules.api.Source;

/** How the report writes a data row: its dates, its sources, its tooltip, its colour. */
final class Rows {

    /** A colour per Center, by team code (Tableau 10), and one for rows of no Center. */
    private static final Map<String, String> CENTER_COLORS = Map.of(
            "001", "#4e79a7", "002", "#59a14f", "003", "#e15759", "004", "#b07aa1", "005", "#9c755f",
            "006", "#f28e2b", "007", "#76b7b2", "008", "#edc948", "009", "#ff9da7", "010", "#8c8c8c");
    static final String NO_CENTER = "#c7c7c7";
    static final List<String> STATUSES = List.of("confirmed", "secondary", "inferred");

    private Rows() {
    }

    static String color(String team) {
        return CENTER_COLORS.getOrDefault(team == null ? "" : team.strip(), NO_CENTER);
    }

    /**
     * A square of a colour, by class (pages served under a content security policy may have no
     * style attribute): {@code swatch c-4e79a7}, each such class defined in the style sheet from
     * {@link #PALETTE}.
     *
     * @param color one of {@link #PALETTE}, {@code #rrggbb}
     * @return the span
     */
    static String swatch(String color) {
        if (!PALETTE.contains(color)) {
            throw new IllegalArgumentException("not a colour of the palette: " + color);
        }
        return "<span class=\"swatch c-" + color.substring(1) + "\"></span>";
    }

    /** Every colour a swatch shows: the Centers', no Center's, and the timeline's. */
    static final List<String> PALETTE = java.util.stream.Stream.concat(
            new java.util.TreeMap<>(CENTER_COLORS).values().stream(),
            java.util.stream.Stream.of(NO_CENTER, TimelinePage.NEUTRAL, TimelinePage.TEST_BAND,
                    TimelinePage.REGULATORY_BAND)).toList();

    /** @return the style sheet's rules of the swatches' classes */
    static String paletteStyle() {
        StringBuilder css = new StringBuilder("\n/* the swatches' colours */\n");
        for (String color : PALETTE) {
            css.append(".swatch.c-").append(color.substring(1)).append(" { background: ").append(color).append("; }\n");
        }
        return css.toString();
    }

    /** {@code from 2015-01-28 until 2017-01-19}, or {@code from 2018-02-24 (still in effect)}. */
    static String dates(Csv.Row row) {
        String from = row.get("from");
        String to = row.get("to");
        return "from " + from + (to.isEmpty() ? " (still in effect)" : " until " + to);
    }

    /** The row's citations in words: each source's short citation and the pinpoint. */
    static String citations(Book book, Csv.Row row) {
        return row.sources().stream()
                .map(c -> {
                    Source s = book.source(c.id());
                    return s == null ? c.id() : s.cite(c.pinpoint().isEmpty() ? Optional.empty() : Optional.of(c.pinpoint()));
                })
                .collect(Collectors.joining("; "));
    }

    /** The row's citations as links (the bibliography page, and each source's address). */
    static String citationLinks(Book book, Csv.Row row) {
        return row.sources().stream()
                .map(c -> Html.cite(book.source(c.id()), c.id(), c.pinpoint(), "sources.html"))
                .collect(Collectors.joining("; "));
    }

    /** The https address of the row's first source that has one; null if none does. */
    static String url(Book book, Csv.Row row) {
        for (Csv.Cite cite : row.sources()) {
            String url = Html.url(book.source(cite.id()));
            if (url != null) {
                return url;
            }
        }
        return null;
    }

    /** A tooltip: what the row says, its dates, status, sources, note and place. */
    static String tooltip(Book book, Csv.Row row, String what, String dates) {
        String note = row.get("note");
        return what + "\n" + dates + " · " + row.get("status") + "\nsources: " + citations(book, row)
                + (note.isEmpty() ? "" : "\nnote: " + note) + "\n" + row.where();
    }

    /** A mark of the row on a timeline, from {@code from} to {@code to}. */
    static Optional<Timeline.Mark> span(Book book, Csv.Row row, String what, String color) {
        Optional<LocalDate> from = row.date("from");
        if (from.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Timeline.Mark(from.get(), row.date("to"), false, color, row.get("status"),
                tooltip(book, row, what, dates(row)), url(book, row)));
    }

    /** The status as a badge. */
    static String status(String status) {
        return "<span class=\"status " + esc(status) + "\">" + esc(status) + "</span>";
    }
}
