package org.ceerules.drools.facts;

import org.ceerules.api.Center;

/**
 * Evidence that a Center may have jurisdiction over the entry, the rule that says so and what it
 * rests on. {@code kind} names the ground of the claim ({@code PARTICIPATION}, {@code DELEGATION},
 * {@code ASSIGNMENT}): an exception may defeat every claim or the claims of one kind only.
 * Internal; immutable.
 */
public final class CenterClaim {
    private final Center center;
    private final String rule;
    private final Basis basis;
    private final int precedence;
    private final String kind;

    CenterClaim(Center center, String rule, Basis basis, int precedence, String kind) {
        this.center = center;
        this.rule = rule;
        this.basis = basis;
        this.precedence = precedence;
        this.kind = kind;
    }

    /** @return the Center claiming the entry */
    public Center getCenter() {
        return center;
    }

    /** @return the claiming rule's name */
    public String getRule() {
        return rule;
    }

    /** @return what the claim rests on */
    public Basis getBasis() {
        return basis;
    }

    /** @return the claiming rule's precedence */
    public int getPrecedence() {
        return precedence;
    }

    /** @return the ground of the claim */
    public String getKind() {
        return kind;
    }
}
