package org.ceerules.api;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of routing one request: a decision, or the reasons it was rejected.
 *
 * <p>Sealed; both outcomes are immutable and thread-safe.
 *
 * @since 0.1
 */
public sealed interface RoutingResult permits RoutingResult.Routed, RoutingResult.Rejected {

    /**
     * The request was routed.
     *
     * @param decision the decision
     */
    record Routed(RoutingDecision decision) implements RoutingResult {
        /**
         * Validates that the decision is present.
         *
         * @param decision the decision
         * @throws NullPointerException if the decision is null
         */
        public Routed {
            Objects.requireNonNull(decision, "decision");
        }
    }

    /**
     * The request was rejected: it is well-formed, but the reference data shows it cannot be
     * routed (an entry type that does not exist, participation before the Center opened...), or
     * it was not well-formed.
     *
     * @param violations every reason, each naming its field; never empty
     */
    record Rejected(List<Violation> violations) implements RoutingResult {
        /**
         * Validates that there is at least one violation.
         *
         * @param violations every reason, each naming its field
         * @throws IllegalArgumentException if there is no violation
         */
        public Rejected {
            violations = List.copyOf(violations);
            if (violations.isEmpty()) {
                throw new IllegalArgumentException("a rejection names at least one violation");
            }
        }
    }
}
