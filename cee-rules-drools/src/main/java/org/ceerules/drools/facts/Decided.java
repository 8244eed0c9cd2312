package org.ceerules.drools.facts;

import java.util.List;
import org.ceerules.api.Office;
import org.ceerules.api.TradeFunction;

/**
 * A route as a rule decided it: the function, the office and the alternatives, the rule's name and
 * what the route rests on. The router turns it into the API's route. Internal; immutable.
 *
 * @param function     the trade function
 * @param office       the office
 * @param alternatives the offices the filer may choose instead
 * @param rule         the deciding rule's name
 * @param basis        the rule's sources, with those of the data rows and the jurisdiction it follows from
 */
public record Decided(TradeFunction function, Office office, List<Office> alternatives, String rule, Basis basis) {
}
