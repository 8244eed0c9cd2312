package org.ceerules.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * When a Center opened, by the rule set's data, and what the date rests on: the answer of {@link
 * Router#opening(Center)}.
 *
 * <p>The date is the first day the Center processed the entry summaries of its participating
 * accounts: routing sends a participating account's work to its Center only from that day.
 *
 * <p>Immutable and thread-safe.
 *
 * @param center    the Center
 * @param date      the first day the Center processed entry summaries
 * @param certainty how sure the date is: confirmed where an official source gives it
 * @param citations the public sources the date comes from, in order; at least one
 * @since 0.1
 */
public record CenterOpening(Center center, LocalDate date, Certainty certainty, List<Citation> citations) {

    /**
     * Validates the components and copies the citations.
     *
     * @param center    the Center
     * @param date      the first day the Center processed entry summaries
     * @param certainty how sure the date is
     * @param citations the public sources the date comes from, in order; at least one
     * @throws NullPointerException     if a component or a citation is null
     * @throws IllegalArgumentException if there is no citation
     */
    public CenterOpening {
        Objects.requireNonNull(center, "center");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(certainty, "certainty");
        citations = List.copyOf(Objects.requireNonNull(citations, "citations"));
        if (citations.isEmpty()) {
            throw new IllegalArgumentException("citations must name at least one source");
        }
    }
}
