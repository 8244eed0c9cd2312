package org.ceerules.drools.facts;

import java.time.LocalDate;
import java.util.Set;
import org.ceerules.api.Center;
import org.ceerules.api.PortOfEntry;

/**
 * The request as the rules see it: the request's fields, with the reference data that applies to
 * them looked up (the regime on the routing date, the Center's dates, the entry type's traits and
 * whether the Centers process it on the routing date, the port's traits). The lookups decide
 * nothing: the rules do. Fields that may be absent are null, as DRL compares them with
 * {@code == null}. Internal; immutable.
 */
public final class Entry {
    private final LocalDate asOf;
    private final LocalDate entryDate;
    private final String regime;
    private final Center center;
    private final LocalDate participationStart;
    private final LocalDate withdrawalEffective;
    private final LocalDate centerOpened;
    private final LocalDate centerIndustryWide;
    private final String entryType;
    private final Set<String> typeTraits;
    private final boolean typeProcessed;
    private final PortOfEntry port;
    private final Set<String> portTraits;
    private final boolean adcvdLine;

    /**
     * All the fields; see the getters.
     */
    @SuppressWarnings("checkstyle:ParameterNumber")
    public Entry(LocalDate asOf, LocalDate entryDate, String regime, Center center, LocalDate participationStart,
                 LocalDate withdrawalEffective, LocalDate centerOpened, LocalDate centerIndustryWide,
                 String entryType, Set<String> typeTraits, boolean typeProcessed, PortOfEntry port,
                 Set<String> portTraits, boolean adcvdLine) {
        this.asOf = asOf;
        this.entryDate = entryDate;
        this.regime = regime;
        this.center = center;
        this.participationStart = participationStart;
        this.withdrawalEffective = withdrawalEffective;
        this.centerOpened = centerOpened;
        this.centerIndustryWide = centerIndustryWide;
        this.entryType = entryType;
        this.typeTraits = Set.copyOf(typeTraits);
        this.typeProcessed = typeProcessed;
        this.port = port;
        this.portTraits = Set.copyOf(portTraits);
        this.adcvdLine = adcvdLine;
    }

    /** @return the date the work is routed on */
    public LocalDate getAsOf() {
        return asOf;
    }

    /** @return the date the entry was filed */
    public LocalDate getEntryDate() {
        return entryDate;
    }

    /** @return the regime on the routing date: {@code TEST} or {@code REGULATORY} (data/regimes.csv) */
    public String getRegime() {
        return regime;
    }

    /** @return the account's Center, or null */
    public Center getCenter() {
        return center;
    }

    /** @return the day the account began participating in the test, or null */
    public LocalDate getParticipationStart() {
        return participationStart;
    }

    /** @return the day the account's withdrawal took effect, or null */
    public LocalDate getWithdrawalEffective() {
        return withdrawalEffective;
    }

    /** @return the day the account's Center opened, or null (no Center, or no date known) */
    public LocalDate getCenterOpened() {
        return centerOpened;
    }

    /** @return the day the account's Center took its whole industry, or null */
    public LocalDate getCenterIndustryWide() {
        return centerIndustryWide;
    }

    /** @return the two-digit entry type */
    public String getEntryType() {
        return entryType;
    }

    /** @return the entry type's traits (data/entry-types.csv) */
    public Set<String> getTypeTraits() {
        return typeTraits;
    }

    /** @return whether the Centers process the entry type on the routing date (data/center-entry-types.csv) */
    public boolean isTypeProcessed() {
        return typeProcessed;
    }

    /** @return the port of entry */
    public PortOfEntry getPort() {
        return port;
    }

    /** @return the traits of the port's district (data/port-exceptions.csv) */
    public Set<String> getPortTraits() {
        return portTraits;
    }

    /** @return whether any line carries an AD/CVD case number */
    public boolean isAdcvdLine() {
        return adcvdLine;
    }
}
