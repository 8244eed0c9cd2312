package org.ceerules.api;

import java.util.Optional;

/**
 * An office of CBP that handles a trade function.
 *
 * <p>Sealed: an office is a {@link Center}, a {@link PortOfEntry}, a {@link DrawbackCenter} or
 * {@link RegulationsAndRulings}. Every implementation is immutable and thread-safe.
 *
 * @since 0.1
 */
public sealed interface Office permits Center, PortOfEntry, DrawbackCenter, RegulationsAndRulings {

    /**
     * @return the kind of office
     */
    OfficeType type();

    /**
     * The office's code as the JSON contract writes it: a Center's team code, a port code, a
     * Drawback Center's city; empty for Regulations and Rulings and for "any Drawback Center".
     *
     * @return the code, if the office has one
     */
    Optional<String> code();
}
