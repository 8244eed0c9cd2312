package org.ceerules.drools.facts;

/**
 * A Center's claim that no exception reaches: layer SURVIVAL (resolution.drl) finds them, so that
 * layer JURISDICTION picks the one of highest precedence without weighing exceptions again.
 * Internal; immutable.
 */
public final class SurvivingClaim {
    private final CenterClaim claim;

    SurvivingClaim(CenterClaim claim) {
        this.claim = claim;
    }

    /** @return the claim */
    public CenterClaim getClaim() {
        return claim;
    }

    /** @return the claim's precedence */
    public int getPrecedence() {
        return claim.getPrecedence();
    }
}
