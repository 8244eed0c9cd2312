package org.ceerules.drools.facts;

import java.util.List;
import org.ceerules.api.Center;
import org.ceerules.api.DrawbackCenter;
import org.ceerules.api.Office;
import org.ceerules.api.PortOfEntry;
import org.ceerules.api.Route;
import org.ceerules.api.TradeFunction;
import org.kie.api.definition.rule.Rule;

/**
 * Factories the rules' consequences call to build facts. Each reads the rule's name and its
 * {@code @authority} (and {@code @precedence}) metadata from the rule itself, so the explanation
 * of every decision comes from the knowledge base and never from Java. Internal; stateless.
 */
public final class Facts {

    /** The metadata key of a rule's authority. */
    public static final String AUTHORITY = "authority";
    /** The metadata key of a claim's or exception's precedence. */
    public static final String PRECEDENCE = "precedence";

    private static final List<TradeFunction> FUNCTIONS = List.of(TradeFunction.values());
    private static final DrawbackCenter ANY_DRAWBACK_CENTER = DrawbackCenter.any();
    private static final List<Office> DRAWBACK_CENTERS = DrawbackCenter.all();

    private Facts() {
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
     * @param rule   the claiming rule
     * @param center the Center it claims the entry for
     * @return the claim
     */
    public static CenterClaim claim(Rule rule, Center center) {
        return new CenterClaim(center, rule.getName(), authority(rule), precedence(rule));
    }

    /**
     * @param rule        the exception rule
     * @param disposition where the Center's functions go
     * @return the exception
     */
    public static Exclusion exception(Rule rule, Disposition disposition) {
        return new Exclusion(disposition, rule.getName(), authority(rule), precedence(rule));
    }

    /**
     * @param claim the claim that prevailed
     * @return the Center's jurisdiction, decided by the claim's rule
     */
    public static CenterJurisdiction jurisdiction(CenterClaim claim) {
        return new CenterJurisdiction(claim.getCenter(), null, claim.getRule(), claim.getAuthority());
    }

    /**
     * @param exception the exception that prevailed
     * @return no Center's jurisdiction, decided by the exception's rule
     */
    public static CenterJurisdiction jurisdiction(Exclusion exception) {
        return new CenterJurisdiction(null, exception.getDisposition(), exception.getRule(), exception.getAuthority());
    }

    /**
     * @param rule the rule finding that no Center claims the entry
     * @return no Center's jurisdiction, the port keeping the work
     */
    public static CenterJurisdiction noJurisdiction(Rule rule) {
        return new CenterJurisdiction(null, Disposition.PORT, rule.getName(), authority(rule));
    }

    /**
     * @param rule     the routing rule
     * @param function the trade function
     * @param office   the office
     * @return the route, without alternatives
     */
    public static Route route(Rule rule, TradeFunction function, Office office) {
        return route(rule, function, office, List.of());
    }

    /**
     * @param rule         the routing rule
     * @param function     the trade function
     * @param office       the office
     * @param alternatives the offices the filer may choose instead
     * @return the route
     */
    public static Route route(Rule rule, TradeFunction function, Office office, List<? extends Office> alternatives) {
        return new Route(function, office, List.copyOf(alternatives), rule.getName(), authority(rule));
    }

    /**
     * A route of one of the Center's functions where no Center has jurisdiction: to the port of
     * entry, or to a Drawback Center of the filer's choice, as the jurisdiction's disposition says;
     * citing the rule that decided the jurisdiction.
     *
     * @param jurisdiction the jurisdiction, with no Center
     * @param function     the trade function
     * @param port         the entry's port of entry
     * @return the route
     */
    public static Route routeAsDecided(CenterJurisdiction jurisdiction, TradeFunction function, PortOfEntry port) {
        boolean drawback = jurisdiction.getDisposition() == Disposition.DRAWBACK_CENTER;
        Office office = drawback ? ANY_DRAWBACK_CENTER : port;
        List<Office> alternatives = drawback ? DRAWBACK_CENTERS : List.of();
        return new Route(function, office, alternatives, jurisdiction.getRule(), jurisdiction.getAuthority());
    }

    /**
     * @return the four Drawback Centers, the filer's choice
     */
    public static List<Office> drawbackCenters() {
        return DRAWBACK_CENTERS;
    }

    /**
     * @param rule a rule
     * @return its {@code @authority}, without quotes; empty if it has none
     */
    public static String authority(Rule rule) {
        return text(rule.getMetaData().get(AUTHORITY));
    }

    /**
     * @param rule a rule
     * @return its {@code @precedence}, 0 if it has none
     */
    public static int precedence(Rule rule) {
        String text = text(rule.getMetaData().get(PRECEDENCE));
        return text.isEmpty() ? 0 : Integer.parseInt(text);
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString().strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        return text;
    }
}
