package org.ceerules.drools;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ceerules.api.FiredRule;
import org.ceerules.api.TradeFunction;
import org.ceerules.drools.facts.Decided;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.definition.rule.Rule;

/**
 * Records, for one decision, every rule that fired, the facts each firing matched and the facts
 * it inserted or the routes it added; from that, which routes each firing contributed to. One recorder per session:
 * it keeps per-call state and is never shared. Not thread-safe.
 */
final class FiringRecorder {

    private record Firing(Rule rule, List<Object> matched) {
    }

    private final List<Firing> firings = new ArrayList<>();
    private final Map<Object, Firing> producers = new IdentityHashMap<>();
    private Firing current;

    void attach(KieSession session) {
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void beforeMatchFired(BeforeMatchFiredEvent event) {
                current = new Firing(event.getMatch().getRule(), List.copyOf(event.getMatch().getObjects()));
                firings.add(current);
            }

            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                current = null;
            }
        });
        session.addEventListener(new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                if (current != null) {
                    producers.put(event.getObject(), current);
                }
            }
        });
    }

    private final java.util.function.Function<String, String> authority;

    /**
     * @param authority a rule's authority text, by the rule's name
     */
    FiringRecorder(java.util.function.Function<String, String> authority) {
        this.authority = authority;
    }

    /** A route was added to the decision's routes (facts.Routes), by the consequence that is running. */
    void routeAdded(Decided route) {
        if (current != null) {
            producers.put(route, current);
        }
    }

    /** Every firing in order, each with the functions whose routes descend from it. */
    List<FiredRule> firedRules(List<Decided> routes) {
        Map<Firing, Set<TradeFunction>> functions = new IdentityHashMap<>();
        for (Decided route : routes) {
            collect(producers.get(route), route.function(), functions, new IdentityHashMap<>());
        }
        List<FiredRule> fired = new ArrayList<>(firings.size());
        for (Firing firing : firings) {
            Set<TradeFunction> mine = functions.getOrDefault(firing, Set.of());
            fired.add(new FiredRule(firing.rule().getName(), authority.apply(firing.rule().getName()),
                    mine.stream().sorted().toList()));
        }
        return fired;
    }

    private void collect(Firing firing, TradeFunction function, Map<Firing, Set<TradeFunction>> functions,
                         Map<Firing, Boolean> seen) {
        if (firing == null || seen.put(firing, Boolean.TRUE) != null) {
            return;
        }
        functions.computeIfAbsent(firing, f -> EnumSet.noneOf(TradeFunction.class)).add(function);
        for (Object fact : firing.matched()) {
            collect(producers.get(fact), function, functions, seen);
        }
    }
}
