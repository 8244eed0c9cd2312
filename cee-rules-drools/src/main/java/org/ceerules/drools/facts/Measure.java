package org.ceerules.drools.facts;

import org.ceerules.api.Center;

/**
 * A dated measure in effect on the routing date (data/measures.csv): its name, the Center it names
 * if any, and the row it rests on. Internal; immutable.
 *
 * @param name   the measure's name, as rules test it
 * @param center the Center the measure names; null for none
 * @param basis  the row's sources and status
 */
public record Measure(String name, Center center, Basis basis) {
}
