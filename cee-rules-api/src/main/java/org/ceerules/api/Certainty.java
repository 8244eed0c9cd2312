package org.ceerules.api;

import java.util.Locale;
import java.util.Optional;

/**
 * How sure the rule set is of a reference-data row: whether a source's text says it, or it is the
 * rule set's reading of its sources. Every row of the rule set's data files says which.
 *
 * @since 0.2
 */
public enum Certainty {

    /** A source's text says it. */
    CONFIRMED,

    /** The rule set's reading of its sources: the row's source says what it was read from. */
    INFERRED;

    /**
     * @return the word the data files use: {@code confirmed} or {@code inferred}
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param label {@code confirmed} or {@code inferred}, as the data files write it
     * @return the certainty, or empty if the label is neither
     * @since 0.3
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
