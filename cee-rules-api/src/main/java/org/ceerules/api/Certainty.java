package org.ceerules.api;

import java.util.Locale;
import java.util.Optional;

/**
 * How sure the rule set is of a fact: whether an official source's text says it, a secondary
 * source (a trade-press or law-firm report of an official text) says it, or it is the rule set's
 * reading of its sources. Every row of the rule set's data files and every rule says which; a
 * route is as sure as the weakest of what it rests on ({@link #weakest(Certainty)}).
 *
 * <p>The constants are declared from the surest to the least sure.
 *
 * @since 0.1
 */
public enum Certainty {

    /** An official source's text says it (CBP, the Federal Register, 19 CFR, the Census Bureau). */
    CONFIRMED,

    /**
     * A secondary source says it: a trade-press or law-firm report of an official text that was
     * not found itself.
     *
     * @since 0.1
     */
    SECONDARY,

    /** The rule set's reading of its sources: the row's source says what it was read from. */
    INFERRED;

    /**
     * @param other another certainty
     * @return the less sure of the two
     * @since 0.1
     */
    public Certainty weakest(Certainty other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /**
     * @return the word the data files and the JSON use: {@code confirmed}, {@code secondary} or
     *         {@code inferred}
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param label {@code confirmed}, {@code secondary} or {@code inferred}, as the data files write it
     * @return the certainty, or empty if the label is none of them
     * @since 0.1
     */
    public static Optional<Certainty> ofLabel(String label) {
        for (Certainty certainty : values()) {
            if (certainty.label().equals(label)) {
                return Optional.of(certainty);
            }
        }
        return Optional.empty();
    }
}
