package org.ceerules.drools;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of one DRL file as the checks before compilation read it: its lines, the same lines
 * with comments blanked ({@link #code()}), with comments and the contents of string literals
 * blanked ({@link #bare()}), and where each rule is written. Blanking keeps every line break and
 * every column, so that a position in one view is the same line and column in the others.
 *
 * <p>The reading errs on the side of seeing code: a string ends at the end of its line, {@code #}
 * does not start a comment, a text block is read as strings and code. So text the compiler would
 * take as code is never blanked; some text it would take as a string may be read as code.
 *
 * <p>Immutable and thread-safe.
 */
final class DrlText {

    private static final Pattern RULE_HEADER = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"");
    private static final Pattern WHEN = Pattern.compile("^\\s*when\\b");
    private static final Pattern THEN = Pattern.compile("^\\s*then\\b");
    private static final Pattern END = Pattern.compile("^\\s*end\\b");

    /**
     * Where a rule is written: the lines (from 1) of its header and of its {@code when},
     * {@code then} and {@code end} keywords, each 0 when it is missing. Its conditions are the
     * lines after {@code when} and before {@code then}, its consequence the lines after
     * {@code then} and before {@code end}.
     */
    record Rule(String name, int header, int when, int then, int end) {

        /** @return the last line of the rule: its {@code end}, or else its last keyword */
        int last() {
            return Math.max(Math.max(header, when), Math.max(then, end));
        }

        boolean contains(int line) {
            return line >= header && line <= (end > 0 ? end : last());
        }

        boolean inConditions(int line) {
            return when > 0 && line > when && line < (then > 0 ? then : end > 0 ? end : Integer.MAX_VALUE);
        }

        boolean inConsequence(int line) {
            return then > 0 && line >= then && line < (end > 0 ? end : Integer.MAX_VALUE);
        }
    }

    private final String[] lines;
    private final String code;
    private final String bare;
    private final String[] codeLines;
    private final String[] bareLines;
    private final List<Rule> rules;

    private DrlText(String text) {
        this.lines = text.split("\r?\n", -1);
        StringBuilder withStrings = new StringBuilder(text.length());
        StringBuilder withoutStrings = new StringBuilder(text.length());
        blank(text, withStrings, withoutStrings);
        this.code = withStrings.toString();
        this.bare = withoutStrings.toString();
        this.codeLines = code.split("\r?\n", -1);
        this.bareLines = bare.split("\r?\n", -1);
        this.rules = findRules(codeLines);
    }

    static DrlText of(String text) {
        return new DrlText(text);
    }

    /** @return the lines of the file as written */
    String[] lines() {
        return lines;
    }

    /** @return the text with comments blanked */
    String code() {
        return code;
    }

    /** @return the text with comments and the contents of string literals blanked (the quotes are kept) */
    String bare() {
        return bare;
    }

    /** @return the line (from 1) of {@code line}, comments blanked; empty for a line out of range */
    String codeLine(int line) {
        return line >= 1 && line <= codeLines.length ? codeLines[line - 1] : "";
    }

    /** @return the number of lines */
    int lineCount() {
        return lines.length;
    }

    /** @return the line (from 1) of a position in the text */
    int lineAt(int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bare.length(); i++) {
            if (bare.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** @return the rules, in the order written */
    List<Rule> rules() {
        return rules;
    }

    /** @return the rule written at {@code line}, if any */
    Optional<Rule> ruleAt(int line) {
        return rules.stream().filter(r -> r.contains(line)).findFirst();
    }

    /** @return the first rule of this name */
    Optional<Rule> rule(String name) {
        return rules.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /**
     * Where a function is written: the line (from 1) of its header and of its closing brace.
     *
     * @return the first and last line, empty if no function of that name is written
     */
    Optional<int[]> function(String name) {
        Pattern header = Pattern.compile("^\\s*function\\b.*\\b" + Pattern.quote(name) + "\\s*\\(");
        for (int i = 0; i < bareLines.length; i++) {
            if (!header.matcher(bareLines[i]).find()) {
                continue;
            }
            int depth = 0;
            boolean opened = false;
            for (int k = i; k < bareLines.length; k++) {
                for (char c : bareLines[k].toCharArray()) {
                    if (c == '{') {
                        depth++;
                        opened = true;
                    } else if (c == '}') {
                        depth--;
                    }
                }
                if (opened && depth <= 0) {
                    return Optional.of(new int[] {i + 1, k + 1});
                }
            }
            return Optional.of(new int[] {i + 1, bareLines.length});
        }
        return Optional.empty();
    }

    private static List<Rule> findRules(String[] lines) {
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            Matcher header = RULE_HEADER.matcher(lines[i]);
            if (!header.find()) {
                continue;
            }
            int when = 0;
            int then = 0;
            int end = 0;
            for (int k = i + 1; k < lines.length && end == 0 && !RULE_HEADER.matcher(lines[k]).find(); k++) {
                if (when == 0 && then == 0 && WHEN.matcher(lines[k]).find()) {
                    when = k + 1;
                } else if (then == 0 && THEN.matcher(lines[k]).find()) {
                    then = k + 1;
                } else if (END.matcher(lines[k]).find()) {
                    end = k + 1;
                }
            }
            rules.add(new Rule(header.group(1), i + 1, when, then, end));
        }
        return List.copyOf(rules);
    }

    /**
     * Copies {@code text} twice: with comments blanked, and with comments and the contents of
     * string and character literals blanked. A backslash escapes the next character of a
     * literal; a literal left open ends with its line.
     */
    private static void blank(String text, StringBuilder code, StringBuilder bare) {
        final int plain = 0;
        final int lineComment = 1;
        final int blockComment = 2;
        int state = plain;
        char quote = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            char next = i + 1 < n ? text.charAt(i + 1) : 0;
            if (c == '\n' || c == '\r') {
                code.append(c);
                bare.append(c);
                if (state == lineComment) {
                    state = plain;
                }
                quote = 0;
                continue;
            }
            if (quote != 0) {
                code.append(c);
                if (c == '\\' && next != 0 && next != '\n' && next != '\r') {
                    code.append(next);
                    bare.append("  ");
                    i++;
                } else if (c == quote) {
                    bare.append(c);
                    quote = 0;
                } else {
                    bare.append(' ');
                }
                continue;
            }
            if (state == lineComment) {
                code.append(' ');
                bare.append(' ');
            } else if (state == blockComment) {
                if (c == '*' && next == '/') {
                    code.append("  ");
                    bare.append("  ");
                    i++;
                    state = plain;
                } else {
                    code.append(' ');
                    bare.append(' ');
                }
            } else if (c == '/' && next == '/') {
                state = lineComment;
                code.append(' ');
                bare.append(' ');
            } else if (c == '/' && next == '*') {
                state = blockComment;
                code.append("  ");
                bare.append("  ");
                i++;
            } else {
                if (c == '"' || c == '\'') {
                    quote = c;
                }
                code.append(c);
                bare.append(c);
            }
        }
    }
}
