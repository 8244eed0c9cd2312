package org.ceerules.drools.facts;

/**
 * An entry-level exception: why a Center may not have the entry, where its work goes, and which
 * claims it defeats: {@code reach} is {@code ALL} for every claim, or the kind of the only claims
 * it defeats (an AD/CVD entry outside a participation defeats the participation, not the
 * delegation). Internal; immutable.
 */
public final class Exclusion {
    private final Disposition disposition;
    private final String rule;
    private final Basis basis;
    private final int precedence;
    private final String reach;

    Exclusion(Disposition disposition, String rule, Basis basis, int precedence, String reach) {
        this.disposition = disposition;
        this.rule = rule;
        this.basis = basis;
        this.precedence = precedence;
        this.reach = reach;
    }

    /** @return where the Center's functions go */
    public Disposition getDisposition() {
        return disposition;
    }

    /** @return the exception rule's name */
    public String getRule() {
        return rule;
    }

    /** @return what the exception rests on */
    public Basis getBasis() {
        return basis;
    }

    /** @return the exception rule's precedence */
    public int getPrecedence() {
        return precedence;
    }

    /** @return {@code ALL}, or the kind of claim it defeats */
    public String getReach() {
        return reach;
    }
}
