package org.ceerules.drools.facts;

/** An entry-level exception: why no Center may have the entry, and where its work goes. Internal. */
public final class Exclusion {
    private final Disposition disposition;
    private final String rule;
    private final String authority;
    private final int precedence;

    Exclusion(Disposition disposition, String rule, String authority, int precedence) {
        this.disposition = disposition;
        this.rule = rule;
        this.authority = authority;
        this.precedence = precedence;
    }

    /** @return where the Center's functions go */
    public Disposition getDisposition() {
        return disposition;
    }

    /** @return the exception rule's name */
    public String getRule() {
        return rule;
    }

    /** @return the exception rule's authority */
    public String getAuthority() {
        return authority;
    }

    /** @return the exception rule's precedence */
    public int getPrecedence() {
        return precedence;
    }
}
