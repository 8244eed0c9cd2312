package org.ceerules.drools;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.ceerules.api.Account;
import org.ceerules.api.Center;
import org.ceerules.api.CenterOpening;
import org.ceerules.api.EntryLine;
import org.ceerules.api.EntrySummary;
import org.ceerules.api.FiredRule;
import org.ceerules.api.HtsNumber;
import org.ceerules.api.IndustryScope;
import org.ceerules.api.Jurisdiction;
import org.ceerules.api.KnowledgeBaseException;
import org.ceerules.api.KnowledgeBaseProblem;
import org.ceerules.api.KnowledgeBaseRule;
import org.ceerules.api.Office;
import org.ceerules.api.PortOfEntry;
import org.ceerules.api.Route;
import org.ceerules.api.Router;
import org.ceerules.api.RoutingDecision;
import org.ceerules.api.RoutingRequest;
import org.ceerules.api.RoutingResult;
import org.ceerules.api.Source;
import org.ceerules.api.SubjectAbbreviation;
import org.ceerules.api.Submission;
import org.ceerules.api.TradeFunction;
import org.ceerules.api.Violation;
import org.ceerules.drools.facts.CenterJurisdiction;
import org.ceerules.drools.facts.Basis;
import org.ceerules.drools.facts.Decided;
import org.ceerules.drools.facts.Entry;
import org.ceerules.drools.facts.Routes;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.ObjectFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Router} of cee-rules: routes with a Drools knowledge base (DRL rules and reference
 * data files). Obtain it with {@code Routers.defaultRouter()} or {@code Routers.fromDirectory(path)}
 * ({@link DroolsRouterProvider} is the {@link java.util.ServiceLoader} provider).
 *
 * <p>Immutable and thread-safe: the knowledge base is built once, when the router is constructed
 * (the embedded one from the classes the build compiled, a directory's from its DRL), and shared;
 * each decision runs in a session of its own. {@code route} borrows its session from a pool and
 * gives it back reset, so that a decision does not pay for building a session; {@code explain},
 * which attaches listeners, uses a new session each time.
 *
 * @since 0.1
 */
public final class DroolsRouter implements Router {

    private static final Logger LOG = LoggerFactory.getLogger(DroolsRouter.class);
    /** No decision of a sound knowledge base takes more firings; more means rules that loop. */
    private static final int MAX_FIRINGS = 1_000;
    private static final TradeFunction[] FUNCTIONS = TradeFunction.values();
    /** The regime of the test (data/regimes.csv), the only one whose delegation reads the tariff lines. */
    private static final String TEST = "TEST";
    /**
     * Per trade function, in the enum's order, the subject abbreviation of its documents sent to a
     * Center; null for none (the decision's hot path makes no Optional for it).
     */
    private static final SubjectAbbreviation[] SUBJECTS = Arrays.stream(FUNCTIONS)
            .map(f -> SubjectAbbreviation.forFunction(f).orElse(null)).toArray(SubjectAbbreviation[]::new);
    /** Lists shorter than this are routed on the calling thread: handing them out costs more. */
    static final int PARALLEL_FROM = 64;
    /** The DRL global the routing rules add their routes to (routing.drl). */
    private static final String ROUTES = "routes";
    /** The DRL global of the factories the rules' consequences call (jurisdiction.drl). */
    private static final String FACTS = "facts";
    /** The probes' entry type (a consumption entry), port (Los Angeles), tariff number, importer and entry numbers. */
    static final String PROBE_TYPE = "01";
    static final String PROBE_PORT = "2704";
    private static final String PROBE_HTS = "8517.62.0090";
    private static final String PROBE_IMPORTER = "12-345678900";
    private static final String PROBE_ENTRY = "345-6789012-3";
    /** Where a problem of the rule set's DRL as a whole is reported. */
    private static final String DRL = "drl";
    /** What a decision reads from working memory: the jurisdiction, and routes that rules inserted. */
    private static final ObjectFilter DECIDED = fact -> fact instanceof CenterJurisdiction || fact instanceof Decided;

    private final RuleSet rules;
    private final KieSessionsPool sessions;
    private final boolean declaresRoutes;
    private final boolean declaresFacts;
    /** The ports requests name, made once each: at most the 10,000 four-digit codes. */
    private final Map<String, PortOfEntry> ports = new ConcurrentHashMap<>();

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
        this.declaresRoutes = declares(rules, ROUTES);
        this.declaresFacts = declares(rules, FACTS);
    }

    /**
     * The router of the rule set in a directory, laid out as the embedded one, once it has loaded
     * and routed the {@linkplain #probe probe requests}.
     *
     * @param directory the rule set's root
     * @return the router
     * @throws KnowledgeBaseException if the rule set fails to load
     */
    static DroolsRouter fromDirectory(Path directory) {
        DrlCompiler.require("loading a rule set from a directory (" + directory + ")");
        DroolsRouter router = new DroolsRouter(load(RuleSetFiles.directory(directory)));
        List<KnowledgeBaseProblem> unrouted = router.probe(LocalDate.now(ZoneOffset.UTC));
        if (!unrouted.isEmpty()) {
            throw new KnowledgeBaseException(unrouted);
        }
        return router;
    }

    /**
     * The least a rule set must do: route every trade function of a plain request, once. The
     * probes are requests for an entry of type {@value #PROBE_TYPE} at port {@value #PROBE_PORT},
     * filed and routed on the same day: the last day of each regime of {@code data/regimes.csv}
     * ({@code today} for the one in force), for an account of no Center and for an account of each
     * Center open that day ({@code data/center-timeline.csv}). A probe the rules do not route (a
     * function no rule routes, or two rules route; not one jurisdiction; rules that loop or fail)
     * is a problem of the rule set. Runs the rules: only on a rule set that loaded, the guard passed.
     *
     * @param today the date of the probes of the regime in force
     * @return one problem per kind of failure, naming the first probe that fails so and how many
     *         others do; empty when every probe is routed
     */
    List<KnowledgeBaseProblem> probe(LocalDate today) {
        Map<KnowledgeBaseProblem, List<String>> failures = new java.util.LinkedHashMap<>();
        for (ReferenceData.Dated<String> regime : rules.data().regimes()) {
            LocalDate end = regime.range().endExclusive();
            LocalDate day = end.equals(LocalDate.MAX) || end.isAfter(today) ? today : end.minusDays(1);
            if (day.isBefore(regime.range().startInclusive())) {
                day = regime.range().startInclusive();
            }
            List<Center> accounts = new ArrayList<>();
            accounts.add(null);
            for (Center center : Center.values()) {
                LocalDate on = day;
                rules.data().opened(center).filter(opened -> !opened.isAfter(on)).ifPresent(o -> accounts.add(center));
            }
            for (Center center : accounts) {
                String probe = "type " + PROBE_TYPE + ", port " + PROBE_PORT + ", filed and routed on " + day
                        + ", account " + (center == null ? "of no Center" : "of Center " + center.teamCode());
                probe(day, center).ifPresent(failure -> failures.computeIfAbsent(failure, f -> new ArrayList<>())
                        .add(probe));
            }
        }
        List<KnowledgeBaseProblem> problems = new ArrayList<>();
        failures.forEach((failure, probes) -> problems.add(new KnowledgeBaseProblem(failure.file(), failure.line(),
                failure.message() + " (probe: " + probes.get(0) + (probes.size() > 1 ? "; and " + (probes.size() - 1)
                        + " other probe(s))" : ")"))));
        return List.copyOf(problems);
    }

    /** What is wrong with the rules' decision on a probe: a problem without the probe's description; empty if none. */
    private Optional<KnowledgeBaseProblem> probe(LocalDate day, Center center) {
        RoutingRequest request = new RoutingRequest(day, new Account(PROBE_IMPORTER, "probe",
                Optional.ofNullable(center), Optional.empty(), Optional.empty()),
                new EntrySummary(PROBE_ENTRY, PROBE_TYPE, PROBE_PORT, day, List.of(new EntryLine(PROBE_HTS,
                        java.math.BigDecimal.ONE, Optional.empty()))));
        List<Violation> violations = check(request);
        if (!violations.isEmpty()) {
            Violation first = violations.get(0);
            return Optional.of(new KnowledgeBaseProblem(ReferenceData.ENTRY_TYPES, 0, "a probe request is refused: "
                    + first.field() + " " + first.message()));
        }
        Fired fired;
        try {
            fired = fire(request, false);
        } catch (RuntimeException | StackOverflowError e) {
            String why = e.getMessage() == null ? "" : e.getMessage().strip().lines().findFirst().orElse("");
            return Optional.of(new KnowledgeBaseProblem(DRL, 0, "the rules fail on a probe request: "
                    + e.getClass().getSimpleName() + (why.isEmpty() || why.length() > 120 ? "" : ": " + why)));
        }
        if (fired.jurisdictions().size() != 1) {
            return Optional.of(new KnowledgeBaseProblem(DRL, 0, "the rules decide " + fired.jurisdictions().size()
                    + " jurisdictions, not one"));
        }
        java.util.EnumMap<TradeFunction, Integer> routed = new java.util.EnumMap<>(TradeFunction.class);
        fired.decided().forEach(route -> routed.merge(route.function(), 1, Integer::sum));
        List<TradeFunction> missing = new ArrayList<>();
        List<TradeFunction> twice = new ArrayList<>();
        for (TradeFunction function : FUNCTIONS) {
            int times = routed.getOrDefault(function, 0);
            if (times == 0) {
                missing.add(function);
            } else if (times > 1) {
                twice.add(function);
            }
        }
        if (!missing.isEmpty()) {
            return Optional.of(new KnowledgeBaseProblem(DRL, 0, "no rule routes " + names(missing)
                    + ": every trade function needs a rule that routes it"));
        }
        if (!twice.isEmpty()) {
            return Optional.of(new KnowledgeBaseProblem(DRL, 0, "more than one rule routes " + names(twice)));
        }
        return Optional.empty();
    }

    /** The first functions of a list, and how many others. */
    private static String names(List<TradeFunction> functions) {
        int shown = Math.min(3, functions.size());
        String first = String.join(", ", functions.subList(0, shown).stream().map(Enum::name).toList());
        return functions.size() > shown ? first + " and " + (functions.size() - shown) + " more" : first;
    }

    private static boolean declares(RuleSet rules, String global) {
        return rules.kieBase().getKiePackages().stream()
                .flatMap(pkg -> pkg.getGlobalVariables().stream())
                .anyMatch(variable -> variable.getName().equals(global));
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

    /**
     * Routes many requests on every core: in parallel, in the fork-join pool this is called from
     * (the common pool from any other thread), each request in a session of its own; fewer than
     * {@value #PARALLEL_FROM} requests are routed on the calling thread.
     *
     * @param requests the requests
     * @return one result per request, in the order of {@code requests}; unmodifiable
     */
    @Override
    public List<RoutingResult> routeAll(List<RoutingRequest> requests) {
        Objects.requireNonNull(requests, "requests");
        if (requests.size() < PARALLEL_FROM) {
            return requests.stream().map(this::route).toList();
        }
        return requests.parallelStream().map(this::route).toList();
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
    public Optional<CenterOpening> opening(Center center) {
        Objects.requireNonNull(center, "center");
        ReferenceData.Opening opening = rules.data().opening(center);
        return opening == null ? Optional.empty() : Optional.of(new CenterOpening(center, opening.date(),
                opening.basis().certainty(), opening.basis().citations()));
    }

    @Override
    public List<KnowledgeBaseRule> rules() {
        return rules.ruleList();
    }

    @Override
    public List<Source> sources() {
        return rules.bibliography().sources();
    }

    private RoutingResult decide(RoutingRequest request, boolean explain) {
        Objects.requireNonNull(request, "request");
        List<Violation> violations = check(request);
        if (!violations.isEmpty()) {
            return new RoutingResult.Rejected(violations);
        }
        Fired fired = fire(request, explain);
        return new RoutingResult.Routed(decision(request, fired.jurisdictions(), fired.decided(), fired.rules(),
                explain));
    }

    /** What a session decided for a request: the jurisdictions, the routes, and with explain the rules that fired. */
    private record Fired(List<CenterJurisdiction> jurisdictions, List<Decided> decided, List<FiredRule> rules) {
    }

    /** Runs the rules on a request that passed {@link #check}. */
    private Fired fire(RoutingRequest request, boolean explain) {
        Entry entry = entry(request);
        // explain attaches listeners of its own: a fresh session; route borrows a pooled one
        KieSession session = explain ? rules.kieBase().newKieSession() : sessions.newKieSession();
        boolean clean = false;
        try {
            FiringRecorder recorder = null;
            Routes routes;
            if (explain) {
                recorder = new FiringRecorder(this::authorityOf);
                recorder.attach(session);
                routes = new Routes(recorder::routeAdded);
            } else {
                routes = new Routes();
            }
            if (declaresRoutes) {
                // the session is this call's alone until it is disposed: so is the global
                session.setGlobal(ROUTES, routes);
            }
            if (declaresFacts) {
                session.setGlobal(FACTS, rules.facts());
            }
            session.insert(entry);
            int fired = session.fireAllRules(MAX_FIRINGS);
            if (fired >= MAX_FIRINGS) {
                throw new IllegalStateException("the knowledge base fired " + fired + " rules for entry "
                        + request.entrySummary().entryNumber() + ": its rules loop");
            }
            List<CenterJurisdiction> jurisdictions = new ArrayList<>(1);
            List<Decided> decided = routes.list();
            // a rule set's own rules may insert routes rather than add them: then working memory holds them
            Iterable<?> facts = decided.size() == FUNCTIONS.length && routes.jurisdiction() != null
                    ? List.of(routes.jurisdiction()) : session.getObjects(DECIDED);
            for (Object fact : facts) {
                if (fact instanceof CenterJurisdiction jurisdiction) {
                    jurisdictions.add(jurisdiction);
                } else {
                    decided.add((Decided) fact);
                }
            }
            List<FiredRule> firedRules = recorder == null ? List.of() : recorder.firedRules(decided);
            clean = true;
            return new Fired(jurisdictions, decided, firedRules);
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
        List<Violation> violations = List.of();
        String type = request.entrySummary().entryType();
        if (rules.data().entryType(type).isEmpty()) {
            violations = new ArrayList<>(violations);
            violations.add(new Violation("entrySummary.entryType", "is not an entry type of CBP Form 7501, was \""
                    + type + "\""));
        }
        Optional<Center> center = request.account().center();
        Optional<LocalDate> start = request.account().participationStart();
        if (center.isPresent() && start.isPresent()) {
            Optional<LocalDate> opened = rules.data().opened(center.get());
            if (opened.isPresent() && start.get().isBefore(opened.get())) {
                violations = new ArrayList<>(violations);
                violations.add(new Violation("account.participationStart", "must not be before the Center "
                        + center.get().teamCode() + " opened on " + opened.get() + ", was " + start.get()));
            }
        }
        return violations;
    }

    /** The request with the reference data that applies to it: lookups, no decisions. */
    private Entry entry(RoutingRequest request) {
        ReferenceData data = rules.data();
        EntrySummary summary = request.entrySummary();
        LocalDate asOf = request.asOf();
        Center center = request.account().center().orElse(null);
        PortOfEntry port = ports.computeIfAbsent(summary.portOfEntry(), PortOfEntry::new);
        String regime = data.regime(asOf);
        ReferenceData.Opening opening = center == null ? null : data.opening(center);
        ReferenceData.EntryType type = data.entryType(summary.entryType()).orElseThrow();
        Basis processed = data.processedByCenters(summary.entryType(), asOf);
        ReferenceData.DistrictTraits district = data.districtTraits(port.district(), asOf);
        // the delegation of the test regime reads the tariff lines: only where some list names the port
        ReferenceData.Predominant predominant = ReferenceData.Predominant.NONE;
        Set<Center> delegated = Set.of();
        Basis delegation = null;
        if (regime.equals(TEST)) {
            delegated = data.delegatedCenters(port.portCode(), summary.entryDate());
            if (!delegated.isEmpty()) {
                predominant = data.predominant(summary.lines(), summary.entryDate());
                Basis at = predominant.center() == null ? null
                        : data.delegationBasis(predominant.center(), port.portCode(), summary.entryDate());
                delegation = at == null ? null : at.and(predominant.basis());
            }
        }
        return new Entry(
                new Entry.Request(asOf, summary.entryDate(), center,
                        request.account().participationStart().orElse(null),
                        request.account().withdrawalEffective().orElse(null),
                        summary.entryType(), port, anyAdcvdCase(summary.lines())),
                new Entry.Lookups(regime, data.measures(asOf),
                        opening == null ? null : opening.date(), opening == null ? null : opening.basis(),
                        type.traits(), processed != null, type.basis().and(processed),
                        district == null ? Set.of() : district.traits(), district == null ? null : district.basis(),
                        predominant.center(), predominant.mixed(), delegated, delegation));
    }

    private static boolean anyAdcvdCase(List<EntryLine> lines) {
        for (EntryLine line : lines) {
            if (line.adcvdCase().isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** Assembles the decision; a knowledge base that routes a function twice or not at all is a bug, not an answer. */
    private RoutingDecision decision(RoutingRequest request, List<CenterJurisdiction> jurisdictions,
                                     List<Decided> decided, List<FiredRule> firedRules, boolean explain) {
        String entryNumber = request.entrySummary().entryNumber();
        if (jurisdictions.size() != 1) {
            throw new IllegalStateException("the knowledge base decided " + jurisdictions.size()
                    + " jurisdictions for entry " + entryNumber + ", not one");
        }
        Decided[] byFunction = new Decided[FUNCTIONS.length];
        for (Decided route : decided) {
            Decided other = byFunction[route.function().ordinal()];
            if (other != null) {
                throw new IllegalStateException("the knowledge base routed " + route.function() + " of entry "
                        + entryNumber + " twice: by \"" + other.rule() + "\" and by \"" + route.rule() + "\"");
            }
            byFunction[route.function().ordinal()] = route;
        }
        Route[] routes = new Route[FUNCTIONS.length];
        SubjectFields subject = null;
        for (TradeFunction function : FUNCTIONS) {
            Decided made = byFunction[function.ordinal()];
            if (made == null) {
                throw new IllegalStateException("the knowledge base did not route " + function + " of entry "
                        + entryNumber);
            }
            Basis basis = made.basis();
            Route route = new Route(function, made.office(), made.alternatives(), made.rule(), basis.authority(),
                    basis.citations(), basis.certainty(), Optional.empty());
            SubjectAbbreviation abbreviation = SUBJECTS[function.ordinal()];
            Center center = abbreviation == null ? null : submissionCenter(route);
            if (center != null) {
                if (subject == null) {
                    subject = new SubjectFields(request);
                }
                route = route.withSubmission(new Submission(abbreviation, center, subject.accountName,
                        subject.entryNumber, subject.port));
            }
            routes[function.ordinal()] = route;
        }
        CenterJurisdiction j = jurisdictions.get(0);
        Jurisdiction jurisdiction = new Jurisdiction(Optional.ofNullable(j.getCenter()), j.getRule(),
                j.getBasis().authority(), j.getBasis().citations(), j.getBasis().certainty());
        List<Route> routeList = List.of(routes);
        return new RoutingDecision(entryNumber, request.asOf(), jurisdiction, routeList, rules.version(), firedRules,
                explain ? citedSources(jurisdiction, routeList) : List.of());
    }

    /** Every source a decision cites, in full, ordered by id. */
    private List<Source> citedSources(Jurisdiction jurisdiction, List<Route> routes) {
        java.util.TreeSet<String> ids = new java.util.TreeSet<>();
        jurisdiction.citations().forEach(c -> ids.add(c.source()));
        routes.forEach(route -> route.citations().forEach(c -> ids.add(c.source())));
        List<Source> sources = new ArrayList<>(ids.size());
        for (String id : ids) {
            rules.bibliography().source(id).ifPresent(sources::add);
        }
        return sources;
    }

    /** The authority text of a rule of this rule set, by its name; empty for an unknown one. */
    private String authorityOf(String rule) {
        RuleSet.RuleLocation location = rules.rules().get(rule);
        return location == null || location.basis() == null ? "" : location.basis().authority();
    }

    /** The Center a route's documents are e-mailed to: its office, or else the Center among its alternatives; null for none. */
    private static Center submissionCenter(Route route) {
        if (route.office() instanceof Center center) {
            return center;
        }
        for (Office alternative : route.alternatives()) {
            if (alternative instanceof Center center) {
                return center;
            }
        }
        return null;
    }

    /** The fields of a request's subject lines, made once per decision. */
    private static final class SubjectFields {
        final String accountName;
        final String entryNumber;
        final String port;

        SubjectFields(RoutingRequest request) {
            accountName = Submission.accountNameField(request.account().name());
            entryNumber = Submission.entryNumberField(request.entrySummary().entryNumber());
            port = request.entrySummary().portOfEntry();
        }
    }
}
