package org.ceerules.api;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which Center's industry covers a tariff number on a date, and the reference-data row that says
 * so: the answer of {@link Router#industryScope(HtsNumber, LocalDate)}.
 *
 * <p>A row covers a range of HTS prefixes of one length: chapters ({@code 85}), headings ({@code
 * 8511}) or longer prefixes. Where rows of several lengths cover a number, the longest prefix
 * decides. A row may name no Center: its goods belong to no Center's industry (HTS chapters 98 and
 * 99).
 *
 * <p>Immutable and thread-safe.
 *
 * @param hts            the tariff number asked about
 * @param asOf           the date asked about
 * @param center         the Center whose industry covers the number; empty where the row names none
 * @param first          the first HTS prefix of the row's range (digits only)
 * @param last           the last HTS prefix of the row's range, as long as {@code first}
 * @param effectiveFrom  the first day the row is in effect
 * @param effectiveUntil the first day the row is no longer in effect; empty while it still is
 * @param certainty      whether a source confirms the row or it is inferred
 * @param source         where the row comes from
 * @param file           the data file, relative to the rule set's root
 * @param line           the row's line in the file, from 1
 * @since 0.1
 */
public record IndustryScope(HtsNumber hts, LocalDate asOf, Optional<Center> center, String first, String last,
                            LocalDate effectiveFrom, Optional<LocalDate> effectiveUntil, Certainty certainty,
                            String source, String file, int line) {

    private static final Pattern PREFIX = Pattern.compile("\\d{2,10}");

    /**
     * Validates the components: a prefix range of digits, a non-empty range of dates, a line.
     *
     * @param hts            the tariff number asked about
     * @param asOf           the date asked about
     * @param center         the Center whose industry covers the number; empty where the row names none
     * @param first          the first HTS prefix of the row's range (2 to 10 digits)
     * @param last           the last HTS prefix of the row's range, as long as {@code first} and not
     *                       before it
     * @param effectiveFrom  the first day the row is in effect
     * @param effectiveUntil the first day the row is no longer in effect, after {@code effectiveFrom};
     *                       empty while it still is
     * @param certainty      whether a source confirms the row or it is inferred
     * @param source         where the row comes from
     * @param file           the data file, relative to the rule set's root
     * @param line           the row's line in the file, from 1
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if the prefixes, the dates or the line are not as above
     */
    public IndustryScope {
        Objects.requireNonNull(hts, "hts");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(center, "center");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(effectiveUntil, "effectiveUntil");
        Objects.requireNonNull(certainty, "certainty");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(file, "file");
        if (!PREFIX.matcher(first).matches() || !PREFIX.matcher(last).matches() || first.length() != last.length()
                || first.compareTo(last) > 0) {
            throw new IllegalArgumentException("first and last must be HTS prefixes of one length, first <= last, was "
                    + first + "-" + last);
        }
        if (effectiveUntil.isPresent() && !effectiveFrom.isBefore(effectiveUntil.get())) {
            throw new IllegalArgumentException("effectiveUntil must be after effectiveFrom, was " + effectiveFrom
                    + " to " + effectiveUntil.get());
        }
        if (line < 1) {
            throw new IllegalArgumentException("line must be at least 1, was " + line);
        }
    }

    /**
     * @return the row's range as written: {@code 85}, or {@code 2801-3302}
     */
    public String range() {
        return first.equals(last) ? first : first + "-" + last;
    }
}
