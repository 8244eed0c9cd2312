package org.ceerules.api;

/**
 * The kinds of CBP office that handle trade work. The constant names are those of the JSON
 * contract's {@code office.type}.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public enum OfficeType {
    /** A Center of Excellence and Expertise; its code is the team code. */
    CENTER,
    /** A port of entry; its code is the four-digit Schedule D port code. */
    PORT,
    /** One of the four Drawback Centers; its code is the city, or absent where the filer chooses. */
    DRAWBACK_CENTER,
    /** Regulations and Rulings, Office of Trade, CBP headquarters; it has no code. */
    REGULATIONS_AND_RULINGS
}
