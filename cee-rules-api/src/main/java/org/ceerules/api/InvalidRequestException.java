package org.ceerules.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a request, or one of its parts, is invalid. It names every invalid field, not just
 * the first one found.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class InvalidRequestException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Every invalid field, in the order the fields appear in the request; never empty. */
    private final List<Violation> violations;

    /**
     * An invalid request, for the fields found invalid.
     *
     * @param violations every invalid field; must not be empty
     * @throws IllegalArgumentException if {@code violations} is empty
     */
    public InvalidRequestException(List<Violation> violations) {
        super(describe(violations));
        this.violations = List.copyOf(violations);
    }

    /**
     * Every invalid field, in the order the fields appear in the request.
     *
     * @return the violations; never empty
     */
    public List<Violation> violations() {
        return violations;
    }

    private static String describe(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid request names at least one violation");
        }
        return violations.stream()
                .map(v -> v.field() + ": " + v.message())
                .collect(Collectors.joining("; ", "invalid request: ", ""));
    }
}
