package org.ceerules.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The importer whose entries are routed.
 *
 * <p>Immutable and thread-safe.
 *
 * @param importerNumber      the importer of record number: an IRS number {@code NN-NNNNNNNXX}
 *                            (suffix letters or digits, no O, I or Z), a CBP-assigned number
 *                            {@code YYDDPP-NNNNN} or an SSN {@code NNN-NN-NNNN}
 * @param name                the account's name; not blank, at most 256 characters
 * @param center              the Center the account is assigned to, if any
 * @param participationStart  the date a Center accepted the account into the test, if it
 *                            participated (the test ended on 2017-01-19; the rules ignore
 *                            participation after it); the router checks that the Center had
 *                            opened by then
 * @param withdrawalEffective the date the account's withdrawal from the test took effect, if it
 *                            withdrew; must be after {@code participationStart}
 * @since 0.1
 */
public record Account(String importerNumber, String name, Optional<Center> center,
                      Optional<LocalDate> participationStart, Optional<LocalDate> withdrawalEffective) {

    /**
     * Validates every component.
     *
     * @param importerNumber      the importer of record number: an IRS number, a CBP-assigned number
     *                            or an SSN
     * @param name                the account's name; not blank, at most 256 characters
     * @param center              the Center the account is assigned to, if any
     * @param participationStart  the date a Center accepted the account into the test, if it
     *                            participated; needs {@code center}
     * @param withdrawalEffective the date the account's withdrawal from the test took effect, if it
     *                            withdrew; after {@code participationStart}
     * @throws InvalidRequestException naming every invalid component
     * @throws NullPointerException    if an optional component is null
     */
    public Account {
        Objects.requireNonNull(center, "center");
        Objects.requireNonNull(participationStart, "participationStart");
        Objects.requireNonNull(withdrawalEffective, "withdrawalEffective");
        List<Violation> violations = new ArrayList<>();
        check("", importerNumber, name, center.isPresent(), participationStart.orElse(null),
                withdrawalEffective.orElse(null), true, violations);
        Checks.throwIfAny(violations);
    }

    /**
     * An account assigned to no Center and never in the test.
     *
     * @param importerNumber the importer of record number
     * @param name           the account's name
     * @return the account
     */
    public static Account unassigned(String importerNumber, String name) {
        return new Account(importerNumber, name, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * An account assigned to a Center, never in the test.
     *
     * @param importerNumber the importer of record number
     * @param name           the account's name
     * @param center         the Center the account is assigned to
     * @return the account
     */
    public static Account assigned(String importerNumber, String name, Center center) {
        return new Account(importerNumber, name, Optional.of(center), Optional.empty(), Optional.empty());
    }

    /**
     * Checks every component, recording violations under {@code prefix}. {@code datesRead} is false
     * when a date given as text could not be read: the comparison of the two dates is then skipped.
     */
    static void check(String prefix, String importerNumber, String name, boolean hasCenter,
                      LocalDate participationStart, LocalDate withdrawalEffective, boolean datesRead,
                      List<Violation> out) {
        Checks.importerNumber(prefix + "importerNumber", importerNumber, out);
        Checks.name(prefix + "name", name, out);
        if (participationStart != null && !hasCenter) {
            out.add(new Violation(prefix + "participationStart", "needs center: an account participates in a Center"));
        }
        if (participationStart != null) {
            Checks.date(prefix + "participationStart", participationStart, out);
        }
        if (withdrawalEffective != null) {
            Checks.date(prefix + "withdrawalEffective", withdrawalEffective, out);
        }
        if (datesRead) {
            Checks.participation(prefix, participationStart, withdrawalEffective, out);
        }
    }
}
