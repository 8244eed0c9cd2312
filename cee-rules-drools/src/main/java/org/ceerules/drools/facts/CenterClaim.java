package org.ceerules.drools.facts;

import org.ceerules.api.Center;

/** Evidence that a Center may have jurisdiction over the entry, and the rule that says so. Internal. */
public final class CenterClaim {
    private final Center center;
    private final String rule;
    private final String authority;
    private final int precedence;

    CenterClaim(Center center, String rule, String authority, int precedence) {
        this.center = center;
        this.rule = rule;
        this.authority = authority;
        this.precedence = precedence;
    }

    /** @return the Center claiming the entry */
    public Center getCenter() {
        return center;
    }

    /** @return the claiming rule's name */
    public String getRule() {
        return rule;
    }

    /** @return the claiming rule's authority */
    public String getAuthority() {
        return authority;
    }

    /** @return the claiming rule's precedence */
    public int getPrecedence() {
        return precedence;
    }
}
