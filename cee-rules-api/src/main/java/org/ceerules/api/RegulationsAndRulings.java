package org.ceerules.api;

import java.util.Optional;

/**
 * Regulations and Rulings, Office of Trade, CBP headquarters: the office that decides
 * applications for further review of protests.
 *
 * <p>Immutable and thread-safe; all instances are equal.
 *
 * @since 0.1
 */
public record RegulationsAndRulings() implements Office {

    @Override
    public OfficeType type() {
        return OfficeType.REGULATIONS_AND_RULINGS;
    }

    @Override
    public Optional<String> code() {
        return Optional.empty();
    }
}
