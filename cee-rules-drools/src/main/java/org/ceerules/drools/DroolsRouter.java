package org.ceerules.drools;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.ceerules.api.Center;
import org.ceerules.api.EntryLine;
import org.ceerules.api.EntrySummary;
import org.ceerules.api.FiredRule;
import org.ceerules.api.HtsNumber;
import org.ceerules.api.IndustryScope;
import org.ceerules.api.Jurisdiction;
import org.ceerules.api.KnowledgeBaseException;
import org.ceerules.api.KnowledgeBaseRule;
import org.ceerules.api.Route;
import org.ceerules.api.Router;
import org.ceerules.api.RoutingDecision;
import org.ceerules.api.RoutingRequest;
import org.ceerules.api.RoutingResult;
import org.ceerules.api.TradeFunction;
import org.ceerules.api.Violation;
import org.ceerules.drools.facts.CenterJurisdiction;
import org.ceerules.drools.facts.Entry;
import org.ceerules.drools.facts.RouteFact;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Router} of cee-rules: routes with a Drools knowledge base (DRL rules and reference
 * data files). Obtain it with {@code Routers.defaultRouter()} or {@code Routers.fromDirectory(path)}
 * ({@link DroolsRouterProvider} is the {@link java.util.ServiceLoader} provider).
 *
 * <p>Immutable and thread-safe: the knowledge base is compiled once, when the router is
 * constructed, and shared; each decision runs in a session of its own.
 *
 * @since 0.1
 */
public final class DroolsRouter implements Router {

    private static final Logger LOG = LoggerFactory.getLogger(DroolsRouter.class);
    /** No decision of a sound knowledge base takes more firings; more means rules that loop. */
    private static final int MAX_FIRINGS = 1_000;
    private static final TradeFunction[] FUNCTIONS = TradeFunction.values();

    private final RuleSet rules;
    private final KieSessionsPool sessions;

    /**
     * The router of the embedded rule set.
     *
     * @throws KnowledgeBaseException if the embedded rule set fails to load
     */
    public DroolsRouter() {
        this(load(RuleSetFiles.embedded()));
    }

    DroolsRouter(RuleSet rules) {
        this.rules = rules;
        this.sessions = rules.kieBase().newKieSessionsPool(Runtime.getRuntime().availableProcessors());
    }

    /**
     * The router of the rule set in a directory, laid out as the embedded one.
     *
     * @param directory the rule set's root
     * @return the router
     * @throws KnowledgeBaseException if the rule set fails to load
     */
    static DroolsRouter fromDirectory(Path directory) {
        return new DroolsRouter(load(RuleSetFiles.directory(directory)));
    }

    private static RuleSet load(RuleSetFiles files) {
        long start = System.nanoTime();
        RuleSet rules = RuleSet.load(files);
        LOG.info("loaded {} version {}: {} rules in {} ms", files.describe(), rules.version(), rules.rules().size(),
                (System.nanoTime() - start) / 1_000_000);
        return rules;
    }

    RuleSet ruleSet() {
        return rules;
    }

    @Override
    public RoutingResult route(RoutingRequest request) {
        return decide(request, false);
    }

    @Override
    public RoutingResult explain(RoutingRequest request) {
        return decide(request, true);
    }

    @Override
    public String rulesVersion() {
        return rules.version();
    }

    @Override
    public Optional<IndustryScope> industryScope(HtsNumber hts, LocalDate asOf) {
        Objects.requireNonNull(hts, "hts");
        Objects.requireNonNull(asOf, "asOf");
        return rules.data().htsScope().lookup(hts, asOf);
    }

    @Override
    public List<KnowledgeBaseRule> rules() {
        return rules.ruleList();
    }

    private RoutingResult decide(RoutingRequest request, boolean explain) {
        Objects.requireNonNull(request, "request");
        List<Violation> violations = check(request);
        if (!violations.isEmpty()) {
            return new RoutingResult.Rejected(violations);
        }
        Entry entry = entry(request);
        // explain attaches listeners of its own: a fresh session; route borrows a pooled one
        KieSession session = explain ? rules.kieBase().newKieSession() : sessions.newKieSession();
        boolean clean = false;
        try {
            FiringRecorder recorder = null;
            if (explain) {
                recorder = new FiringRecorder();
                recorder.attach(session);
            }
            session.insert(entry);
            for (TradeFunction function : FUNCTIONS) {
                session.insert(function);
            }
            int fired = session.fireAllRules(MAX_FIRINGS);
            if (fired >= MAX_FIRINGS) {
                throw new IllegalStateException("the knowledge base fired " + fired + " rules for entry "
                        + request.entrySummary().entryNumber() + ": its rules loop");
            }
            List<RouteFact> routes = new ArrayList<>();
            List<CenterJurisdiction> jurisdictions = new ArrayList<>();
            for (Object fact : session.getObjects()) {
                if (fact instanceof RouteFact route) {
                    routes.add(route);
                } else if (fact instanceof CenterJurisdiction jurisdiction) {
                    jurisdictions.add(jurisdiction);
                }
            }
            List<FiredRule> firedRules = recorder == null ? List.of() : recorder.firedRules(routes);
            clean = true;
            return new RoutingResult.Routed(decision(request, jurisdictions, routes, firedRules));
        } finally {
            if (clean) {
                session.dispose(); // a pooled session is reset and goes back to the pool
            } else {
                session.destroy(); // never pool a session a failure may have left in any state
            }
        }
    }

    /** The checks that need reference data; the records have checked the formats. */
    private List<Violation> check(RoutingRequest request) {
        List<Violation> violations = new ArrayList<>();
        String type = request.entrySummary().entryType();
        if (rules.data().entryType(type).isEmpty()) {
            violations.add(new Violation("entrySummary.entryType", "is not an entry type of CBP Form 7501, was \""
                    + type + "\""));
        }
        request.account().center().ifPresent(center -> request.account().participationStart().ifPresent(start -> {
            Optional<LocalDate> opened = rules.data().opened(center);
            if (opened.isPresent() && start.isBefore(opened.get())) {
                violations.add(new Violation("account.participationStart", "must not be before the Center "
                        + center.teamCode() + " opened on " + opened.get() + ", was " + start));
            }
        }));
        return violations;
    }

    /** The request with the reference data that applies to it: lookups, no decisions. */
    private Entry entry(RoutingRequest request) {
        ReferenceData data = rules.data();
        EntrySummary summary = request.entrySummary();
        LocalDate asOf = request.asOf();
        Center center = request.account().center().orElse(null);
        return new Entry(asOf, summary.entryDate(), data.regime(asOf), center,
                request.account().participationStart().orElse(null),
                request.account().withdrawalEffective().orElse(null),
                center == null ? null : data.opened(center).orElse(null),
                center == null ? null : data.industryWide(center).orElse(null),
                summary.entryType(),
                data.entryType(summary.entryType()).orElseThrow().traits(),
                data.processedByCenters(summary.entryType(), asOf),
                summary.port(),
                data.districtTraits(summary.port().district(), asOf),
                summary.lines().stream().map(EntryLine::adcvdCase).anyMatch(Optional::isPresent));
    }

    /** Assembles the decision; a knowledge base that routes a function twice or not at all is a bug, not an answer. */
    private RoutingDecision decision(RoutingRequest request, List<CenterJurisdiction> jurisdictions,
                                     List<RouteFact> facts, List<FiredRule> firedRules) {
        String entryNumber = request.entrySummary().entryNumber();
        if (jurisdictions.size() != 1) {
            throw new IllegalStateException("the knowledge base decided " + jurisdictions.size()
                    + " jurisdictions for entry " + entryNumber + ", not one");
        }
        Map<TradeFunction, RouteFact> byFunction = new EnumMap<>(TradeFunction.class);
        for (RouteFact fact : facts) {
            RouteFact other = byFunction.putIfAbsent(fact.getFunction(), fact);
            if (other != null) {
                throw new IllegalStateException("the knowledge base routed " + fact.getFunction() + " of entry "
                        + entryNumber + " twice: by \"" + other.getRule() + "\" and by \"" + fact.getRule() + "\"");
            }
        }
        List<Route> routes = new ArrayList<>(FUNCTIONS.length);
        for (TradeFunction function : FUNCTIONS) {
            RouteFact fact = byFunction.get(function);
            if (fact == null) {
                throw new IllegalStateException("the knowledge base did not route " + function + " of entry "
                        + entryNumber);
            }
            routes.add(new Route(function, fact.getOffice(), fact.getAlternatives(), fact.getRule(),
                    fact.getAuthority()));
        }
        CenterJurisdiction j = jurisdictions.get(0);
        return new RoutingDecision(entryNumber, request.asOf(),
                new Jurisdiction(Optional.ofNullable(j.getCenter()), j.getRule(), j.getAuthority()),
                routes, rules.version(), firedRules);
    }
}
