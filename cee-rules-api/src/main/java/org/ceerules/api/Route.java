package org.ceerules.api;

import java.util.List;
import java.util.Objects;

/**
 * Where one trade function of an entry is handled, and why.
 *
 * <p>Immutable and thread-safe.
 *
 * @param function     the trade function
 * @param office       the office that handles it; where the rules leave the choice to the filer
 *                     among several offices of one type, an office of that type with no code
 * @param alternatives offices the filer may choose instead of {@code office}; empty for none
 * @param rule         the name of the knowledge-base rule that decided this route
 * @param authority    the source behind that rule (a section of the CEE procedures, a Federal
 *                     Register notice, a CSMS message); inferred readings say so in the text
 * @since 0.1
 */
public record Route(TradeFunction function, Office office, List<Office> alternatives, String rule,
                    String authority) {

    /**
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if the rule or authority is blank
     */
    public Route {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(office, "office");
        alternatives = List.copyOf(alternatives);
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(authority, "authority");
        if (rule.isBlank() || authority.isBlank()) {
            throw new IllegalArgumentException("route of " + function + " needs a rule and an authority");
        }
    }
}
