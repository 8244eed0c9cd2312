package org.ceerules.cli.report;

import static org.ceerules.cli.report.Html.esc;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A timeline as inline SVG: one lane per line of the chart, a label on the left, the years along
 * the top; a row of a data file is a bar from its first day to the day it no longer applies (to
 * the chart's end while it is still in effect), or a diamond for a single day. Each mark links to
 * the address of the row's first source and says, as a tooltip ({@code <title>}), the row, its
 * dates, status and sources. Bands shade spans of time behind every lane (the regimes).
 */
final class Timeline {

    static final int LABEL_WIDTH = 300;
    static final int PLOT_WIDTH = 680;
    static final int WIDTH = LABEL_WIDTH + PLOT_WIDTH + 20;
    static final int AXIS = 30;
    static final int LANE = 18;
    static final int HEADER = 24;

    /**
     * A mark: a row of a data file on the timeline.
     *
     * @param from    its first day
     * @param to      the first day it no longer applies; empty while it still does
     * @param point   whether it is a single day (an opening) rather than a span
     * @param color   its fill
     * @param status  {@code confirmed}, {@code secondary} or {@code inferred}: how it is drawn
     * @param tooltip what the tooltip says
     * @param url     where it links (its first source's https address), or null
     */
    record Mark(LocalDate from, Optional<LocalDate> to, boolean point, String color, String status, String tooltip,
                String url) {
    }

    /**
     * A lane of the chart.
     *
     * @param label  its label
     * @param detail what its label's tooltip says
     * @param header whether it is a group's header (bold, no marks)
     * @param marks  its marks
     */
    record Lane(String label, String detail, boolean header, List<Mark> marks) {

        Lane(String label, List<Mark> marks) {
            this(label, label, false, marks);
        }

        /** A group's header: its label, and the data file its lanes come from. */
        static Lane header(String label, String file) {
            return new Lane(label, label + " (" + file + ")", true, List.of());
        }
    }

    /**
     * A span of time shaded behind every lane.
     *
     * @param from  its first day
     * @param to    the first day after it; empty for the chart's end
     * @param label its label, at the top
     * @param color its fill
     */
    record Band(LocalDate from, Optional<LocalDate> to, String label, String color) {
    }

    private Timeline() {
    }

    /**
     * @param id      the chart's element id
     * @param caption what the chart shows, as its accessible name
     * @param start   the chart's first day (earlier marks start at the left edge)
     * @param end     the chart's last day
     * @param bands   the spans shaded behind the lanes
     * @param lanes   the lanes, top to bottom
     * @return the SVG element
     */
    static String svg(String id, String caption, LocalDate start, LocalDate end, List<Band> bands, List<Lane> lanes) {
        int height = AXIS + lanes.stream().mapToInt(l -> l.header() ? HEADER : LANE).sum() + 8;
        StringBuilder svg = new StringBuilder(8192);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" id=\"").append(esc(id))
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-labelledby=\"").append(esc(id)).append("-title\">\n")
                .append("<title id=\"").append(esc(id)).append("-title\">").append(esc(caption)).append("</title>\n");
        int plotTop = AXIS;
        int plotBottom = height - 8;
        for (Band band : bands) {
            double x1 = x(band.from(), start, end);
            double x2 = x(band.to().orElse(end), start, end);
            svg.append("<g class=\"band\"><title>").append(esc(band.label())).append("</title><rect x=\"")
                    .append(f(x1)).append("\" y=\"").append(plotTop).append("\" width=\"").append(f(Math.max(0, x2 - x1)))
                    .append("\" height=\"").append(plotBottom - plotTop).append("\" fill=\"").append(band.color())
                    .append("\"/><text class=\"band-label\" x=\"").append(f(x1 + 4)).append("\" y=\"")
                    .append(plotBottom - 4).append("\">").append(esc(band.label())).append("</text></g>\n");
        }
        // the years
        for (int year = start.getYear(); year <= end.getYear(); year++) {
            LocalDate jan1 = LocalDate.of(year, 1, 1);
            if (jan1.isBefore(start) || jan1.isAfter(end)) {
                continue;
            }
            double x = x(jan1, start, end);
            svg.append("<line class=\"year\" x1=\"").append(f(x)).append("\" y1=\"").append(AXIS - 6)
                    .append("\" x2=\"").append(f(x)).append("\" y2=\"").append(plotBottom).append("\"/>");
            if (jan1.isBefore(end)) {
                svg.append("<text class=\"year\" x=\"").append(f(x + 2)).append("\" y=\"").append(AXIS - 10)
                        .append("\">").append(year).append("</text>");
            }
            svg.append('\n');
        }
        int y = AXIS;
        for (Lane lane : lanes) {
            int h = lane.header() ? HEADER : LANE;
            String label = lane.label().length() > 48 ? lane.label().substring(0, 46) + "…" : lane.label();
            svg.append("<text class=\"").append(lane.header() ? "group" : "lane").append("\" x=\"")
                    .append(lane.header() ? 4 : 12).append("\" y=\"").append(y + h - 5).append("\"><title>")
                    .append(esc(lane.detail())).append("</title>").append(esc(label)).append("</text>\n");
            if (!lane.header()) {
                svg.append("<line class=\"lane\" x1=\"").append(LABEL_WIDTH).append("\" y1=\"").append(y + h)
                        .append("\" x2=\"").append(LABEL_WIDTH + PLOT_WIDTH).append("\" y2=\"").append(y + h)
                        .append("\"/>\n");
            }
            for (Mark mark : lane.marks()) {
                mark(svg, mark, y, start, end);
            }
            y += h;
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void mark(StringBuilder svg, Mark mark, int laneTop, LocalDate start, LocalDate end) {
        if (mark.url() != null) {
            svg.append("<a class=\"mark\" href=\"").append(esc(mark.url())).append("\">");
        } else {
            svg.append("<g class=\"mark\">");
        }
        svg.append("<title>").append(esc(mark.tooltip())).append("</title>");
        String style = " fill=\"" + mark.color() + "\" class=\"" + esc(mark.status()) + "\"";
        if (mark.point()) {
            double cx = x(mark.from(), start, end);
            double cy = laneTop + LANE / 2.0;
            svg.append("<polygon points=\"").append(f(cx)).append(',').append(f(cy - 6)).append(' ')
                    .append(f(cx + 6)).append(',').append(f(cy)).append(' ').append(f(cx)).append(',')
                    .append(f(cy + 6)).append(' ').append(f(cx - 6)).append(',').append(f(cy)).append('"')
                    .append(style).append("/>");
        } else {
            double x1 = x(mark.from(), start, end);
            double x2 = x(mark.to().orElse(end), start, end);
            svg.append("<rect x=\"").append(f(x1)).append("\" y=\"").append(laneTop + 3).append("\" width=\"")
                    .append(f(Math.max(2, x2 - x1))).append("\" height=\"").append(LANE - 6).append("\" rx=\"2\"")
                    .append(style).append("/>");
        }
        svg.append(mark.url() != null ? "</a>\n" : "</g>\n");
    }

    /** The horizontal position of a day, clamped to the plot. */
    static double x(LocalDate date, LocalDate start, LocalDate end) {
        double span = ChronoUnit.DAYS.between(start, end);
        double at = ChronoUnit.DAYS.between(start, date);
        return LABEL_WIDTH + Math.max(0, Math.min(1, at / span)) * PLOT_WIDTH;
    }

    static String f(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
