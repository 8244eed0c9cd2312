package org.ceerules.drools.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.ceerules.api.TradeFunction;

/**
 * The routes the routing rules decide for one entry: their consequences add each route here (the
 * DRL global {@code routes}) instead of inserting it. No rule matches a route, so a route in
 * working memory would only cost the engine an insert and a reset. Internal.
 *
 * <p>Mutable and not thread-safe: one per decision, set on the session that makes that decision
 * and used by it alone.
 */
public final class Routes {

    private final List<Decided> added = new ArrayList<>(TradeFunction.values().length);
    private final Consumer<Decided> observer;
    private CenterJurisdiction jurisdiction;
    private int jurisdictions;
    private DrawbackOffice drawbackOffice;

    /** Routes that nobody watches being added. */
    public Routes() {
        this(route -> { });
    }

    /**
     * @param observer told of each route as it is added, while its rule's consequence runs (the
     *                 explanation's recorder)
     */
    public Routes(Consumer<Decided> observer) {
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    /**
     * @param route a route a rule decided
     */
    public void add(Decided route) {
        added.add(Objects.requireNonNull(route, "route"));
        observer.accept(route);
    }

    /**
     * Records the jurisdiction a rule inserts, so that the decision need not search working memory
     * for it.
     *
     * @param decided the jurisdiction
     * @return it
     */
    public CenterJurisdiction jurisdiction(CenterJurisdiction decided) {
        jurisdiction = Objects.requireNonNull(decided, "decided");
        jurisdictions++;
        return decided;
    }

    /** @return the jurisdiction recorded; null unless exactly one was (the router then searches working memory) */
    public CenterJurisdiction jurisdiction() {
        return jurisdictions == 1 ? jurisdiction : null;
    }

    /**
     * Routes DRAWBACK where drawback claims go and records it, for the routes of a drawback entry's
     * Center functions.
     *
     * @param office where the entry's drawback claims go
     */
    public void drawback(DrawbackOffice office) {
        drawbackOffice = Objects.requireNonNull(office, "office");
        add(office.route());
    }

    /**
     * @return where the entry's drawback claims go
     * @throws IllegalStateException if no rule said so (a rule set without drawback rules)
     */
    public DrawbackOffice drawbackOffice() {
        if (drawbackOffice == null) {
            throw new IllegalStateException("no rule said where the entry's drawback claims go");
        }
        return drawbackOffice;
    }

    /** @return the routes added, in the order the rules fired; the decision's own list, to add to */
    public List<Decided> list() {
        return added;
    }
}
