package org.ceerules.cli.report;

import static org.ceerules.cli.report.Html.esc;

import java.util.ArrayList;
import java.util.List;

/**
 * The HTS scope as charts by chapter: one chart per status (confirmed, secondary, inferred), so
 * that what a source says stands apart from our reading. In each, a row of
 * {@code data/hts-scope.csv} is a bar over the chapters its range covers, in its Center's colour:
 * chapter rows above, heading rows (and longer prefixes) below, which override them. Then every
 * row as a table.
 */
final class HtsPage {

    private static final int LEFT = 90;
    private static final int COLUMN = 10;
    private static final int CHAPTERS = 99;
    private static final int WIDTH = LEFT + CHAPTERS * COLUMN + 10;
    private static final int AXIS = 22;
    private static final int CHAPTER_ROW = 22;
    private static final int HEADING_ROW = 13;

    private HtsPage() {
    }

    static String html(Book book) {
        List<Csv.Row> rows = book.rows(Book.HTS_SCOPE);
        StringBuilder body = new StringBuilder(65536);
        body.append("<p>Which Center's industry covers each HTS chapter (<code>").append(Book.HTS_SCOPE)
                .append("</code>, ").append(rows.size()).append(" rows): a chart per status, so that the rows an "
                        + "official source confirms stand apart from the secondary ones and from our inferences. A "
                        + "bar covers the chapters of its row's range, in its Center's colour; chapter rows are on "
                        + "top, heading rows and longer prefixes below them (where rows of several lengths cover a "
                        + "number, the longest prefix decides). Rows of one range over time are stacked; a row that "
                        + "has ended is pale. Point at a bar for the row; click it to open its first source.</p>\n");
        body.append("<div class=\"legend\"><p>Centers: ");
        for (String team : List.of("001", "002", "003", "004", "005", "006", "007", "008", "009", "010")) {
            body.append(Rows.swatch(Rows.color(team)))
                    .append(esc(Book.centerName(team))).append(' ');
        }
        body.append(Rows.swatch(Rows.NO_CENTER)).append("no Center</p></div>\n");
        body.append("<nav class=\"toc\"><ul>");
        for (String status : Rows.STATUSES) {
            long n = rows.stream().filter(r -> r.get("status").equals(status)).count();
            body.append("<li><a href=\"#").append(status).append("\">").append(status).append(" (").append(n)
                    .append(")</a></li>");
        }
        body.append("<li><a href=\"#scope-rows\">Every row</a></li></ul></nav>\n");
        for (String status : Rows.STATUSES) {
            List<Csv.Row> of = rows.stream().filter(r -> r.get("status").equals(status)).toList();
            body.append("<section id=\"").append(status).append("\"><h2>").append(Character.toUpperCase(status.charAt(0)))
                    .append(status.substring(1)).append(" rows (").append(of.size()).append(")</h2>\n");
            if (of.isEmpty()) {
                body.append("<p class=\"empty\">No row of the HTS scope is ").append(status).append(".</p>\n");
            } else {
                body.append("<div class=\"chart\">").append(chart(book, status, of)).append("</div>\n");
            }
            body.append("</section>\n");
        }
        body.append(table(book, rows));
        return Html.page("hts.html", "HTS scope by chapter", book.version(), book.origin(), book.report().isPresent(),
                body.toString());
    }

    /** {@code 8511} for a single prefix, {@code 01–24} for a range. */
    static String range(Csv.Row row) {
        String first = row.get("first");
        String last = row.get("last");
        return first.equals(last) || last.isEmpty() ? first : first + "–" + last;
    }

    private static int chapter(String prefix) {
        try {
            return Integer.parseInt(prefix.substring(0, Math.min(2, prefix.length())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** A bar's chapters, and the stack it is placed in. */
    private record Bar(Csv.Row row, int first, int last) {
    }

    private static String chart(Book book, String status, List<Csv.Row> rows) {
        List<List<Bar>> chapters = stack(rows.stream().filter(r -> r.get("first").length() <= 2).toList());
        List<List<Bar>> headings = stack(rows.stream().filter(r -> r.get("first").length() > 2).toList());
        int headingsTop = AXIS + chapters.size() * CHAPTER_ROW + (chapters.isEmpty() ? 0 : 8);
        int height = headingsTop + headings.size() * HEADING_ROW + 10;
        String id = "hts-" + status;
        StringBuilder svg = new StringBuilder(16384);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"hts\" id=\"").append(id)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height).append("\" width=\"").append(WIDTH)
                .append("\" height=\"").append(height).append("\" role=\"img\" aria-labelledby=\"").append(id)
                .append("-title\">\n<title id=\"").append(id).append("-title\">HTS scope rows that are ").append(status)
                .append(", by chapter</title>\n");
        for (int ch = 1; ch <= CHAPTERS; ch++) {
            int x = LEFT + (ch - 1) * COLUMN;
            if (ch == 1 || ch % 5 == 0) {
                svg.append("<text class=\"chapter\" x=\"").append(x + 1).append("\" y=\"").append(AXIS - 8).append("\">")
                        .append(String.format(java.util.Locale.ROOT, "%02d", ch)).append("</text>");
            }
            svg.append("<line class=\"").append(ch % 10 == 1 ? "decade" : "column").append("\" x1=\"").append(x)
                    .append("\" y1=\"").append(AXIS - 4).append("\" x2=\"").append(x).append("\" y2=\"")
                    .append(height - 6).append("\"/>");
        }
        svg.append('\n');
        if (!chapters.isEmpty()) {
            svg.append("<text class=\"lane\" x=\"4\" y=\"").append(AXIS + 12).append("\">chapters</text>\n");
        }
        if (!headings.isEmpty()) {
            svg.append("<text class=\"lane\" x=\"4\" y=\"").append(headingsTop + 8).append("\">headings</text>\n");
        }
        bars(svg, book, chapters, AXIS, CHAPTER_ROW);
        bars(svg, book, headings, headingsTop, HEADING_ROW);
        return svg.append("</svg>\n").toString();
    }

    private static void bars(StringBuilder svg, Book book, List<List<Bar>> stacks, int top, int rowHeight) {
        for (int s = 0; s < stacks.size(); s++) {
            for (Bar bar : stacks.get(s)) {
                Csv.Row row = bar.row();
                String url = Rows.url(book, row);
                String what = "HTS " + range(row) + " (chapter" + (bar.first() == bar.last() ? " " + two(bar.first())
                        : "s " + two(bar.first()) + "–" + two(bar.last())) + "): " + Book.centerName(row.get("team"));
                svg.append(url == null ? "<g class=\"mark\">" : "<a class=\"mark\" href=\"" + esc(url) + "\">")
                        .append("<title>").append(esc(Rows.tooltip(book, row, what, Rows.dates(row)))).append("</title>")
                        .append("<rect x=\"").append(LEFT + (bar.first() - 1) * COLUMN + 1).append("\" y=\"")
                        .append(top + s * rowHeight + 1).append("\" width=\"")
                        .append((bar.last() - bar.first() + 1) * COLUMN - 2).append("\" height=\"").append(rowHeight - 2)
                        .append("\" fill=\"").append(Rows.color(row.get("team"))).append("\" class=\"")
                        .append(row.get("to").isEmpty() ? "bar" : "bar ended").append("\"/>");
                int width = (bar.last() - bar.first() + 1) * COLUMN;
                if (rowHeight == CHAPTER_ROW && width >= 30 && !row.get("team").isEmpty()) {
                    svg.append("<text class=\"team\" x=\"").append(LEFT + (bar.first() - 1) * COLUMN + width / 2)
                            .append("\" y=\"").append(top + s * rowHeight + rowHeight / 2 + 4).append("\">")
                            .append(esc(row.get("team"))).append("</text>");
                }
                svg.append(url == null ? "</g>\n" : "</a>\n");
            }
        }
    }

    private static String two(int chapter) {
        return String.format(java.util.Locale.ROOT, "%02d", chapter);
    }

    /** Places each row's bar in the first stack where it overlaps no other bar. */
    private static List<List<Bar>> stack(List<Csv.Row> rows) {
        List<List<Bar>> stacks = new ArrayList<>();
        for (Csv.Row row : rows) {
            Bar bar = new Bar(row, chapter(row.get("first")), Math.max(chapter(row.get("first")),
                    chapter(row.get("last").isEmpty() ? row.get("first") : row.get("last"))));
            List<Bar> free = null;
            for (List<Bar> stack : stacks) {
                if (stack.stream().noneMatch(b -> b.first() <= bar.last() && bar.first() <= b.last())) {
                    free = stack;
                    break;
                }
            }
            if (free == null) {
                free = new ArrayList<>();
                stacks.add(free);
            }
            free.add(bar);
        }
        return stacks;
    }

    private static String table(Book book, List<Csv.Row> rows) {
        StringBuilder html = new StringBuilder("<section id=\"scope-rows\"><h2>Every row</h2>\n");
        html.append("<table class=\"rows\"><thead><tr><th>Range</th><th>Center</th><th>From</th><th>Until</th>"
                + "<th>Status</th><th>Sources</th><th>Row</th></tr></thead><tbody>\n");
        for (Csv.Row row : rows) {
            html.append("<tr><td><code>").append(esc(range(row))).append("</code></td><td>")
                    .append(Rows.swatch(Rows.color(row.get("team"))))
                    .append(esc(Book.centerName(row.get("team")))).append("</td><td class=\"date\">")
                    .append(esc(row.get("from"))).append("</td><td class=\"date\">").append(esc(row.get("to")))
                    .append("</td><td>").append(Rows.status(row.get("status"))).append("</td><td>")
                    .append(Rows.citationLinks(book, row));
            if (!row.get("note").isEmpty()) {
                html.append("<br/><span class=\"note\">").append(esc(row.get("note"))).append("</span>");
            }
            html.append("</td><td><code>").append(esc(row.where())).append("</code></td></tr>\n");
        }
        return html.append("</tbody></table></section>\n").toString();
    }
}
