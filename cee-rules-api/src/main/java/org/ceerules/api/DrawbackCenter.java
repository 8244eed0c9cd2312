package org.ceerules.api;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One of the four Drawback Centers, or, with no city, "any of them, the filer's choice".
 *
 * <p>Immutable and thread-safe.
 *
 * @param city the Drawback Center, or empty where the filer chooses
 * @since 0.1
 */
public record DrawbackCenter(Optional<City> city) implements Office {

    /** The cities of the four Drawback Centers (CEE processing procedures v1.3, Drawback). */
    public enum City {
        /** New York. */
        NEW_YORK,
        /** Chicago. */
        CHICAGO,
        /** San Francisco. */
        SAN_FRANCISCO,
        /** Houston. */
        HOUSTON
    }

    /**
     * Validates that the city is not null.
     *
     * @param city the Drawback Center, or empty where the filer chooses
     */
    public DrawbackCenter {
        Objects.requireNonNull(city, "city");
    }

    /**
     * @return the office standing for "any Drawback Center, the filer's choice"
     */
    public static DrawbackCenter any() {
        return new DrawbackCenter(Optional.empty());
    }

    /**
     * @param city a Drawback Center's city
     * @return that Drawback Center
     */
    public static DrawbackCenter of(City city) {
        return new DrawbackCenter(Optional.of(city));
    }

    /**
     * @return the four Drawback Centers, in the order of {@link City}
     */
    public static List<Office> all() {
        return Arrays.stream(City.values()).<Office>map(DrawbackCenter::of).toList();
    }

    @Override
    public OfficeType type() {
        return OfficeType.DRAWBACK_CENTER;
    }

    @Override
    public Optional<String> code() {
        return city.map(Enum::name);
    }
}
