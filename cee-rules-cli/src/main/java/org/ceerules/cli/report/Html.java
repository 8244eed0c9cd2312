package org.ceerules.cli.report;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ceerules.api.Source;

/**
 * Writing the report's pages: escaping, names for anchors, and the frame every page shares. The
 * pages are well-formed XML as well as HTML (every element closed, {@code <meta/>} and
 * {@code <br/>} self-closed, only the XML entities), so that a strict XML parser reads them; they
 * use no script and load nothing but {@code style.css}, beside them.
 */
final class Html {

    /** The pages of the report, in the order of the navigation bar: file, title. */
    static final List<String[]> PAGES = List.of(
            new String[] {"index.html", "Overview"},
            new String[] {"rules.html", "Rules"},
            new String[] {"timeline.html", "Timeline"},
            new String[] {"hts.html", "HTS scope"},
            new String[] {"cases.html", "Cases"},
            new String[] {"sources.html", "Sources"});
    /** What a page's generator meta element says: how a later run knows a folder holds a report. */
    static final String GENERATOR = "cee-rules report";

    private Html() {
    }

    /**
     * Text for an element's content or an attribute's value: {@code & < > " '} as references; a
     * character XML 1.0 cannot hold (a control character other than tab and line feed, a lone
     * surrogate) as U+FFFD.
     */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\t', '\n' -> out.append(c);
                case '\r' -> out.append("&#13;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** A name for an anchor: lower-case letters, digits and single hyphens. */
    static String slug(String text) {
        String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "x" : slug;
    }

    /** Unique anchors: a name already given gets {@code -2}, {@code -3}, ... */
    static final class Anchors {
        private final Set<String> given = new HashSet<>();

        String unique(String prefix, String text) {
            String base = prefix + slug(text);
            String anchor = base;
            for (int n = 2; !given.add(anchor); n++) {
                anchor = base + "-" + n;
            }
            return anchor;
        }
    }

    /**
     * A link to a source: its entry in the bibliography page, and its own address where the
     * bibliography gives an https one.
     *
     * @param source   the source, or null where the bibliography lacks the id
     * @param id       the id cited
     * @param pinpoint the pinpoint, empty where there is none
     * @param page     the bibliography page's file, relative to the linking page
     */
    static String cite(Source source, String id, String pinpoint, String page) {
        StringBuilder html = new StringBuilder();
        String label = source == null ? id : source.cite(pinpoint.isEmpty()
                ? java.util.Optional.empty() : java.util.Optional.of(pinpoint));
        html.append("<a class=\"cite\" href=\"").append(page).append("#src-").append(esc(id))
                .append("\" title=\"").append(esc(source == null ? id : source.title())).append("\">")
                .append(esc(label)).append("</a>");
        if (source != null && Source.isHttpsUrl(source.url())) {
            html.append(" <a class=\"ext\" href=\"").append(esc(source.url())).append("\" title=\"")
                    .append(esc(source.url())).append("\">[open]</a>");
        }
        return html.toString();
    }

    /** The address of a source, where it is an https address; else null. */
    static String url(Source source) {
        return source != null && Source.isHttpsUrl(source.url()) ? source.url() : null;
    }

    /**
     * A whole page.
     *
     * @param file    the page's file, to mark it in the navigation bar
     * @param title   the page's title
     * @param version the rule set's version
     * @param origin  where the rule set comes from
     * @param hasCases whether the report has a cases page
     * @param body    the page's content, already HTML
     */
    static String page(String file, String title, String version, String origin, boolean hasCases, String body) {
        StringBuilder html = new StringBuilder(body.length() + 2048);
        html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<meta name=\"generator\" content=\"").append(GENERATOR).append("\"/>\n")
                .append("<title>").append(esc(title)).append(" · cee-rules ").append(esc(version)).append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"style.css\"/>\n</head>\n<body>\n<header>\n")
                .append("<p class=\"brand\">cee-rules · rule set <strong>").append(esc(version)).append("</strong></p>\n")
                .append("<nav><ul>");
        for (String[] page : PAGES) {
            if (page[0].equals("cases.html") && !hasCases) {
                continue;
            }
            html.append("<li>");
            if (page[0].equals(file)) {
                html.append("<a class=\"here\" href=\"").append(page[0]).append("\" aria-current=\"page\">");
            } else {
                html.append("<a href=\"").append(page[0]).append("\">");
            }
            html.append(page[1]).append("</a></li>");
        }
        html.append("</ul></nav>\n</header>\n<main>\n<h1>").append(esc(title)).append("</h1>\n")
                .append(body)
                .append("</main>\n<footer><p>Written by <code>cee-rules report</code> from ").append(esc(origin))
                .append(", rule set ").append(esc(version))
                .append(". A static page: no script, nothing loaded from elsewhere.</p></footer>\n</body>\n</html>\n");
        return html.toString();
    }
}
