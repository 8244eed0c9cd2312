package org.ceerules.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of an entry summary (CBP Form 7501): a tariff number, its entered value and, where the
 * goods are subject to an antidumping or countervailing duty order, the Commerce case number.
 *
 * <p>Immutable and thread-safe.
 *
 * @param hts          the 10-digit HTS number; given with or without dots, held as {@code NNNN.NN.NNNN}
 * @param enteredValue the entered value in U.S. dollars; not negative, below 10^15, with at most 6
 *                     decimal places (a millionth of a dollar): a value with more is refused,
 *                     before any arithmetic on it ({@code 1E-99999999}, "must have at most 6
 *                     decimal places"); zeros beyond the sixth place are dropped, {@code
 *                     125.50000000} is held as {@code 125.500000}
 * @param adcvdCase    the AD/CVD case number ({@code A-570-000} or {@code C-570-000}), if any
 * @since 0.1
 */
public record EntryLine(String hts, BigDecimal enteredValue, Optional<String> adcvdCase) {

    /**
     * Validates every component, puts the HTS number in its dotted form and drops the entered
     * value's zeros beyond the sixth decimal place.
     *
     * @param hts          the 10-digit HTS number, with or without dots
     * @param enteredValue the entered value in U.S. dollars; not negative, below 10^15, at most 6
     *                     decimal places
     * @param adcvdCase    the AD/CVD case number, if any
     * @throws InvalidRequestException naming every invalid component
     * @throws NullPointerException    if {@code adcvdCase} is null
     */
    public EntryLine {
        Objects.requireNonNull(adcvdCase, "adcvdCase");
        List<Violation> violations = new ArrayList<>();
        Optional<String> canonical = check("", hts, enteredValue, adcvdCase.orElse(null), violations);
        Checks.throwIfAny(violations);
        hts = canonical.orElseThrow();
        enteredValue = Checks.heldValue(enteredValue);
    }

    /**
     * A line without an AD/CVD case.
     *
     * @param hts          the 10-digit HTS number
     * @param enteredValue the entered value in U.S. dollars
     * @return the line
     */
    public static EntryLine of(String hts, BigDecimal enteredValue) {
        return new EntryLine(hts, enteredValue, Optional.empty());
    }

    /**
     * @return the HTS chapter, the first two digits
     */
    public String chapter() {
        return hts.substring(0, 2);
    }

    /** Checks every component, recording violations under {@code prefix}; returns the canonical HTS. */
    static Optional<String> check(String prefix, String hts, BigDecimal enteredValue, String adcvdCase,
                                  List<Violation> out) {
        Optional<String> canonical = Checks.hts(prefix + "hts", hts, out);
        Checks.enteredValue(prefix + "enteredValue", enteredValue, out);
        Checks.adcvdCase(prefix + "adcvdCase", adcvdCase, out);
        return canonical;
    }
}
