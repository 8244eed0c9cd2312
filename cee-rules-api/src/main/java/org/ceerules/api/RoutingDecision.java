package org.ceerules.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The routing of every trade function of one entry, as of one date.
 *
 * <p>Immutable and thread-safe.
 *
 * @param entryNumber  the entry number of the request, as {@code FFF-NNNNNNN-C}
 * @param asOf         the date the work was routed for
 * @param jurisdiction the Center with jurisdiction, if any, and the rule that said so
 * @param routes       one route per {@link TradeFunction}, in the enum's order
 * @param rulesVersion the version of the rule set that gave this decision
 * @param firedRules   every rule that fired, in firing order, when the decision was produced by
 *                     {@link Router#explain(RoutingRequest)}; empty otherwise
 * @param sources      every source the decision's jurisdiction and routes cite, in full, ordered
 *                     by id, when the decision was produced by {@link Router#explain(RoutingRequest)};
 *                     empty otherwise
 * @since 0.1
 */
public record RoutingDecision(String entryNumber, LocalDate asOf, Jurisdiction jurisdiction, List<Route> routes,
                              String rulesVersion, List<FiredRule> firedRules, List<Source> sources) {

    /**
     * Validates that the decision routes every trade function.
     *
     * @param entryNumber  the entry number of the request, as {@code FFF-NNNNNNN-C}
     * @param asOf         the date the work was routed for
     * @param jurisdiction the Center with jurisdiction, if any, and the rule that said so
     * @param routes       one route per {@link TradeFunction}, in the enum's order
     * @param rulesVersion the version of the rule set that gave this decision
     * @param firedRules   every rule that fired, in firing order, or empty
     * @param sources      every source the decision cites, in full, ordered by id, or empty
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if the routes are not exactly one per trade function, in
     *                                  order: a decision is complete or it is not made
     */
    public RoutingDecision {
        Objects.requireNonNull(entryNumber, "entryNumber");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(rulesVersion, "rulesVersion");
        routes = List.copyOf(routes);
        firedRules = List.copyOf(firedRules);
        sources = List.copyOf(sources);
        TradeFunction[] functions = TradeFunction.values();
        if (routes.size() != functions.length) {
            throw new IllegalArgumentException("a decision routes all " + functions.length
                    + " trade functions, this one " + routes.size());
        }
        for (int i = 0; i < functions.length; i++) {
            if (routes.get(i).function() != functions[i]) {
                throw new IllegalArgumentException("route " + i + " must be " + functions[i] + ", was "
                        + routes.get(i).function());
            }
        }
    }

    /**
     * A decision without the cited sources in full.
     *
     * @param entryNumber  the entry number
     * @param asOf         the date the work was routed for
     * @param jurisdiction the jurisdiction
     * @param routes       one route per trade function, in order
     * @param rulesVersion the rule set's version
     * @param firedRules   the rules that fired, or empty
     * @throws IllegalArgumentException as the canonical constructor
     */
    public RoutingDecision(String entryNumber, LocalDate asOf, Jurisdiction jurisdiction, List<Route> routes,
                           String rulesVersion, List<FiredRule> firedRules) {
        this(entryNumber, asOf, jurisdiction, routes, rulesVersion, firedRules, List.of());
    }

    /**
     * @return the Center with jurisdiction over the entry on {@link #asOf()}, or empty where none has
     */
    public Optional<Center> center() {
        return jurisdiction.center();
    }

    /**
     * @param function a trade function
     * @return its route
     */
    public Route route(TradeFunction function) {
        return routes.get(function.ordinal());
    }
}
