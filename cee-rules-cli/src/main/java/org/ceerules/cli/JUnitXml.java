package org.ceerules.cli;

import java.io.IOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.ceerules.api.KnowledgeBaseRule;
import org.ceerules.testkit.CaseReport;

/**
 * A case run as a JUnit XML report, in the format Maven Surefire and Ant write and CI servers
 * read: one {@code testsuite} (its {@code tests}, {@code failures}, {@code errors},
 * {@code skipped} and {@code time}), one {@code testcase} per case. A case's {@code classname} is
 * the suite's name (the cases folder's name) followed by the sub-folders of its file, joined by
 * dots ({@code my-cases.hts}); its {@code name} is the case's name. A failing case has a
 * {@code failure} naming every difference; a case file that breaks the format an {@code error}.
 * With coverage required, a last test case fails naming the rules that fired for no case.
 *
 * <p>Stateless; not instantiable.
 */
final class JUnitXml {

    /** The name of the coverage test case, as {@code CaseTests} names it. */
    static final String COVERAGE = "every rule fired for some case";

    private JUnitXml() {
    }

    /**
     * Writes the report to {@code file} (through a temporary file beside it, so that a reader never
     * sees half of it), creating its folder.
     *
     * @param file            the file to write
     * @param cases           the cases folder
     * @param report          the run
     * @param requireCoverage whether a last test case checks that every rule fired
     * @param elapsed         how long the whole run took
     * @throws IOException if the file cannot be written
     */
    static void write(Path file, Path cases, CaseReport report, boolean requireCoverage, Duration elapsed)
            throws IOException {
        Path target = file.toAbsolutePath().normalize();
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                out.write(xml(cases, report, requireCoverage, elapsed));
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The report as text. */
    static String xml(Path cases, CaseReport report, boolean requireCoverage, Duration elapsed) {
        Path root = cases.toAbsolutePath().normalize();
        String suite = root.getFileName() == null ? "cases" : root.getFileName().toString();
        List<KnowledgeBaseRule> never = report.neverFired();
        boolean coverage = requireCoverage;
        long tests = report.outcomes().size() + (coverage ? 1 : 0);
        long errors = report.outcomes().stream().filter(CaseReport.Outcome::malformed).count();
        long failures = report.outcomes().stream().filter(o -> !o.passed() && !o.malformed()).count()
                + (coverage && !never.isEmpty() ? 1 : 0);
        StringBuilder xml = new StringBuilder(4096);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuite name=\"").append(escape(suite))
                .append("\" tests=\"").append(tests)
                .append("\" failures=\"").append(failures)
                .append("\" errors=\"").append(errors)
                .append("\" skipped=\"0\" time=\"").append(seconds(elapsed))
                .append("\" timestamp=\"").append(LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS)
                        .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME))
                .append("\" hostname=\"").append(escape(hostname())).append("\">\n");
        xml.append("  <properties>\n");
        property(xml, "rulesVersion", report.rulesVersion());
        property(xml, "cases", root.toString());
        property(xml, "rules", Integer.toString(report.rules().size()));
        property(xml, "rulesFired", Integer.toString(report.rules().size() - never.size()));
        xml.append("  </properties>\n");
        for (CaseReport.Outcome outcome : report.outcomes()) {
            xml.append("  <testcase name=\"").append(escape(outcome.name()))
                    .append("\" classname=\"").append(escape(className(suite, root, outcome.file())))
                    .append("\" file=\"").append(escape(outcome.file().toString()))
                    .append("\" time=\"").append(seconds(outcome.time())).append('"');
            if (outcome.passed()) {
                xml.append("/>\n");
                continue;
            }
            String element = outcome.malformed() ? "error" : "failure";
            String message = outcome.malformed()
                    ? "the case file breaks the format: " + outcome.differences().get(0)
                    : outcome.differences().size() + " difference(s): " + outcome.differences().get(0);
            xml.append(">\n    <").append(element).append(" message=\"").append(escape(message))
                    .append("\" type=\"").append(outcome.malformed() ? "malformed case" : "case failed").append("\">")
                    .append(text(outcome.file() + "\n  " + String.join("\n  ", outcome.differences())))
                    .append("</").append(element).append(">\n  </testcase>\n");
        }
        if (coverage) {
            xml.append("  <testcase name=\"").append(COVERAGE).append("\" classname=\"").append(escape(suite))
                    .append("\" time=\"0.000\"");
            if (never.isEmpty()) {
                xml.append("/>\n");
            } else {
                xml.append(">\n    <failure message=\"").append(never.size()).append(" rule(s) fired for no case\" ")
                        .append("type=\"coverage\">")
                        .append(text(never.stream().map(KnowledgeBaseRule::toString)
                                .collect(Collectors.joining("\n"))))
                        .append("</failure>\n  </testcase>\n");
            }
        }
        xml.append("</testsuite>\n");
        return xml.toString();
    }

    /** The suite, then the folders between the cases folder and the file, joined by dots. */
    static String className(String suite, Path root, Path file) {
        Path folder = file.toAbsolutePath().normalize().getParent();
        if (folder == null || !folder.startsWith(root) || folder.equals(root)) {
            return suite;
        }
        StringBuilder name = new StringBuilder(suite);
        for (Path part : root.relativize(folder)) {
            name.append('.').append(part);
        }
        return name.toString();
    }

    private static void property(StringBuilder xml, String name, String value) {
        xml.append("    <property name=\"").append(escape(name)).append("\" value=\"").append(escape(value))
                .append("\"/>\n");
    }

    private static String seconds(Duration time) {
        return String.format(Locale.ROOT, "%.3f", time.toNanos() / 1e9);
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException | SecurityException e) {
            return "localhost";
        }
    }

    /** Text for an element's content: as {@link #escape}, but line ends and tabs kept as they are. */
    static String text(String text) {
        return escape(text).replace("&#10;", "\n").replace("&#9;", "\t");
    }

    /**
     * Text for an XML 1.0 attribute: the five special characters as references, line ends and tabs
     * as character references (an attribute's value keeps them only so); a character XML 1.0
     * cannot hold (a control character, a lone surrogate) as {@code \\uXXXX}.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\n' -> out.append("&#10;");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append("&#9;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                        out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
