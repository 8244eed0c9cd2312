package org.ceerules.api;

import java.util.List;
import java.util.Objects;

/**
 * A knowledge-base rule that fired while routing a request, as reported by {@link
 * Router#explain(RoutingRequest)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param rule      the rule's name
 * @param authority the rule's authority
 * @param functions the trade functions whose routes this firing decided or contributed to
 *                  (through the facts it established), in the order of {@link TradeFunction};
 *                  empty when the firing was overruled
 * @since 0.1
 */
public record FiredRule(String rule, String authority, List<TradeFunction> functions) {

    /**
     * Validates that no component is null.
     *
     * @param rule      the rule's name
     * @param authority the rule's authority
     * @param functions the trade functions whose routes this firing decided or contributed to;
     *                  empty when the firing was overruled
     */
    public FiredRule {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(authority, "authority");
        functions = List.copyOf(functions);
    }
}
