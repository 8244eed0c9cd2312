/**
 * Routing of U.S. Customs and Border Protection post-release trade work between the Centers of
 * Excellence and Expertise and the ports of entry.
 *
 * <p>A host program builds a {@link org.ceerules.api.RoutingRequest} (directly from the records,
 * or with {@link org.ceerules.api.RoutingRequest#builder()} which names every invalid field at
 * once), obtains a {@link org.ceerules.api.Router} from {@link org.ceerules.api.Routers}, and
 * reads the {@link org.ceerules.api.RoutingDecision}: one {@link org.ceerules.api.Route} per
 * {@link org.ceerules.api.TradeFunction}, each naming the office, the rule that decided it and the
 * authority behind that rule.
 *
 * <p>Conventions on every type of this package: no method accepts or returns {@code null}
 * (absent values are {@link java.util.Optional}, "none" is an empty list); records are immutable
 * and validate their components when constructed, throwing {@link
 * org.ceerules.api.InvalidRequestException} naming every invalid component.
 */
package org.ceerules.api;
