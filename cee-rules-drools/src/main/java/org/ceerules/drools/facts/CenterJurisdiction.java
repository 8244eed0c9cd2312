package org.ceerules.drools.facts;

import org.ceerules.api.Center;

/**
 * The jurisdiction over the entry: the Center, or none and where the Center's functions go
 * instead; with the rule that decided it and what that rests on. Exactly one per decision.
 * Internal; immutable.
 */
public final class CenterJurisdiction {
    private final Center center;
    private final Disposition disposition;
    private final String rule;
    private final Basis basis;
    private final String regime;

    CenterJurisdiction(Center center, Disposition disposition, String rule, Basis basis, String regime) {
        this.center = center;
        this.disposition = disposition;
        this.rule = rule;
        this.basis = basis;
        this.regime = regime;
    }

    /** @return the regime on the routing date, as the entry's: routing rules test it here without joining the entry */
    public String getRegime() {
        return regime;
    }

    /** @return the Center with jurisdiction, or null */
    public Center getCenter() {
        return center;
    }

    /** @return where the Center's functions go when no Center has jurisdiction; null when one has */
    public Disposition getDisposition() {
        return disposition;
    }

    /** @return the name of the rule that decided the jurisdiction */
    public String getRule() {
        return rule;
    }

    /** @return what the jurisdiction rests on */
    public Basis getBasis() {
        return basis;
    }
}
