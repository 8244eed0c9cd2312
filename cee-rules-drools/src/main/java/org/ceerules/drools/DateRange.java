package org.ceerules.drools;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A half-open range of dates {@code [startInclusive, endExclusive)}; an end of {@link
 * LocalDate#MAX} stands for "still in effect". Immutable and thread-safe.
 */
record DateRange(LocalDate startInclusive, LocalDate endExclusive) {

    DateRange {
        Objects.requireNonNull(startInclusive, "startInclusive");
        Objects.requireNonNull(endExclusive, "endExclusive");
        if (!startInclusive.isBefore(endExclusive)) {
            throw new IllegalArgumentException("a range ends after it starts: [" + startInclusive + ", "
                    + endExclusive + ")");
        }
    }

    boolean contains(LocalDate date) {
        return !date.isBefore(startInclusive) && date.isBefore(endExclusive);
    }

    boolean overlaps(DateRange other) {
        return startInclusive.isBefore(other.endExclusive) && other.startInclusive.isBefore(endExclusive);
    }

    /** Whether {@code other} starts exactly where this range ends. */
    boolean abuts(DateRange other) {
        return endExclusive.equals(other.startInclusive);
    }

    @Override
    public String toString() {
        return "[" + startInclusive + ", " + (endExclusive.equals(LocalDate.MAX) ? "" : endExclusive) + ")";
    }
}
