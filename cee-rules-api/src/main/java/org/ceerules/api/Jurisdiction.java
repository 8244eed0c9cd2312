package org.ceerules.api;

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
 * @param authority the source behind that rule
 * @since 0.1
 */
public record Jurisdiction(Optional<Center> center, String rule, String authority) {

    /** Validates that no component is null. */
    public Jurisdiction {
        Objects.requireNonNull(center, "center");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(authority, "authority");
    }
}
