package org.ceerules.api;

import java.util.ArrayList;
import java.util.List;

/**
 * A 10-digit number of the Harmonized Tariff Schedule, held in its dotted form {@code
 * NNNN.NN.NNNN}: what {@link Router#industryScope(HtsNumber, java.time.LocalDate)} looks up.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the number in its dotted form
 * @since 0.1
 */
public record HtsNumber(String value) {

    /**
     * Validates the number and puts it in its dotted form.
     *
     * @param value the number: 10 digits, dots optional
     * @throws InvalidRequestException naming the field {@code hts} if it is not 10 digits (dots
     *                                 optional) of an existing chapter
     */
    public HtsNumber {
        List<Violation> violations = new ArrayList<>();
        value = Checks.hts("hts", value, violations).orElse(null);
        Checks.throwIfAny(violations);
    }

    /**
     * Parses a tariff number.
     *
     * @param text 10 digits, dots optional: {@code 8511.10.0000} or {@code 8511100000}
     * @return the number
     * @throws InvalidRequestException naming the field {@code hts} if the text is not one
     */
    public static HtsNumber of(String text) {
        return new HtsNumber(text);
    }

    /**
     * @return the 10 digits without dots
     */
    public String digits() {
        return value.replace(".", "");
    }

    /**
     * @return the chapter: the first two digits
     */
    public String chapter() {
        return value.substring(0, 2);
    }

    /**
     * @return the heading: the first four digits
     */
    public String heading() {
        return value.substring(0, 4);
    }

    @Override
    public String toString() {
        return value;
    }
}
