package org.ceerules.drools;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.ceerules.api.Center;
import org.ceerules.api.KnowledgeBaseProblem;

/**
 * The reference data of a rule set, loaded from its data files into immutable, indexed tables.
 * Lookups by date use binary search over sorted, non-overlapping half-open ranges. Immutable and
 * thread-safe once loaded.
 */
final class ReferenceData {

    static final String CENTER_TIMELINE = "data/center-timeline.csv";
    static final String REGIMES = "data/regimes.csv";
    static final String ENTRY_TYPES = "data/entry-types.csv";
    static final String CENTER_ENTRY_TYPES = "data/center-entry-types.csv";
    static final String PORT_EXCEPTIONS = "data/port-exceptions.csv";
    static final String HTS_SCOPE = "data/hts-scope.csv";
    static final List<String> FILES = List.of(CENTER_TIMELINE, REGIMES, ENTRY_TYPES, CENTER_ENTRY_TYPES,
            PORT_EXCEPTIONS, HTS_SCOPE);

    static final String OPENED = "OPENED";
    static final String INDUSTRY_WIDE = "INDUSTRY_WIDE";
    static final Set<String> REGIME_NAMES = Set.of("TEST", "REGULATORY");

    /** A value in effect over a range of dates. */
    record Dated<T>(DateRange range, T value) {
    }

    /** An entry type code's name and traits. */
    record EntryType(String code, String name, Set<String> traits) {
    }

    private final Map<Center, LocalDate> opened;
    private final Map<Center, LocalDate> industryWide;
    private final List<Dated<String>> regimes;
    private final Map<String, EntryType> entryTypes;
    private final Map<String, List<Dated<Boolean>>> processedTypes;
    private final Map<String, List<Dated<Set<String>>>> districtTraits;
    private final HtsScope htsScope;

    private ReferenceData(Map<Center, LocalDate> opened, Map<Center, LocalDate> industryWide,
                          List<Dated<String>> regimes, Map<String, EntryType> entryTypes,
                          Map<String, List<Dated<Boolean>>> processedTypes,
                          Map<String, List<Dated<Set<String>>>> districtTraits, HtsScope htsScope) {
        this.opened = opened;
        this.industryWide = industryWide;
        this.regimes = regimes;
        this.entryTypes = entryTypes;
        this.processedTypes = processedTypes;
        this.districtTraits = districtTraits;
        this.htsScope = htsScope;
    }

    HtsScope htsScope() {
        return htsScope;
    }

    Optional<LocalDate> opened(Center center) {
        return Optional.ofNullable(opened.get(center));
    }

    Optional<LocalDate> industryWide(Center center) {
        return Optional.ofNullable(industryWide.get(center));
    }

    /** The regime on a date; the loader guarantees the ranges cover every date a request may carry. */
    String regime(LocalDate date) {
        return find(regimes, date).orElseThrow(() -> new IllegalStateException("no regime on " + date));
    }

    Optional<EntryType> entryType(String code) {
        return Optional.ofNullable(entryTypes.get(code));
    }

    boolean processedByCenters(String type, LocalDate date) {
        return find(processedTypes.getOrDefault(type, List.of()), date).orElse(false);
    }

    Set<String> districtTraits(String district, LocalDate date) {
        return find(districtTraits.getOrDefault(district, List.of()), date).orElse(Set.of());
    }

    /** Binary search over sorted, non-overlapping ranges. */
    private static <T> Optional<T> find(List<Dated<T>> rows, LocalDate date) {
        int low = 0;
        int high = rows.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            DateRange range = rows.get(mid).range();
            if (date.isBefore(range.startInclusive())) {
                high = mid - 1;
            } else if (!date.isBefore(range.endExclusive())) {
                low = mid + 1;
            } else {
                return Optional.of(rows.get(mid).value());
            }
        }
        return Optional.empty();
    }

    /**
     * Loads the data files, recording every problem. Returns empty when any was found.
     *
     * @param files      the rule set's files
     * @param ruleTexts  the DRL texts, to check that every trait in the data is used by a rule
     * @param problems   where problems are recorded
     */
    static Optional<ReferenceData> load(RuleSetFiles files, String ruleTexts, List<KnowledgeBaseProblem> problems) {
        int before = problems.size();
        Map<String, CsvTable> tables = new HashMap<>();
        for (String file : FILES) {
            Optional<String> text = files.read(file);
            if (text.isEmpty()) {
                problems.add(new KnowledgeBaseProblem(file, 0, "missing from " + files.describe()));
            }
            tables.put(file, CsvTable.parse(file, text.orElse(""), columns(file), problems));
        }

        Map<Center, LocalDate> opened = new EnumMap<>(Center.class);
        Map<Center, LocalDate> industryWide = new EnumMap<>(Center.class);
        loadCenterTimeline(tables.get(CENTER_TIMELINE), opened, industryWide);
        List<Dated<String>> regimes = loadRegimes(tables.get(REGIMES));
        Map<String, EntryType> entryTypes = loadEntryTypes(tables.get(ENTRY_TYPES), ruleTexts);
        Map<String, List<Dated<Boolean>>> processed = loadProcessedTypes(tables.get(CENTER_ENTRY_TYPES), entryTypes);
        Map<String, List<Dated<Set<String>>>> districts = loadPortExceptions(tables.get(PORT_EXCEPTIONS), ruleTexts);
        Optional<HtsScope> htsScope = HtsScope.load(tables.get(HTS_SCOPE), opened);

        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new ReferenceData(Map.copyOf(opened), Map.copyOf(industryWide), regimes,
                Map.copyOf(entryTypes), processed, districts, htsScope.orElseThrow()));
    }

    private static List<String> columns(String file) {
        return switch (file) {
            case CENTER_TIMELINE -> List.of("team", "event", "date", "status", "source");
            case REGIMES -> List.of("regime", "from", "to", "status", "source");
            case ENTRY_TYPES -> List.of("code", "name", "traits", "status", "source");
            case CENTER_ENTRY_TYPES -> List.of("type", "from", "to", "status", "source");
            case PORT_EXCEPTIONS -> List.of("district", "name", "trait", "from", "to", "status", "source");
            case HTS_SCOPE -> List.of("first", "last", "team", "from", "to", "status", "source");
            default -> throw new IllegalArgumentException(file);
        };
    }

    private static void loadCenterTimeline(CsvTable table, Map<Center, LocalDate> opened,
                                           Map<Center, LocalDate> industryWide) {
        // Centers with an OPENED row, even one with a bad date: that row's own problem says enough
        Set<Center> openedRows = java.util.EnumSet.noneOf(Center.class);
        for (CsvTable.Row row : table.rows()) {
            Optional<Center> center = Center.ofTeamCode(row.text("team"));
            if (center.isEmpty()) {
                table.problem(row.line(), "team must be a Center's team code, 001 to 010, was \"" + row.text("team")
                        + "\"");
            }
            Optional<String> event = row.oneOf("event", Set.of(OPENED, INDUSTRY_WIDE));
            center.filter(c -> event.filter(OPENED::equals).isPresent()).ifPresent(openedRows::add);
            Optional<LocalDate> date = row.date("date");
            if (center.isEmpty() || event.isEmpty() || date.isEmpty()) {
                continue;
            }
            Map<Center, LocalDate> target = event.get().equals(OPENED) ? opened : industryWide;
            if (target.putIfAbsent(center.get(), date.get()) != null) {
                table.problem(row.line(), "a second " + event.get() + " row for team " + row.text("team"));
            }
        }
        for (Center center : Center.values()) {
            if (!openedRows.contains(center)) {
                table.problem(0, "no OPENED row for team " + center.teamCode());
            } else if (!opened.containsKey(center)) {
                continue;
            } else if (industryWide.containsKey(center) && industryWide.get(center).isBefore(opened.get(center))) {
                table.problem(0, "team " + center.teamCode() + " is INDUSTRY_WIDE on " + industryWide.get(center)
                        + ", before it OPENED on " + opened.get(center));
            }
        }
    }

    private static List<Dated<String>> loadRegimes(CsvTable table) {
        List<Dated<String>> regimes = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            Optional<String> regime = row.oneOf("regime", REGIME_NAMES);
            Optional<DateRange> range = row.range();
            if (regime.isPresent() && range.isPresent()) {
                regimes.add(new Dated<>(range.get(), regime.get()));
                lines.add(row.line());
            }
        }
        checkSequence(table, "regimes", regimes, lines, true);
        return List.copyOf(regimes);
    }

    private static Map<String, EntryType> loadEntryTypes(CsvTable table, String ruleTexts) {
        Map<String, EntryType> types = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            Optional<String> code = row.matching("code", "\\d{2}", "two digits");
            Optional<String> name = row.required("name");
            Set<String> traits = new LinkedHashSet<>();
            for (String trait : row.text("traits").split("\\s+")) {
                if (!trait.isEmpty()) {
                    checkTraitUsed(table, row, trait, ruleTexts);
                    traits.add(trait);
                }
            }
            if (code.isPresent() && name.isPresent()
                    && types.putIfAbsent(code.get(), new EntryType(code.get(), name.get(), Set.copyOf(traits))) != null) {
                table.problem(row.line(), "a second row for entry type " + code.get());
            }
        }
        return types;
    }

    private static Map<String, List<Dated<Boolean>>> loadProcessedTypes(CsvTable table, Map<String, EntryType> types) {
        return loadRanged(table, "type", row -> {
            String type = row.text("type");
            if (!types.isEmpty() && !types.containsKey(type)) {
                table.problem(row.line(), "type \"" + type + "\" is not an entry type of " + ENTRY_TYPES);
                return Optional.empty();
            }
            return Optional.of(Boolean.TRUE);
        });
    }

    private static Map<String, List<Dated<Set<String>>>> loadPortExceptions(CsvTable table, String ruleTexts) {
        return loadRanged(table, "district", row -> {
            Optional<String> district = row.matching("district", "\\d{2}", "two digits of Schedule D");
            Optional<String> trait = row.required("trait");
            row.required("name");
            trait.ifPresent(t -> checkTraitUsed(table, row, t, ruleTexts));
            return district.isPresent() && trait.isPresent() ? Optional.of(Set.of(trait.get())) : Optional.empty();
        });
    }

    /** Rows keyed by a column, each with a range; ranges of one key must not overlap. */
    private static <T> Map<String, List<Dated<T>>> loadRanged(CsvTable table, String keyColumn,
                                                              Function<CsvTable.Row, Optional<T>> value) {
        Map<String, List<Dated<T>>> byKey = new HashMap<>();
        Map<String, List<Integer>> lines = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            Optional<T> v = value.apply(row);
            Optional<DateRange> range = row.range();
            if (v.isPresent() && range.isPresent()) {
                String key = row.text(keyColumn);
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(new Dated<>(range.get(), v.get()));
                lines.computeIfAbsent(key, k -> new ArrayList<>()).add(row.line());
            }
        }
        Map<String, List<Dated<T>>> sorted = new HashMap<>();
        byKey.forEach((key, rows) -> {
            checkSequence(table, keyColumn + " " + key, rows, lines.get(key), false);
            sorted.put(key, List.copyOf(rows));
        });
        return Map.copyOf(sorted);
    }

    /**
     * Sorts ranges by start and reports overlaps; with {@code complete}, also gaps and a cover
     * that does not run from the earliest to the latest date a request may carry.
     */
    private static <T> void checkSequence(CsvTable table, String what, List<Dated<T>> rows, List<Integer> lines,
                                          boolean complete) {
        Integer[] order = new Integer[rows.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparing(i -> rows.get(i).range().startInclusive()));
        List<Dated<T>> sorted = new ArrayList<>();
        for (int k = 0; k < order.length; k++) {
            Dated<T> row = rows.get(order[k]);
            if (k > 0) {
                Dated<T> previous = rows.get(order[k - 1]);
                if (previous.range().overlaps(row.range())) {
                    table.problem(lines.get(order[k]), what + ": " + row.range() + " overlaps " + previous.range()
                            + " of line " + lines.get(order[k - 1]));
                } else if (complete && !previous.range().abuts(row.range())) {
                    table.problem(lines.get(order[k]), what + ": gap between " + previous.range() + " of line "
                            + lines.get(order[k - 1]) + " and " + row.range());
                }
            }
            sorted.add(row);
        }
        if (complete && !sorted.isEmpty()) {
            if (sorted.get(0).range().startInclusive().isAfter(LocalDate.of(1900, 1, 1))) {
                table.problem(lines.get(order[0]), what + " must start on or before 1900-01-01, the earliest date a "
                        + "request may carry");
            }
            if (!sorted.get(sorted.size() - 1).range().endExclusive().equals(LocalDate.MAX)) {
                table.problem(lines.get(order[order.length - 1]), what + ": the last row must have an empty to");
            }
        } else if (complete) {
            table.problem(0, "no " + what);
        }
        rows.clear();
        rows.addAll(sorted);
    }

    private static void checkTraitUsed(CsvTable table, CsvTable.Row row, String trait, String ruleTexts) {
        if (!trait.matches("[A-Z][A-Z_]*")) {
            table.problem(row.line(), "a trait is written in capitals, was \"" + trait + "\"");
        } else if (!ruleTexts.contains("\"" + trait + "\"")) {
            table.problem(row.line(), "trait " + trait + " is used by no rule: a misspelling?");
        }
    }
}
