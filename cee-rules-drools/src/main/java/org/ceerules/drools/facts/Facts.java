package org.ceerules.drools.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ceerules.api.Center;
import org.ceerules.api.DrawbackCenter;
import org.ceerules.api.Office;
import org.ceerules.api.PortOfEntry;
import org.ceerules.api.TradeFunction;
import org.kie.api.definition.rule.Rule;

/**
 * The factories the rules' consequences call to build facts and routes: the DRL global
 * {@code facts}, one per rule set. Each names the rule that decided and joins the rule's own
 * sources ({@code @cite}, resolved when the rule set loaded) with those of the data rows and the
 * jurisdiction the fact rests on, so the explanation of every decision comes from the knowledge
 * base and never from Java. Internal.
 *
 * <p>Immutable and thread-safe: shared by every session of its rule set.
 */
public final class Facts {

    /** The metadata key of a claim's or exception's precedence. */
    public static final String PRECEDENCE = "precedence";
    /** An exception's reach that defeats every claim. */
    public static final String ALL = "ALL";

    private static final List<TradeFunction> FUNCTIONS = List.of(TradeFunction.values());
    private static final DrawbackCenter ANY_DRAWBACK_CENTER = DrawbackCenter.any();
    private static final List<Office> DRAWBACK_CENTERS = DrawbackCenter.all();

    private final Map<String, Basis> rules;

    /**
     * @param rules each rule's basis, by the rule's name
     */
    public Facts(Map<String, Basis> rules) {
        this.rules = Map.copyOf(rules);
    }

    /**
     * Every trade function, for rules that pick functions {@code from} it: functions are not
     * inserted in working memory, each decision would insert the same ones again.
     *
     * @return every trade function, in the enum's order
     */
    public static List<TradeFunction> functions() {
        return FUNCTIONS;
    }

    /**
     * @param rule a rule of this rule set
     * @return what the rule itself rests on: its {@code @cite} and certainty
     * @throws IllegalStateException for a rule the rule set did not load (never, for a sound one)
     */
    public Basis basis(Rule rule) {
        Basis basis = rules.get(rule.getName());
        if (basis == null) {
            throw new IllegalStateException("rule \"" + rule.getName() + "\" has no sources loaded");
        }
        return basis;
    }

    /**
     * @param rule   the claiming rule
     * @param center the Center it claims the entry for
     * @param kind   the ground of the claim: {@code PARTICIPATION}, {@code DELEGATION}, {@code ASSIGNMENT}
     * @param data   what else the claim rests on (data rows); null for nothing
     * @return the claim
     */
    public CenterClaim claim(Rule rule, Center center, String kind, Basis data) {
        return new CenterClaim(center, rule.getName(), basis(rule).and(data), precedence(rule), kind);
    }

    /**
     * @param rule        the exception rule
     * @param disposition where the Center's functions go
     * @param reach       {@link #ALL}, or the kind of the claims it defeats
     * @param data        what else the exception rests on (data rows); null for nothing
     * @return the exception
     */
    public Exclusion exception(Rule rule, Disposition disposition, String reach, Basis data) {
        return new Exclusion(disposition, rule.getName(), basis(rule).and(data), precedence(rule), reach);
    }

    /**
     * @param rule   the rule finding the participation
     * @param center the account's Center
     * @param data   the data rows it rests on; null for none
     * @return the participation
     */
    public Participation participation(Rule rule, Center center, Basis data) {
        return new Participation(center, rule.getName(), basis(rule).and(data));
    }

    /**
     * @param claim a claim no exception reaches
     * @return the fact that it survives
     */
    public SurvivingClaim surviving(CenterClaim claim) {
        return new SurvivingClaim(claim);
    }

    /**
     * @param claim  the claim that prevailed
     * @param regime the regime on the routing date
     * @return the Center's jurisdiction, decided by the claim's rule
     */
    public CenterJurisdiction jurisdiction(CenterClaim claim, String regime) {
        return new CenterJurisdiction(claim.getCenter(), null, claim.getRule(), claim.getBasis(), regime);
    }

    /**
     * @param exception the exception that prevailed
     * @param regime    the regime on the routing date
     * @return no Center's jurisdiction, decided by the exception's rule
     */
    public CenterJurisdiction jurisdiction(Exclusion exception, String regime) {
        return new CenterJurisdiction(null, exception.getDisposition(), exception.getRule(), exception.getBasis(),
                regime);
    }

    /**
     * @param rule   the rule finding that no Center claims the entry
     * @param regime the regime on the routing date
     * @return no Center's jurisdiction, the port keeping the work
     */
    public CenterJurisdiction noJurisdiction(Rule rule, String regime) {
        return new CenterJurisdiction(null, Disposition.PORT, rule.getName(), basis(rule), regime);
    }

    /**
     * @param rule   the rule deciding where drawback claims go
     * @param office the office
     * @param data   the data rows it rests on (a dated measure); null for none
     * @return where drawback claims go, without alternatives
     */
    public DrawbackOffice drawbackOffice(Rule rule, Office office, Basis data) {
        if (office == null) {
            throw new IllegalStateException("rule \"" + rule.getName() + "\" names no drawback office: a measure without its Center?");
        }
        return new DrawbackOffice(office, List.of(), rule.getName(), basis(rule).and(data));
    }

    /**
     * @param rule the rule deciding where drawback claims go
     * @return a drawback office of the filer's choice: the four of them as alternatives
     */
    public DrawbackOffice anyDrawbackOffice(Rule rule) {
        return new DrawbackOffice(ANY_DRAWBACK_CENTER, DRAWBACK_CENTERS, rule.getName(), basis(rule));
    }

    /**
     * @param rule     the routing rule
     * @param function the trade function
     * @param office   the office
     * @return the route, without alternatives, resting on the rule alone
     */
    public Decided route(Rule rule, TradeFunction function, Office office) {
        return new Decided(function, office, List.of(), rule.getName(), basis(rule));
    }

    /**
     * @param rule         the routing rule
     * @param function     the trade function
     * @param office       the office
     * @param alternatives the offices the filer may choose instead
     * @param data         what else the route rests on (data rows, the jurisdiction's basis); null for nothing
     * @return the route
     */
    public Decided route(Rule rule, TradeFunction function, Office office, List<? extends Office> alternatives,
                         Basis data) {
        return new Decided(function, office, List.copyOf(alternatives), rule.getName(), basis(rule).and(data));
    }

    /**
     * A route of one of the Center's functions to the Center with jurisdiction: it rests on the
     * routing rule and on what the jurisdiction rests on.
     *
     * @param rule         the routing rule
     * @param function     the trade function
     * @param jurisdiction a Center's jurisdiction
     * @return the route to that Center
     */
    public Decided toCenter(Rule rule, TradeFunction function, CenterJurisdiction jurisdiction) {
        return new Decided(function, jurisdiction.getCenter(), List.of(), rule.getName(),
                basis(rule).and(jurisdiction.getBasis()));
    }

    /**
     * A route where no Center has jurisdiction: to the port of entry, or, for a drawback entry,
     * where its drawback claims go (their alternatives first).
     *
     * @param rule         the routing rule, or null for a route that rests on the jurisdiction's
     *                     rule alone (and cites it as its rule)
     * @param jurisdiction the jurisdiction, with no Center
     * @param function     the trade function
     * @param port         the entry's port of entry
     * @param drawback     where the entry's drawback claims go
     * @param alternatives further offices the filer may choose (none, or Regulations and Rulings)
     * @return the route
     */
    public Decided asDecided(Rule rule, CenterJurisdiction jurisdiction, TradeFunction function, PortOfEntry port,
                             DrawbackOffice drawback, List<? extends Office> alternatives) {
        String name = rule == null ? jurisdiction.getRule() : rule.getName();
        Basis basis = rule == null ? jurisdiction.getBasis() : basis(rule).and(jurisdiction.getBasis());
        if (jurisdiction.getDisposition() == Disposition.DRAWBACK) {
            List<Office> all = new ArrayList<>(drawback.getAlternatives());
            all.addAll(alternatives);
            return new Decided(function, drawback.getOffice(), List.copyOf(all), name, basis.and(drawback.getBasis()));
        }
        return new Decided(function, port, List.copyOf(alternatives), name, basis);
    }

    /**
     * @param centers Centers, some of them null
     * @return the Centers that are not null, each once, in order
     */
    public static List<Office> centers(Center... centers) {
        List<Office> offices = new ArrayList<>(centers.length);
        for (Center center : centers) {
            if (center != null && !offices.contains(center)) {
                offices.add(center);
            }
        }
        return List.copyOf(offices);
    }

    /**
     * @param rule a rule
     * @return its {@code @precedence}, 0 if it has none
     */
    public static int precedence(Rule rule) {
        Object value = rule.getMetaData().get(PRECEDENCE);
        if (value == null) {
            return 0;
        }
        String text = value.toString().strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        return text.isEmpty() ? 0 : Integer.parseInt(text);
    }
}
