package org.ceerules.json;

import java.util.Locale;

/**
 * Field paths as the error objects name them: {@code entrySummary.lines[0].hts}, {@code $} for
 * the request as a whole. A name that is not a plain identifier (empty, with dots, spaces or
 * quotes) is written in brackets as a quoted, escaped and shortened JSON string, {@code
 * account["foo bar"]}, so that a path is never blank and never ambiguous.
 */
final class FieldPath {

    /** The path of the request as a whole. */
    static final String ROOT = "$";

    /** The longest name written as is. */
    private static final int MAX_PLAIN = 64;
    private static final int MAX_SHOWN = 40;
    /** How long a quoted name may grow with its escapes before it is cut. */
    private static final int MAX_SHOWN_ESCAPED = 80;

    private FieldPath() {
    }

    /**
     * @param parent the enclosing object's path, {@link #ROOT} for the request
     * @param name   the field's name as it appears in the JSON
     * @return the field's path
     */
    static String child(String parent, String name) {
        if (isPlain(name)) {
            return parent.equals(ROOT) ? name : parent + "." + name;
        }
        String bracketed = "[" + quote(name) + "]";
        return parent.equals(ROOT) ? bracketed : parent + bracketed;
    }

    /**
     * A name written as is in a path: a letter or underscore, then up to 63 letters, digits or
     * underscores, all ASCII (every name of the contract). Every field of every request passes
     * here, so this is a loop and not a regular expression.
     */
    static boolean isPlain(String name) {
        int length = name.length();
        if (length == 0 || length > MAX_PLAIN) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = name.charAt(i);
            boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
            if (!letter && (i == 0 || c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param parent the array's path
     * @param index  the element's index, from 0
     * @return the element's path
     */
    static String element(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /**
     * A JSON string literal for {@code text}, shortened to 40 characters, with control characters
     * escaped; cut sooner when its escapes make it longer than 80 (the twin of the API's
     * {@code Checks.quote}, which this module cannot call: keep the two alike).
     */
    static String quote(String text) {
        StringBuilder sb = new StringBuilder().append('"');
        for (int i = 0; i < text.length(); i++) {
            if (i == MAX_SHOWN || sb.length() > MAX_SHOWN_ESCAPED) {
                sb.append("...");
                break;
            }
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
