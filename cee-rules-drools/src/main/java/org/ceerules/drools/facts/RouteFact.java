package org.ceerules.drools.facts;

import java.util.List;
import org.ceerules.api.Office;
import org.ceerules.api.TradeFunction;

/** A trade function's route as a rule decided it. Internal. */
public final class RouteFact {
    private final TradeFunction function;
    private final Office office;
    private final List<Office> alternatives;
    private final String rule;
    private final String authority;

    RouteFact(TradeFunction function, Office office, List<Office> alternatives, String rule, String authority) {
        this.function = function;
        this.office = office;
        this.alternatives = List.copyOf(alternatives);
        this.rule = rule;
        this.authority = authority;
    }

    /** @return the trade function */
    public TradeFunction getFunction() {
        return function;
    }

    /** @return the office */
    public Office getOffice() {
        return office;
    }

    /** @return the alternatives the filer may choose */
    public List<Office> getAlternatives() {
        return alternatives;
    }

    /** @return the deciding rule's name */
    public String getRule() {
        return rule;
    }

    /** @return the deciding rule's authority */
    public String getAuthority() {
        return authority;
    }
}
