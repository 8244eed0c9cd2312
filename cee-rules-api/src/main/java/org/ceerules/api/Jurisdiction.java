package org.ceerules.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which Center, if any, has jurisdiction over an entry on the date of a decision, and the rule
 * that decided it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param center    the Center with jurisdiction, or empty where the port of entry keeps the work
 * @param rule      the name of the rule that decided jurisdiction
 * @param authority the sources behind it, in words, rendered from {@code citations}
 * @param citations the public sources the jurisdiction rests on (the rule's, and the data rows'
 *                  it read: a port list, an HTS scope row, an opening date)
 * @param certainty how sure it is: the weakest of what it rests on
 * @since 0.1
 */
public record Jurisdiction(Optional<Center> center, String rule, String authority, List<Citation> citations,
                           Certainty certainty) {

    /**
     * Validates that no component is null.
     *
     * @param center    the Center with jurisdiction, or empty where the port of entry keeps the work
     * @param rule      the name of the rule that decided jurisdiction
     * @param authority the sources behind it, in words
     * @param citations the public sources the jurisdiction rests on
     * @param certainty how sure it is: the weakest of what it rests on
     */
    public Jurisdiction {
        Objects.requireNonNull(center, "center");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(authority, "authority");
        citations = List.copyOf(citations);
        Objects.requireNonNull(certainty, "certainty");
    }

    /**
     * A jurisdiction that cites no source: its certainty is {@link Certainty#INFERRED}.
     *
     * @param center    the Center with jurisdiction, or empty
     * @param rule      the name of the rule that decided it
     * @param authority the source behind that rule, in words
     */
    public Jurisdiction(Optional<Center> center, String rule, String authority) {
        this(center, rule, authority, List.of(), Certainty.INFERRED);
    }
}
