package org.ceerules.drools.facts;

import java.util.List;
import org.ceerules.api.Office;
import org.ceerules.api.TradeFunction;

/**
 * Where the entry's drawback claims go on the routing date, and the rule that decided it. A
 * drawback entry's Center functions follow it. Internal; immutable.
 */
public final class DrawbackOffice {
    private final Office office;
    private final List<Office> alternatives;
    private final String rule;
    private final Basis basis;

    DrawbackOffice(Office office, List<Office> alternatives, String rule, Basis basis) {
        this.office = office;
        this.alternatives = List.copyOf(alternatives);
        this.rule = rule;
        this.basis = basis;
    }

    /** @return the office */
    public Office getOffice() {
        return office;
    }

    /** @return the offices the filer may choose among */
    public List<Office> getAlternatives() {
        return alternatives;
    }

    /** @return the deciding rule's name */
    public String getRule() {
        return rule;
    }

    /** @return what the decision rests on */
    public Basis getBasis() {
        return basis;
    }

    /** @return the route of the drawback claims themselves */
    public Decided route() {
        return new Decided(TradeFunction.DRAWBACK, office, alternatives, rule, basis);
    }
}
