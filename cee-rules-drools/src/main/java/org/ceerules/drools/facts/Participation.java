package org.ceerules.drools.facts;

import org.ceerules.api.Center;

/**
 * Test regime: the account participates in its Center's test on the routing date. Internal;
 * immutable.
 */
public final class Participation {
    private final Center center;
    private final String rule;
    private final Basis basis;

    Participation(Center center, String rule, Basis basis) {
        this.center = center;
        this.rule = rule;
        this.basis = basis;
    }

    /** @return the account's Center */
    public Center getCenter() {
        return center;
    }

    /** @return the rule that found the participation */
    public String getRule() {
        return rule;
    }

    /** @return what it rests on */
    public Basis getBasis() {
        return basis;
    }
}
