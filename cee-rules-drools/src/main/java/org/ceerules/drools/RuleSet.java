package org.ceerules.drools;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ceerules.api.KnowledgeBaseException;
import org.ceerules.api.KnowledgeBaseProblem;
import org.ceerules.api.KnowledgeBaseRule;
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
    private static final Pattern CLAIM_OR_EXCEPTION = Pattern.compile("Facts\\.(claim|exception)\\(");
    private static final Pattern WHEN = Pattern.compile("^\\s*when\\b");
    private static final Pattern AUTHORITY = Pattern.compile("@authority\\(\\s*\"([^\"]*)\"\\s*\\)");
    private static final Pattern PRECEDENCE = Pattern.compile("@precedence\\(\\s*(-?\\d+)\\s*\\)");
    private static final Pattern SYMBOL = Pattern.compile(
            "(?:class|type|symbol|variable|field|method|property)\\s*:?\\s*['\"]?([A-Za-z_$][\\w.$]*)");
    private static final AtomicLong LOADS = new AtomicLong();

    /** Where a rule is written. */
    record RuleLocation(String file, int line, String authority) {
    }

    private final String version;
    private final ReferenceData data;
    private final KieBase kieBase;
    private final Map<String, RuleLocation> locations;

    private RuleSet(String version, ReferenceData data, KieBase kieBase, Map<String, RuleLocation> locations) {
        this.version = version;
        this.data = data;
        this.kieBase = kieBase;
        this.locations = locations;
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
                .map(e -> new KnowledgeBaseRule(e.getKey(), e.getValue().authority(), e.getValue().file(),
                        e.getValue().line()))
                .sorted(Comparator.comparing(KnowledgeBaseRule::file).thenComparingInt(KnowledgeBaseRule::line))
                .toList();
    }

    /**
     * Loads and checks a rule set.
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

        String version = files.read(VERSION_FILE).map(String::strip).orElse("");
        if (version.isEmpty() || version.contains("\n")) {
            problems.add(new KnowledgeBaseProblem(VERSION_FILE, 0, "must hold the rule set's version on one line"));
        }

        Map<String, String> drl = new HashMap<>();
        for (String file : all) {
            if (file.endsWith(".drl")) {
                Optional<String> text = files.read(file);
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

        Map<String, Set<Integer>> duplicates = new HashMap<>();
        Map<String, RuleLocation> locations = locate(drl, duplicates, problems);
        Optional<ReferenceData> data = ReferenceData.load(files, String.join("\n", drl.values()), problems);
        Optional<KieBase> kieBase = drl.isEmpty() ? Optional.empty()
                : join(precompiled).or(() -> compile(withDuplicatesRenamed(drl, duplicates), problems));
        kieBase.ifPresent(base -> checkRules(base, locations, problems));

        if (!problems.isEmpty()) {
            // in the order a rule author reads them: file by file, line by line
            problems.sort(Comparator.comparing(KnowledgeBaseProblem::file).thenComparingInt(KnowledgeBaseProblem::line));
            throw new KnowledgeBaseException(problems);
        }
        return new RuleSet(version, data.orElseThrow(), kieBase.orElseThrow(), Map.copyOf(locations));
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
     * rule written twice, a rule without {@code @authority}, a {@code @precedence} shared by two
     * rules (a tie would be broken by the engine, not by the rules). Records in {@code duplicates}
     * the lines (from 0) of each file where a rule's name is written a second time.
     */
    private static Map<String, RuleLocation> locate(Map<String, String> drl,
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
                Matcher authority = AUTHORITY.matcher(header);
                boolean hasAuthority = authority.find() && !authority.group(1).isBlank();
                RuleLocation here = new RuleLocation(file, i + 1, hasAuthority ? authority.group(1) : "");
                RuleLocation first = locations.putIfAbsent(name, here);
                if (first != null) {
                    duplicates.computeIfAbsent(file, f -> new HashSet<>()).add(i);
                    problems.add(new KnowledgeBaseProblem(file, i + 1, "rule \"" + name
                            + "\" is already written at " + first.file() + ":" + first.line()));
                }
                if (!hasAuthority) {
                    problems.add(new KnowledgeBaseProblem(file, i + 1, "rule \"" + name + "\" has no @authority"));
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

    /** The lines from {@code from} up to, not including, the first that matches {@code stop}. */
    private static String textUntil(String[] lines, int from, Pattern stop) {
        StringBuilder text = new StringBuilder();
        for (int k = from; k < lines.length && !stop.matcher(lines[k]).find(); k++) {
            text.append(lines[k]).append('\n');
        }
        return text.toString();
    }

    private static Optional<KieBase> compile(Map<String, String> drl, List<KnowledgeBaseProblem> problems) {
        KieServices services = KieServices.get();
        ReleaseId releaseId = services.newReleaseId("org.ceerules", "rules-" + LOADS.incrementAndGet(), "1.0.0");
        KieFileSystem kfs = services.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        // Drools expects a DRL file in the folder of its package: place each one there, and map
        // the builder's messages back to the rule set's own paths.
        Map<String, String> fileOf = new HashMap<>();
        drl.forEach((file, text) -> {
            Matcher pkg = PACKAGE.matcher(text);
            String folder = pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "";
            String path = folder + file.replace('/', '-');
            fileOf.put(path, file);
            kfs.write(RESOURCES + path, text);
        });
        KieBuilder builder = services.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        boolean failed = false;
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            String reported = message.getPath() == null ? "" : message.getPath().replaceFirst("^" + RESOURCES, "");
            String path = fileOf.getOrDefault(reported, reported.isEmpty() ? "drl" : reported);
            String text = message.getText().strip();
            int line = message.getLine() > 0 ? message.getLine() : lineOfSymbol(drl.get(path), text);
            problems.add(new KnowledgeBaseProblem(path, line, text));
            failed = true;
        }
        if (failed) {
            return Optional.empty();
        }
        try {
            return Optional.of(services.newKieContainer(releaseId).getKieBase());
        } finally {
            services.getRepository().removeKieModule(releaseId);
        }
    }

    /**
     * Where the compiler names no line (the executable model does not for an unknown class), the
     * first line of the file that uses the symbol the message names; 0 when there is none.
     */
    private static int lineOfSymbol(String text, String message) {
        Matcher symbol = SYMBOL.matcher(message);
        if (text == null || !symbol.find()) {
            return 0;
        }
        Pattern use = Pattern.compile("(?<![\\w.$])" + Pattern.quote(symbol.group(1)) + "(?![\\w$])");
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].strip().startsWith("//") && use.matcher(lines[i]).find()) {
                return i + 1;
            }
        }
        return 0;
    }

    /** Every compiled rule was found in the text, so the checks on the text saw every rule. */
    private static void checkRules(KieBase base, Map<String, RuleLocation> locations,
                                   List<KnowledgeBaseProblem> problems) {
        for (KiePackage pkg : base.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                if (!locations.containsKey(rule.getName())) {
                    problems.add(new KnowledgeBaseProblem(pkg.getName(), 0, "rule \"" + rule.getName()
                            + "\" is not written as rule \"name\" at the start of a line"));
                }
            }
        }
    }
}
