package org.ceerules.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A public source of a rule set's bibliography, which rules and data rows cite by its id
 * ({@link Citation}). Listed by {@link Router#sources()}; an explanation carries the sources its
 * decision cites.
 *
 * <p>Immutable and thread-safe. No component is null or blank.
 *
 * @param id       the stable id citations use, such as {@code tpd-2013}
 * @param title    the document's title as published
 * @param issuer   who published it
 * @param date     when it was published: {@code yyyy-MM-dd}, {@code yyyy-MM} or {@code yyyy}
 * @param citation the short form an answer's authority text uses, such as
 *                 {@code 19 CFR 132.12} or {@code CBP Dec. 16-26}
 * @param url      where a user can read it: an {@code https} address
 * @param kind     whether the source is the issuer's own text or a report of it
 * @since 0.1
 */
public record Source(String id, String title, String issuer, String date, String citation, String url, Kind kind) {

    /** Whether a source is the official text or a report of it. */
    public enum Kind {
        /** The issuer's own text: CBP, the Federal Register, 19 CFR, the Census Bureau. */
        OFFICIAL,
        /** A report or copy of an official text: trade press, law firms, third-party copies. */
        SECONDARY;

        /**
         * @return the word the bibliography and the JSON use: {@code official} or {@code secondary}
         */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * @param label {@code official} or {@code secondary}
         * @return the kind, or empty if the label is neither
         */
        public static Optional<Kind> ofLabel(String label) {
            for (Kind kind : values()) {
                if (kind.label().equals(label)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }

        /**
         * @return the surest certainty a fact resting on such a source alone may claim
         */
        public Certainty certainty() {
            return this == OFFICIAL ? Certainty.CONFIRMED : Certainty.SECONDARY;
        }
    }

    /**
     * Validates every component.
     *
     * @param id       the stable id citations use, such as {@code tpd-2013}
     * @param title    the document's title as published
     * @param issuer   who published it
     * @param date     when it was published: {@code yyyy-MM-dd}, {@code yyyy-MM} or {@code yyyy}
     * @param citation the short form an answer's authority text uses
     * @param url      where a user can read it: an {@code https} address
     * @param kind     whether the source is the issuer's own text or a report of it
     * @throws InvalidRequestException naming every invalid component: an id not of a source id's
     *                                 shape ({@link Citation#isSourceId(String)}), a blank text,
     *                                 a date not of the shapes above, a URL that is not a plain
     *                                 {@code https} address
     * @throws NullPointerException    if a component is null
     */
    public Source {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(citation, "citation");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(kind, "kind");
        List<Violation> violations = new ArrayList<>();
        if (!Citation.isSourceId(id)) {
            violations.add(new Violation("id", "must be lower-case letters, digits, '.' and '-', was " + Checks.quote(id)));
        }
        for (String[] text : new String[][] {{"title", title}, {"issuer", issuer}, {"citation", citation}}) {
            if (text[1].isBlank()) {
                violations.add(new Violation(text[0], "is required"));
            }
        }
        if (!Checks.shaped(date, "dddd-dd-dd") && !Checks.shaped(date, "dddd-dd") && !Checks.shaped(date, "dddd")) {
            violations.add(new Violation("date", "must be yyyy-MM-dd, yyyy-MM or yyyy, was " + Checks.quote(date)));
        }
        if (!isHttpsUrl(url)) {
            violations.add(new Violation("url", "must be an https address, was " + Checks.quote(url)));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
    }

    /**
     * @param text a text
     * @return whether it is an absolute {@code https} URL with a host and no spaces
     */
    public static boolean isHttpsUrl(String text) {
        if (text == null || !text.startsWith("https://") || text.length() > 2048) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`'
                    || c == '{' || c == '|' || c == '}') {
                return false;
            }
        }
        try {
            java.net.URI uri = new java.net.URI(text);
            return uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /**
     * @param pinpoint the part cited, or empty for the whole source
     * @return how an authority text names the source and the part: its {@link #citation()},
     *         then the pinpoint after a comma (or directly, for a paragraph such as {@code (a)})
     */
    public String cite(Optional<String> pinpoint) {
        if (pinpoint.isEmpty()) {
            return citation;
        }
        return pinpoint.get().startsWith("(") ? citation + pinpoint.get() : citation + ", " + pinpoint.get();
    }
}
