package org.ceerules.cli.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ceerules.api.Center;
import org.ceerules.api.KnowledgeBaseRule;
import org.ceerules.api.Router;
import org.ceerules.api.Source;
import org.ceerules.testkit.CaseReport;

/**
 * What the report shows, gathered once: the router's rules and bibliography, what the rule set's
 * text says of each rule (its layer, the comment above it, the data files it reads), the data
 * files' rows, and the cases' outcomes with the rules each made fire.
 */
final class Book {

    static final String SOURCES = "data/sources.csv";
    static final String TIMELINE = "data/center-timeline.csv";
    static final String REGIMES = "data/regimes.csv";
    static final String MEASURES = "data/measures.csv";
    static final String ENTRY_TYPES = "data/entry-types.csv";
    static final String CENTER_ENTRY_TYPES = "data/center-entry-types.csv";
    static final String PORT_EXCEPTIONS = "data/port-exceptions.csv";
    static final String PORT_NAMES = "data/port-names.csv";
    static final String PORT_LISTS = "data/port-lists.csv";
    static final String DELEGATIONS = "data/delegations.csv";
    static final String HTS_SCOPE = "data/hts-scope.csv";

    /** The layers of the rule set, by salience (docs/maintaining-rules.md, "The layers"). */
    static final Map<Integer, String> LAYERS = Map.of(300, "EVIDENCE", 250, "SURVIVAL", 200, "JURISDICTION",
            100, "ROUTING");
    static final List<String> LAYER_ORDER = List.of("EVIDENCE", "SURVIVAL", "JURISDICTION", "ROUTING");

    /**
     * What a rule's conditions and consequence name, and the data files it then reads: the fields
     * and methods of the fact {@code Entry} (the request with the reference data that applies) that
     * come from a data file.
     */
    private static final Map<Pattern, List<String>> READS = reads();

    private static final Pattern RULE_HEADER = Pattern.compile("^\\s*rule\\s+\"");
    private static final Pattern SALIENCE = Pattern.compile("^\\s*salience\\s+(-?\\d+)");
    private static final Pattern WHEN = Pattern.compile("^\\s*when\\b");
    private static final Pattern END = Pattern.compile("^\\s*end\\b");

    /**
     * A rule as the catalogue shows it.
     *
     * @param rule        the rule, as the router lists it
     * @param anchor      its anchor in the catalogue
     * @param salience    its salience, where the text states one
     * @param description the comment written above it
     * @param dataFiles   the data files its conditions and consequence read
     */
    record Rule(KnowledgeBaseRule rule, String anchor, OptionalInt salience, String description,
                List<String> dataFiles) {

        /** @return the rule's layer: the name of its salience, or {@code salience N} for another */
        String layer() {
            if (salience.isEmpty()) {
                return "no salience";
            }
            return LAYERS.getOrDefault(salience.getAsInt(), "salience " + salience.getAsInt());
        }
    }

    /**
     * A case as the report shows it.
     *
     * @param outcome its outcome
     * @param anchor  its anchor in the cases page
     * @param path    its file, relative to the cases folder
     */
    record Case(CaseReport.Outcome outcome, String anchor, String path) {
    }

    private final String version;
    private final RuleSetText text;
    private final List<Rule> rules;
    private final Map<String, Rule> rulesByName = new LinkedHashMap<>();
    private final Map<String, Source> sources = new LinkedHashMap<>();
    private final Map<String, List<Csv.Row>> tables = new TreeMap<>();
    private final Optional<CaseReport> report;
    private final List<Case> cases = new ArrayList<>();
    private final Map<String, List<Case>> casesByRule = new LinkedHashMap<>();

    Book(Router router, RuleSetText text, Optional<CaseReport> report, Optional<Path> casesDir) {
        this.version = router.rulesVersion();
        this.text = text;
        this.report = report;
        router.sources().forEach(s -> sources.put(s.id(), s));
        text.files().forEach((file, content) -> {
            if (file.startsWith("data/") && file.endsWith(".csv")) {
                tables.put(file, Csv.parse(file, content));
            }
        });
        Html.Anchors anchors = new Html.Anchors();
        List<Rule> list = new ArrayList<>();
        for (KnowledgeBaseRule rule : router.rules()) {
            String[] lines = text.text(rule.file()).split("\r?\n", -1);
            Rule entry = new Rule(rule, anchors.unique("rule-", rule.name()), salience(lines, rule.line()),
                    description(lines, rule.line()), dataFiles(lines, rule.line()));
            list.add(entry);
            rulesByName.put(rule.name(), entry);
        }
        list.sort(Comparator.comparingInt((Rule r) -> layerRank(r.layer())).thenComparing(r -> r.rule().file())
                .thenComparingInt(r -> r.rule().line()));
        this.rules = List.copyOf(list);
        if (report.isPresent()) {
            Path root = casesDir.orElseThrow().toAbsolutePath().normalize();
            for (CaseReport.Outcome outcome : report.get().outcomes()) {
                Path file = outcome.file().toAbsolutePath().normalize();
                String path = (file.startsWith(root) ? root.relativize(file) : file).toString().replace('\\', '/');
                Case c = new Case(outcome, anchors.unique("case-", path.replaceFirst("\\.json$", "")), path);
                cases.add(c);
                outcome.firedRules().stream().sorted()
                        .forEach(name -> casesByRule.computeIfAbsent(name, n -> new ArrayList<>()).add(c));
            }
        }
    }

    private static int layerRank(String layer) {
        int rank = LAYER_ORDER.indexOf(layer);
        return rank < 0 ? LAYER_ORDER.size() : rank;
    }

    String version() {
        return version;
    }

    String origin() {
        return text.describe();
    }

    /** @return every rule, by layer (in the order decisions are reached), then file and line */
    List<Rule> rules() {
        return rules;
    }

    Optional<Rule> rule(String name) {
        return Optional.ofNullable(rulesByName.get(name));
    }

    /** @return the bibliography, by id, in its order */
    Map<String, Source> sources() {
        return sources;
    }

    /** @return the source of an id, or null where the bibliography lacks it */
    Source source(String id) {
        return sources.get(id);
    }

    /** @return the rows of a data file, none where the rule set lacks it */
    List<Csv.Row> rows(String file) {
        return tables.getOrDefault(file, List.of());
    }

    /** @return every data file and its rows, by name */
    Map<String, List<Csv.Row>> tables() {
        return tables;
    }

    /** @return the run of the cases, if the report has one */
    Optional<CaseReport> report() {
        return report;
    }

    /** @return the cases, in the order they ran */
    List<Case> cases() {
        return cases;
    }

    /** @return the cases that made a rule fire */
    List<Case> casesFiring(String rule) {
        return casesByRule.getOrDefault(rule, List.of());
    }

    /** @return the industry of a Center's team code, or the code where it names no Center */
    static String centerName(String team) {
        if (team == null || team.isBlank()) {
            return "no Center";
        }
        return Center.ofTeamCode(team).map(c -> c.industry() + " (" + team + ")").orElse(team);
    }

    /** The salience written between the rule's header and its {@code when}. */
    private static OptionalInt salience(String[] lines, int line) {
        for (int i = line; i < lines.length && !WHEN.matcher(lines[i]).find(); i++) {
            Matcher m = SALIENCE.matcher(lines[i]);
            if (m.find()) {
                return OptionalInt.of(Integer.parseInt(m.group(1)));
            }
        }
        return OptionalInt.empty();
    }

    /** The {@code //} comment lines right above the rule's header, as one text. */
    private static String description(String[] lines, int line) {
        List<String> comment = new ArrayList<>();
        for (int i = line - 2; i >= 0; i--) {
            String l = lines[i].strip();
            if (!l.startsWith("//")) {
                break;
            }
            comment.add(0, l.replaceFirst("^//+\\s?", "").strip());
        }
        return String.join(" ", comment).strip();
    }

    /** The data files the rule's text, from its header to its {@code end}, reads through {@code Entry}. */
    private static List<String> dataFiles(String[] lines, int line) {
        StringBuilder body = new StringBuilder();
        for (int i = line; i < lines.length && !END.matcher(lines[i]).find(); i++) {
            body.append(lines[i]).append('\n');
        }
        String code = body.toString()
                .replaceAll("(?s)/\\*.*?\\*/", " ")
                .replaceAll("//[^\n]*", " ")
                .replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
        Set<String> files = new LinkedHashSet<>();
        READS.forEach((pattern, read) -> {
            if (pattern.matcher(code).find()) {
                files.addAll(read);
            }
        });
        return files.stream().sorted().toList();
    }

    private static Map<Pattern, List<String>> reads() {
        Map<Pattern, List<String>> reads = new LinkedHashMap<>();
        reads.put(words("regime", "getRegime"), List.of(REGIMES));
        reads.put(words("measures", "getMeasures", "measureCenter", "measureBasis"), List.of(MEASURES));
        reads.put(words("centerOpened", "getCenterOpened", "openedBasis", "getOpenedBasis"), List.of(TIMELINE));
        reads.put(words("typeTraits", "getTypeTraits"), List.of(ENTRY_TYPES));
        reads.put(words("typeProcessed", "isTypeProcessed"), List.of(CENTER_ENTRY_TYPES));
        reads.put(words("typeBasis", "getTypeBasis"), List.of(ENTRY_TYPES, CENTER_ENTRY_TYPES));
        reads.put(words("portTraits", "getPortTraits", "portBasis", "getPortBasis"), List.of(PORT_EXCEPTIONS));
        reads.put(words("predominantCenter", "getPredominantCenter", "mixedIndustries", "isMixedIndustries"),
                List.of(HTS_SCOPE));
        reads.put(words("delegatedCenters", "getDelegatedCenters", "delegationBasis", "getDelegationBasis"),
                List.of(DELEGATIONS, PORT_LISTS, PORT_NAMES, HTS_SCOPE));
        return reads;
    }

    private static Pattern words(String... words) {
        return Pattern.compile("(?<![\\w$])(?:" + String.join("|", words) + ")(?![\\w$])");
    }
}
