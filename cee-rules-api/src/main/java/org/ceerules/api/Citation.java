package org.ceerules.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A citation of one public source of a rule set's bibliography: the source's id and, where the
 * rule or data row rests on one part of it, a pinpoint (a section, a CFR paragraph, a table).
 * {@link Router#sources()} resolves the id to the source's title, citation and URL.
 *
 * <p>Immutable and thread-safe. No component is null.
 *
 * @param source   the id of a source of the bibliography, such as {@code tpd-2013} or
 *                 {@code 19-cfr-174.26}: lower-case letters, digits, {@code .} and {@code -},
 *                 starting with a letter or digit
 * @param pinpoint the part of the source cited, such as {@code Quota} or {@code (a)}; empty where
 *                 the whole source is cited
 * @since 0.1
 */
public record Citation(String source, Optional<String> pinpoint) {

    /**
     * Validates the source id and the pinpoint.
     *
     * @param source   the id of a source of the bibliography
     * @param pinpoint the part of the source cited; empty where the whole source is cited
     * @throws InvalidRequestException naming {@code source} or {@code pinpoint} when the id is not
     *                                 of the shape above or the pinpoint is blank or spans lines
     * @throws NullPointerException    if a component is null
     */
    public Citation {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(pinpoint, "pinpoint");
        List<Violation> violations = new java.util.ArrayList<>(2);
        if (!isSourceId(source)) {
            violations.add(new Violation("source", "must be a source id (lower-case letters, digits, '.' and '-'), was "
                    + Checks.quote(source)));
        }
        if (pinpoint.isPresent() && (pinpoint.get().isBlank() || pinpoint.get().indexOf('\n') >= 0
                || pinpoint.get().indexOf('\r') >= 0 || !pinpoint.get().equals(pinpoint.get().strip()))) {
            violations.add(new Violation("pinpoint", "must be one line of text without surrounding spaces, was "
                    + Checks.quote(pinpoint.get())));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
    }

    /**
     * @param source the id of a source of the bibliography
     * @return a citation of the whole source
     */
    public static Citation of(String source) {
        return new Citation(source, Optional.empty());
    }

    /**
     * @param source   the id of a source of the bibliography
     * @param pinpoint the part of the source cited
     * @return the citation
     */
    public static Citation of(String source, String pinpoint) {
        return new Citation(source, Optional.of(pinpoint));
    }

    /**
     * @param text a text
     * @return whether it has the shape of a source id: 1 to 64 lower-case ASCII letters, digits,
     *         {@code .} or {@code -}, the first a letter or digit
     */
    public static boolean isSourceId(String text) {
        if (text == null || text.isEmpty() || text.length() > 64) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!alnum && (i == 0 || (c != '.' && c != '-'))) {
                return false;
            }
        }
        return true;
    }
}
