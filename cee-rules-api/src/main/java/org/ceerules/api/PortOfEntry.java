package org.ceerules.api;

import java.util.List;
import java.util.Optional;

/**
 * A port of entry, by its four-digit Census Schedule D code: two digits of district, two of port.
 *
 * <p>Immutable and thread-safe.
 *
 * @param portCode four digits, such as {@code 2704}
 * @since 0.1
 */
public record PortOfEntry(String portCode) implements Office {

    /**
     * Validates the code.
     *
     * @param portCode four digits, such as {@code 2704}
     * @throws InvalidRequestException if the code is not four digits
     */
    public PortOfEntry {
        List<Violation> violations = new java.util.ArrayList<>();
        Checks.port("portCode", portCode, violations);
        Checks.throwIfAny(violations);
    }

    /**
     * @return the two-digit Schedule D district, such as {@code 27}
     */
    public String district() {
        return portCode.substring(0, 2);
    }

    @Override
    public OfficeType type() {
        return OfficeType.PORT;
    }

    @Override
    public Optional<String> code() {
        return Optional.of(portCode);
    }
}
