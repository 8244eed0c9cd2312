package org.ceerules.drools.facts;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.ceerules.api.Center;
import org.ceerules.api.PortOfEntry;

/**
 * The request as the rules see it: the request's fields, with the reference data that applies to
 * them looked up: the regime and the measures in effect on the routing date, the Center's opening,
 * the entry type's traits and whether the Centers process it, the port's traits, the Center whose
 * industry covers the entry's predominant line on the entry date and the Centers whose delegation
 * is in force at the port on that date, each with the rows it rests on. The lookups decide
 * nothing: the rules do. Fields that may be absent are null, as DRL compares them with
 * {@code == null}. Internal; immutable.
 */
public final class Entry {

    /** The request's own fields. */
    public record Request(LocalDate asOf, LocalDate entryDate, Center center, LocalDate participationStart,
                          LocalDate withdrawalEffective, String entryType, PortOfEntry port, boolean adcvdLine) {
    }

    /** What the reference data says of the request. */
    public record Lookups(String regime, Map<String, Measure> measures, LocalDate centerOpened, Basis openedBasis,
                          Set<String> typeTraits, boolean typeProcessed, Basis typeBasis, Set<String> portTraits,
                          Basis portBasis, Center predominantCenter, boolean mixedIndustries,
                          Set<Center> delegatedCenters, Basis delegationBasis) {
    }

    private final Request request;
    private final Lookups lookups;

    /**
     * @param request the request's fields
     * @param lookups the reference data that applies to them
     */
    public Entry(Request request, Lookups lookups) {
        this.request = request;
        this.lookups = lookups;
    }

    /** @return the date the work is routed on */
    public LocalDate getAsOf() {
        return request.asOf();
    }

    /** @return the date the entry was filed */
    public LocalDate getEntryDate() {
        return request.entryDate();
    }

    /** @return the regime on the routing date: {@code TEST} or {@code REGULATORY} (data/regimes.csv) */
    public String getRegime() {
        return lookups.regime();
    }

    /** @return the names of the dated measures in effect on the routing date (data/measures.csv) */
    public Set<String> getMeasures() {
        return lookups.measures().keySet();
    }

    /**
     * @param name a measure in effect
     * @return the Center the measure names, or null
     */
    public Center measureCenter(String name) {
        Measure measure = lookups.measures().get(name);
        return measure == null ? null : measure.center();
    }

    /**
     * @param name a measure in effect
     * @return the row it rests on, or null
     */
    public Basis measureBasis(String name) {
        Measure measure = lookups.measures().get(name);
        return measure == null ? null : measure.basis();
    }

    /** @return the account's Center, or null */
    public Center getCenter() {
        return request.center();
    }

    /** @return the day the account began participating in the test, or null */
    public LocalDate getParticipationStart() {
        return request.participationStart();
    }

    /** @return the day the account's withdrawal took effect, or null */
    public LocalDate getWithdrawalEffective() {
        return request.withdrawalEffective();
    }

    /** @return the day the account's Center opened, or null (no Center, or no date known) */
    public LocalDate getCenterOpened() {
        return lookups.centerOpened();
    }

    /** @return the row of the opening date, or null */
    public Basis getOpenedBasis() {
        return lookups.openedBasis();
    }

    /** @return the two-digit entry type */
    public String getEntryType() {
        return request.entryType();
    }

    /** @return the entry type's traits (data/entry-types.csv) */
    public Set<String> getTypeTraits() {
        return lookups.typeTraits();
    }

    /** @return whether the Centers process the entry type on the routing date (data/center-entry-types.csv) */
    public boolean isTypeProcessed() {
        return lookups.typeProcessed();
    }

    /** @return the rows the entry type's traits and eligibility rest on */
    public Basis getTypeBasis() {
        return lookups.typeBasis();
    }

    /** @return the port of entry */
    public PortOfEntry getPort() {
        return request.port();
    }

    /** @return the traits of the port's district (data/port-exceptions.csv) */
    public Set<String> getPortTraits() {
        return lookups.portTraits();
    }

    /** @return the row the port's traits rest on, or null */
    public Basis getPortBasis() {
        return lookups.portBasis();
    }

    /** @return whether any line carries an AD/CVD case number */
    public boolean isAdcvdLine() {
        return request.adcvdLine();
    }

    /**
     * @return the Center whose industry covers the entry's predominant line on the entry date
     *         (data/hts-scope.csv), or null: looked up in the test regime only, where the
     *         delegation reads it
     */
    public Center getPredominantCenter() {
        return lookups.predominantCenter();
    }

    /**
     * @return whether the entry's lines are of several Centers' industries (lines of no Center's
     *         industry aside), so that its predominant line chose among them
     */
    public boolean isMixedIndustries() {
        return lookups.mixedIndustries();
    }

    /**
     * @return the Centers whose delegation is in force at the port on the entry date
     *         (data/delegations.csv, data/port-lists.csv, data/port-names.csv); empty outside the test regime
     */
    public Set<Center> getDelegatedCenters() {
        return lookups.delegatedCenters();
    }

    /** @return the rows the predominant Center's delegation at the port rests on, or null */
    public Basis getDelegationBasis() {
        return lookups.delegationBasis();
    }
}
