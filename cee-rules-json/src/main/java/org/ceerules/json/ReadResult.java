package org.ceerules.json;

import java.util.List;
import java.util.Objects;
import org.ceerules.api.RoutingRequest;
import org.ceerules.api.Violation;

/**
 * One request read from an input: the request, or why it could not be read.
 *
 * <p>Sealed; both outcomes are immutable and thread-safe.
 */
public sealed interface ReadResult permits ReadResult.Request, ReadResult.Invalid {

    /**
     * A request that was read and is valid.
     *
     * @param request the request
     */
    record Request(RoutingRequest request) implements ReadResult {
        /**
         * Validates that the request is present.
         *
         * @param request the request
         * @throws NullPointerException if the request is null
         */
        public Request {
            Objects.requireNonNull(request, "request");
        }
    }

    /**
     * A request that could not be read, or is invalid.
     *
     * @param violations every problem, each naming its field ({@code $} for the request as a whole); never empty
     */
    record Invalid(List<Violation> violations) implements ReadResult {
        /**
         * Validates that there is at least one violation.
         *
         * @param violations every problem, each naming its field
         * @throws IllegalArgumentException if there is no violation
         */
        public Invalid {
            violations = List.copyOf(violations);
            if (violations.isEmpty()) {
                throw new IllegalArgumentException("an invalid request names at least one violation");
            }
        }
    }
}
