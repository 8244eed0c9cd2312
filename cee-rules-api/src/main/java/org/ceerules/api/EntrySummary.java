package org.ceerules.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The entry summary (CBP Form 7501) whose post-release work is routed.
 *
 * <p>Immutable and thread-safe.
 *
 * @param entryNumber the entry number: filer code, 7 digits and check digit; given with or without
 *                    dashes, held as {@code FFF-NNNNNNN-C}; the check digit is verified
 * @param entryType   the two-digit entry type code (block 2); whether the code exists is checked by
 *                    the router against its reference data
 * @param portOfEntry the four-digit Schedule D code of the port of entry
 * @param entryDate   the date the entry was filed
 * @param lines       the lines, 1 to {@value #MAX_LINES} (the ACE limit)
 * @since 0.1
 */
public record EntrySummary(String entryNumber, String entryType, String portOfEntry, LocalDate entryDate,
                           List<EntryLine> lines) {

    /** The most lines an entry summary holds: ACE accepts at most 999. */
    public static final int MAX_LINES = 999;

    /**
     * Validates every component and puts the entry number in its dashed form.
     *
     * @param entryNumber the entry number, with or without dashes; its check digit is verified
     * @param entryType   the two-digit entry type code
     * @param portOfEntry the four-digit Schedule D code of the port of entry
     * @param entryDate   the date the entry was filed
     * @param lines       the lines, 1 to {@value #MAX_LINES}
     * @throws InvalidRequestException naming every invalid component
     */
    public EntrySummary {
        List<Violation> violations = new ArrayList<>();
        Optional<String> canonical = check("", entryNumber, entryType, portOfEntry, entryDate, lines, violations);
        Checks.throwIfAny(violations);
        entryNumber = canonical.orElseThrow();
        lines = List.copyOf(lines);
    }

    /**
     * @return the port of entry as an office
     */
    public PortOfEntry port() {
        return new PortOfEntry(portOfEntry);
    }

    /** Checks every component, recording violations under {@code prefix}; returns the canonical entry number. */
    static Optional<String> check(String prefix, String entryNumber, String entryType, String portOfEntry,
                                  LocalDate entryDate, List<?> lines, List<Violation> out) {
        Optional<String> canonical = Checks.entryNumber(prefix + "entryNumber", entryNumber, out);
        Checks.entryType(prefix + "entryType", entryType, out);
        Checks.port(prefix + "portOfEntry", portOfEntry, out);
        Checks.date(prefix + "entryDate", entryDate, out);
        Checks.lines(prefix + "lines", lines, out);
        return canonical;
    }
}
