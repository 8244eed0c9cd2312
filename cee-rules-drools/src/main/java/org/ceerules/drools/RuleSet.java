package org.ceerules.drools;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ceerules.api.Center;
import org.ceerules.api.Certainty;
import org.ceerules.api.CenterId;
import org.ceerules.api.Citation;
import org.ceerules.api.Submission;
import org.ceerules.api.TeamNumber;
import org.ceerules.api.KnowledgeBaseException;
import org.ceerules.api.KnowledgeBaseProblem;
import org.ceerules.api.KnowledgeBaseRule;
import org.ceerules.drools.facts.Basis;
import org.ceerules.drools.facts.Facts;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * A loaded rule set: its version, reference data and compiled knowledge base. Loading checks
 * everything and fails once, naming every problem with its file and line. Immutable and
 * thread-safe: the {@link KieBase} is built once and shared by every decision.
 */
final class RuleSet {

    static final String VERSION_FILE = "VERSION";
    private static final String RESOURCES = "src/main/resources/";
    private static final Pattern RULE_HEADER = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)");
    private static final Pattern END = Pattern.compile("^\\s*end\\b");
    private static final Pattern CLAIM_OR_EXCEPTION = Pattern.compile("facts\\.(claim|exception)\\(");
    private static final Pattern WHEN = Pattern.compile("^\\s*when\\b");
    private static final Pattern AUTHORITY = Pattern.compile("@authority\\b");
    private static final Pattern CITE = Pattern.compile(
            "@cite\\(\\s*\"([^\"]*)\"\\s*(?:,\\s*\"([^\"]*)\"\\s*)?\\)");
    private static final Pattern CITE_ANY = Pattern.compile("@cite\\b");
    private static final Pattern CERTAINTY = Pattern.compile("@certainty\\(\\s*\"([^\"]*)\"\\s*\\)");
    /** The API's reference files, whose rows cite this bibliography too. */
    private static final List<String> API_FILES = List.of("centers.csv", "subject-abbreviations.csv",
            "team-number-digits.csv");
    private static final Pattern PRECEDENCE = Pattern.compile("@precedence\\(\\s*(-?\\d+)\\s*\\)");
    private static final AtomicLong LOADS = new AtomicLong();

    /** Where a rule is written, and what it rests on (null where its citations were invalid). */
    record RuleLocation(String file, int line, Basis basis) {
    }

    private final String version;
    private final ReferenceData data;
    private final KieBase kieBase;
    private final Map<String, RuleLocation> locations;
    private final Bibliography bibliography;
    private final Facts facts;

    private RuleSet(String version, ReferenceData data, KieBase kieBase, Map<String, RuleLocation> locations,
                    Bibliography bibliography) {
        this.version = version;
        this.data = data;
        this.kieBase = kieBase;
        this.locations = locations;
        this.bibliography = bibliography;
        Map<String, Basis> bases = new HashMap<>();
        locations.forEach((name, location) -> bases.put(name, location.basis()));
        this.facts = new Facts(bases);
    }

    /** @return the bibliography every rule and row cites */
    Bibliography bibliography() {
        return bibliography;
    }

    /** @return the factories the rules' consequences call (the DRL global {@code facts}) */
    Facts facts() {
        return facts;
    }

    String version() {
        return version;
    }

    ReferenceData data() {
        return data;
    }

    KieBase kieBase() {
        return kieBase;
    }

    /** @return the name of every rule of the knowledge base, with where it is written */
    Map<String, RuleLocation> rules() {
        return locations;
    }

    /** @return every rule of the knowledge base, ordered by file and line */
    List<KnowledgeBaseRule> ruleList() {
        return locations.entrySet().stream()
                .map(e -> new KnowledgeBaseRule(e.getKey(), e.getValue().basis().authority(), e.getValue().file(),
                        e.getValue().line(), e.getValue().basis().citations(), e.getValue().basis().certainty()))
                .sorted(Comparator.comparing(KnowledgeBaseRule::file).thenComparingInt(KnowledgeBaseRule::line))
                .toList();
    }

    /**
     * Loads and checks a rule set. First the guard reads the DRL's text ({@link DrlGuard}): where it
     * refuses anything, no DRL is compiled or run. The data files, the citations and the rules'
     * headers are checked in any case; then the DRL's syntax ({@link DrlSyntax}), and where it has
     * no error, the DRL is compiled, each of the compiler's messages one problem at its DRL line
     * ({@link DrlMessages}). The report is bounded ({@link ProblemReport}).
     *
     * @throws KnowledgeBaseException naming every problem found
     */
    static RuleSet load(RuleSetFiles files) {
        // the rules the build compiled are classes to load: that runs while the texts are checked
        CompletableFuture<Optional<KieBase>> precompiled = CompletableFuture.supplyAsync(files::precompiled,
                task -> {
                    Thread loading = new Thread(task, "cee-rules-load");
                    loading.setDaemon(true);
                    loading.start();
                });
        List<KnowledgeBaseProblem> problems = new ArrayList<>();
        Optional<List<String>> listed = files.list();
        if (listed.isEmpty()) {
            throw new KnowledgeBaseException(List.of(new KnowledgeBaseProblem(RuleSetFiles.MANIFEST, 0,
                    "missing from " + files.describe() + ": it lists the rule set's files")));
        }
        List<String> all = listed.get();

        String version = files.read(VERSION_FILE, problems).map(String::strip).orElse("");
        if (version.isEmpty() || version.contains("\n")) {
            problems.add(new KnowledgeBaseProblem(VERSION_FILE, 0, "must hold the rule set's version on one line"));
        }

        Map<String, String> drl = new HashMap<>();
        for (String file : all) {
            if (file.endsWith(".drl")) {
                Optional<String> text = files.read(file, problems);
                if (text.isPresent()) {
                    drl.put(file, text.get());
                } else {
                    problems.add(new KnowledgeBaseProblem(file, 0, "listed in " + files.describe() + " but missing"));
                }
            }
        }
        if (drl.isEmpty()) {
            problems.add(new KnowledgeBaseProblem("drl", 0, "no .drl file in " + files.describe()));
        }

        // before anything is compiled: what the guard refuses is never compiled, never run
        List<KnowledgeBaseProblem> refused = DrlGuard.check(drl);
        problems.addAll(refused);

        Bibliography bibliography = Bibliography.load(files, problems);
        Map<String, Set<Integer>> duplicates = new HashMap<>();
        Map<String, RuleLocation> locations = locate(drl, bibliography, duplicates, problems);
        Optional<ReferenceData> data = ReferenceData.load(files, String.join("\n", drl.values()), bibliography,
                problems);
        citeApiFiles(bibliography, problems);
        bibliography.checkAllCited(problems);
        Optional<KieBase> kieBase = drl.isEmpty() || !refused.isEmpty() ? Optional.empty()
                : join(precompiled).or(() -> checkAndCompile(withDuplicatesRenamed(drl, duplicates), problems));
        kieBase.ifPresent(base -> checkRules(base, locations, problems));

        if (!problems.isEmpty()) {
            // in the order a rule author reads them, each once, bounded
            throw new KnowledgeBaseException(ProblemReport.of(problems));
        }
        return new RuleSet(version, data.orElseThrow(), kieBase.orElseThrow(), Map.copyOf(locations), bibliography);
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * Finds where each rule is written and checks its header (the lines between {@code rule} and
     * {@code when}) on the text, so that these checks run even when the DRL does not compile: a
     * rule written twice, a rule without {@code @cite}, a {@code @precedence} shared by two
     * rules (a tie would be broken by the engine, not by the rules). Records in {@code duplicates}
     * the lines (from 0) of each file where a rule's name is written a second time.
     */
    private static Map<String, RuleLocation> locate(Map<String, String> drl, Bibliography bibliography,
                                                    Map<String, Set<Integer>> duplicates,
                                                    List<KnowledgeBaseProblem> problems) {
        Map<String, RuleLocation> locations = new HashMap<>();
        Map<String, String> precedences = new HashMap<>();
        drl.keySet().stream().sorted().forEach(file -> {
            String[] lines = drl.get(file).split("\r?\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = RULE_HEADER.matcher(lines[i]);
                if (!m.find()) {
                    continue;
                }
                String name = m.group(1);
                String header = textUntil(lines, i + 1, WHEN);
                RuleLocation here = new RuleLocation(file, i + 1, cite(file, i + 1, name, header, bibliography,
                        problems));
                RuleLocation first = locations.putIfAbsent(name, here);
                if (first != null) {
                    duplicates.computeIfAbsent(file, f -> new HashSet<>()).add(i);
                    problems.add(new KnowledgeBaseProblem(file, i + 1, "rule \"" + name
                            + "\" is already written at " + first.file() + ":" + first.line()));
                }
                Matcher precedence = PRECEDENCE.matcher(header);
                if (precedence.find()) {
                    String other = precedences.putIfAbsent(precedence.group(1), name);
                    if (other != null) {
                        problems.add(new KnowledgeBaseProblem(file, i + 1, "rule \"" + name
                                + "\" has the @precedence of rule \"" + other + "\": a tie would be broken by "
                                + "the engine, not by the rules"));
                    }
                } else if (header.contains("@precedence")) {
                    problems.add(new KnowledgeBaseProblem(file, i + 1, "rule \"" + name
                            + "\" has a @precedence that is not a whole number"));
                } else if (CLAIM_OR_EXCEPTION.matcher(textUntil(lines, i + 1, END)).find()) {
                    problems.add(new KnowledgeBaseProblem(file, i + 1, "rule \"" + name
                            + "\" makes a claim or an exception but has no @precedence: ties would be broken by "
                            + "the engine, not by the rules"));
                }
            }
        });
        return locations;
    }

    /**
     * The DRL with every rule name written a second time renamed, in place, so that the compiler
     * goes on to report the other problems (it stops at a duplicate name); the duplicates are the
     * ones {@link #locate} found and reported.
     */
    private static Map<String, String> withDuplicatesRenamed(Map<String, String> drl,
                                                             Map<String, Set<Integer>> duplicates) {
        Map<String, String> renamed = new HashMap<>(drl);
        duplicates.forEach((file, lineIndexes) -> {
            String[] lines = drl.get(file).split("\r?\n", -1);
            for (int i : lineIndexes) {
                Matcher m = RULE_HEADER.matcher(lines[i]);
                m.find();
                lines[i] = lines[i].replaceFirst(Pattern.quote("\"" + m.group(1) + "\""),
                        Matcher.quoteReplacement("\"" + m.group(1) + " (written twice, line " + (i + 1) + ")\""));
            }
            renamed.put(file, String.join("\n", lines));
        });
        return renamed;
    }

    /**
     * A rule's basis from its header: every {@code @cite("id")} or {@code @cite("id", "pinpoint")}
     * and its optional {@code @certainty("secondary"|"inferred")}; null, with the problems
     * recorded, where they are missing or invalid.
     */
    private static Basis cite(String file, int line, String name, String header, Bibliography bibliography,
                              List<KnowledgeBaseProblem> problems) {
        if (AUTHORITY.matcher(header).find()) {
            problems.add(new KnowledgeBaseProblem(file, line, "rule \"" + name + "\" has an @authority text: "
                    + "cite its sources with @cite(\"id\", \"pinpoint\"), ids of " + Bibliography.FILE));
        }
        List<Citation> citations = new ArrayList<>();
        boolean ok = true;
        Matcher cite = CITE.matcher(header);
        int written = 0;
        while (cite.find()) {
            written++;
            Optional<Citation> citation = bibliography.citation(file, line, cite.group(1),
                    cite.group(2) == null ? "" : cite.group(2), problems);
            ok &= citation.isPresent();
            citation.ifPresent(citations::add);
        }
        Matcher any = CITE_ANY.matcher(header);
        int all = 0;
        while (any.find()) {
            all++;
        }
        if (all != written) {
            problems.add(new KnowledgeBaseProblem(file, line, "rule \"" + name + "\" has a @cite not written as "
                    + "@cite(\"id\") or @cite(\"id\", \"pinpoint\")"));
            ok = false;
        }
        if (all == 0) {
            problems.add(new KnowledgeBaseProblem(file, line, "rule \"" + name + "\" cites no source: add "
                    + "@cite(\"id\", \"pinpoint\") with an id of " + Bibliography.FILE));
            return null;
        }
        Optional<Certainty> declared = Optional.empty();
        Matcher certainty = CERTAINTY.matcher(header);
        if (certainty.find()) {
            declared = Certainty.ofLabel(certainty.group(1));
            if (declared.isEmpty()) {
                problems.add(new KnowledgeBaseProblem(file, line, "rule \"" + name + "\" has @certainty(\""
                        + certainty.group(1) + "\"): write confirmed, secondary or inferred"));
                ok = false;
            }
        }
        if (!ok) {
            return null;
        }
        List<KnowledgeBaseProblem> mine = new ArrayList<>();
        Optional<Basis> basis = bibliography.basis(file, line, citations, declared, mine);
        mine.forEach(p -> problems.add(new KnowledgeBaseProblem(p.file(), p.line(), "rule \"" + name + "\": "
                + p.message())));
        return basis.orElse(null);
    }

    /**
     * The API's reference files (the Centers, the subject abbreviations, the team-number digits)
     * cite this bibliography in their {@code source} column too: each id must resolve, and counts
     * as cited.
     */
    private static void citeApiFiles(Bibliography bibliography, List<KnowledgeBaseProblem> problems) {
        for (String name : API_FILES) {
            String file = "org/ceerules/api/" + name;
            String text;
            try (java.io.InputStream in = Center.class.getResourceAsStream(name)) {
                if (in == null) {
                    continue;
                }
                text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                problems.add(new KnowledgeBaseProblem(file, 0, "cannot be read: " + e.getMessage()));
                continue;
            }
            CsvTable.parse(file, text, List.of("status", "source"), problems, bibliography);
        }
        // the ids the API's code cites: Center IDs, the dated reading of team numbers, the subject-line format
        for (String id : List.of(CenterId.SOURCE, TeamNumber.SOURCE, TeamNumber.UPDATE_SOURCE, Submission.FORMAT_SOURCE,
                Submission.FORMAT_SUPERSEDED_BY)) {
            bibliography.citation("org/ceerules/api", 0, id, "", problems);
        }
    }

    /** The lines from {@code from} up to, not including, the first that matches {@code stop}. */
    private static String textUntil(String[] lines, int from, Pattern stop) {
        StringBuilder text = new StringBuilder();
        for (int k = from; k < lines.length && !stop.matcher(lines[k]).find(); k++) {
            text.append(lines[k]).append('\n');
        }
        return text.toString();
    }

    /** The DRL's syntax checked on its text, then, where it has no error, compiled. */
    private static Optional<KieBase> checkAndCompile(Map<String, String> drl, List<KnowledgeBaseProblem> problems) {
        List<KnowledgeBaseProblem> syntax = DrlSyntax.check(drl);
        problems.addAll(syntax);
        return syntax.isEmpty() ? compile(drl, problems) : Optional.empty();
    }

    private static Optional<KieBase> compile(Map<String, String> drl, List<KnowledgeBaseProblem> problems) {
        DrlCompiler.require("loading a rule set that the build did not compile");
        KieServices services = KieServices.get();
        ReleaseId releaseId = services.newReleaseId("org.ceerules", "rules-" + LOADS.incrementAndGet(), "1.0.0");
        KieFileSystem kfs = services.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        // Drools expects a DRL file in the folder of its package: place each one there, and map
        // the builder's messages back to the rule set's own paths. Flattening the path alone is not
        // one-to-one (drl/extra.drl and drl-extra.drl would both be drl-extra.drl, the second written
        // over the first): each file's name starts with its rank among the sorted paths.
        Map<String, String> fileOf = new HashMap<>();
        List<String> sorted = drl.keySet().stream().sorted().toList();
        for (int i = 0; i < sorted.size(); i++) {
            String file = sorted.get(i);
            String text = drl.get(file);
            Matcher pkg = PACKAGE.matcher(text);
            String folder = pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "";
            String path = folder + String.format(Locale.ROOT, "%03d-", i) + file.replace('/', '-');
            if (fileOf.put(path, file) != null) {
                throw new IllegalStateException("two DRL files compiled as " + path);
            }
            kfs.write(RESOURCES + path, text);
        }
        KieBuilder builder = services.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            problems.addAll(DrlMessages.of(errors, fileOf, drl));
            return Optional.empty();
        }
        try {
            return Optional.of(services.newKieContainer(releaseId).getKieBase());
        } finally {
            services.getRepository().removeKieModule(releaseId);
        }
    }

    /**
     * Every compiled rule was found in the text, so the checks on the text saw every rule; and
     * every rule found in the text was compiled, so none was dropped (a file written over another,
     * a rule inside a block comment).
     */
    private static void checkRules(KieBase base, Map<String, RuleLocation> locations,
                                   List<KnowledgeBaseProblem> problems) {
        Set<String> compiled = new HashSet<>();
        for (KiePackage pkg : base.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                compiled.add(rule.getName());
                if (!locations.containsKey(rule.getName())) {
                    problems.add(new KnowledgeBaseProblem(pkg.getName(), 0, "rule \"" + rule.getName()
                            + "\" is not written as rule \"name\" at the start of a line"));
                }
            }
        }
        locations.forEach((name, where) -> {
            if (!compiled.contains(name)) {
                problems.add(new KnowledgeBaseProblem(where.file(), where.line(), "rule \"" + name
                        + "\" is not in the compiled knowledge base: is it inside a comment, or its file "
                        + "not compiled?"));
            }
        });
    }
}
