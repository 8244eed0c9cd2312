package org.ceerules.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An importer account's Center ID in ACE, and what it says of the account's Center.
 *
 * <p>Since 2019-03-16 ({@link #IN_ACE_SINCE}) ACE carries a Center ID for each importer account (source
 * {@value #SOURCE}): {@code CEE001} to {@code CEE010} name the Center the account is assigned to
 * by its team code; {@code NOTELG} says the account is not Center eligible and {@code PNDING} that
 * its assignment is pending, and neither names a Center. Unlike a {@linkplain TeamNumber team
 * number}, which is evidence read from an entry summary, a Center ID names the account's Center
 * directly: its reading is {@linkplain Certainty#CONFIRMED confirmed}.
 *
 * <p>Immutable and thread-safe. No component is null.
 *
 * @param value the Center ID: {@code CEE001} to {@code CEE010}, {@code NOTELG} or {@code PNDING}, in
 *              upper case
 * @since 0.1
 */
public record CenterId(String value) {

    /** The id, in the bibliography, of the CBP notice that introduced the Center ID. */
    public static final String SOURCE = "cbp-center-id";

    /** The day ACE began to carry each account's Center ID. */
    public static final LocalDate IN_ACE_SINCE = LocalDate.of(2019, 3, 16);

    /** The prefix of a Center ID that names a Center, before its team code. */
    private static final String CENTER_PREFIX = "CEE";
    private static final String NOT_ELIGIBLE = "NOTELG";
    private static final String PENDING = "PNDING";

    /** What a Center ID says of the account's assignment to a Center. */
    public enum Status {
        /** {@code CEE001} to {@code CEE010}: the account is assigned to the Center of that team code. */
        ASSIGNED,
        /** {@code NOTELG}: the account is not Center eligible; no Center. */
        NOT_ELIGIBLE,
        /** {@code PNDING}: the account's assignment to a Center is pending; no Center yet. */
        PENDING
    }

    /**
     * Validates the Center ID and puts its letters in upper case.
     *
     * @param value the Center ID, in upper or lower case
     * @throws InvalidRequestException naming the field {@code centerId} if it is null or not one of
     *                                 {@code CEE001} to {@code CEE010}, {@code NOTELG}, {@code PNDING}
     */
    public CenterId {
        if (value == null) {
            throw new InvalidRequestException(List.of(new Violation("centerId", "is required")));
        }
        String upper = Checks.shaped(value, "aaaaaa") ? value.toUpperCase(Locale.ROOT) : value;
        if (!upper.equals(NOT_ELIGIBLE) && !upper.equals(PENDING) && centerOf(upper).isEmpty()) {
            throw new InvalidRequestException(List.of(new Violation("centerId",
                    "must be a Center ID of ACE, CEE001 to CEE010, NOTELG or PNDING, was " + Checks.quote(value))));
        }
        value = upper;
    }

    /**
     * Parses a Center ID, in upper or lower case.
     *
     * @param text {@code CEE001} to {@code CEE010}, {@code NOTELG} or {@code PNDING}
     * @return the Center ID
     * @throws InvalidRequestException naming the field {@code centerId} if the text is not one
     */
    public static CenterId of(String text) {
        return new CenterId(text);
    }

    /**
     * @param center a Center
     * @return the Center ID of an account assigned to it: {@code CEE} and its team code
     */
    public static CenterId assignedTo(Center center) {
        return new CenterId(CENTER_PREFIX + center.teamCode());
    }

    /**
     * @param text any text, or null
     * @return whether {@link #of(String)} accepts it
     */
    public static boolean isCenterId(String text) {
        if (text == null || !Checks.shaped(text, "aaaaaa")) {
            return false;
        }
        String upper = text.toUpperCase(Locale.ROOT);
        return upper.equals(NOT_ELIGIBLE) || upper.equals(PENDING) || centerOf(upper).isPresent();
    }

    /**
     * @return what the Center ID says of the account's assignment
     */
    public Status status() {
        return switch (value) {
            case NOT_ELIGIBLE -> Status.NOT_ELIGIBLE;
            case PENDING -> Status.PENDING;
            default -> Status.ASSIGNED;
        };
    }

    /**
     * @return the Center the account is assigned to; empty for {@code NOTELG} and {@code PNDING}
     */
    public Optional<Center> center() {
        return centerOf(value);
    }

    /**
     * @return {@link Certainty#CONFIRMED}: ACE's Center ID is CBP's own record of the assignment
     */
    public Certainty certainty() {
        return Certainty.CONFIRMED;
    }

    /**
     * @return the bibliography id of the source of the reading, {@value #SOURCE}
     */
    public String source() {
        return SOURCE;
    }

    @Override
    public String toString() {
        return value;
    }

    /** The Center of {@code CEE} and a team code, in upper case; empty for any other text. */
    private static Optional<Center> centerOf(String upper) {
        if (upper.length() != CENTER_PREFIX.length() + 3 || !upper.startsWith(CENTER_PREFIX)) {
            return Optional.empty();
        }
        return Center.ofTeamCode(upper.substring(CENTER_PREFIX.length()));
    }
}
