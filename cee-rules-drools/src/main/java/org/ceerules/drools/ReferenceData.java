package org.ceerules.drools;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.ceerules.api.Center;
import org.ceerules.api.EntryLine;
import org.ceerules.api.KnowledgeBaseProblem;
import org.ceerules.drools.facts.Basis;
import org.ceerules.drools.facts.Measure;

/**
 * The reference data of a rule set, loaded from its data files into immutable, indexed tables,
 * every row with what it rests on (its sources and status, {@link Basis}). Lookups by date use
 * binary search over sorted, non-overlapping half-open ranges. Immutable and thread-safe once loaded.
 */
final class ReferenceData {

    static final String CENTER_TIMELINE = "data/center-timeline.csv";
    static final String REGIMES = "data/regimes.csv";
    static final String MEASURES = "data/measures.csv";
    static final String ENTRY_TYPES = "data/entry-types.csv";
    static final String CENTER_ENTRY_TYPES = "data/center-entry-types.csv";
    static final String PORT_EXCEPTIONS = "data/port-exceptions.csv";
    static final String PORT_NAMES = "data/port-names.csv";
    static final String PORT_LISTS = "data/port-lists.csv";
    static final String DELEGATIONS = "data/delegations.csv";
    static final String HTS_SCOPE = "data/hts-scope.csv";
    static final List<String> FILES = List.of(CENTER_TIMELINE, REGIMES, MEASURES, ENTRY_TYPES, CENTER_ENTRY_TYPES,
            PORT_EXCEPTIONS, PORT_NAMES, PORT_LISTS, DELEGATIONS, HTS_SCOPE);

    static final Set<String> REGIME_NAMES = Set.of("TEST", "REGULATORY");
    private static final String LIST_PREFIX = "list:";

    /** A value in effect over a range of dates. */
    record Dated<T>(DateRange range, T value) {
    }

    /** An entry type code's name and traits, and the row they rest on. */
    record EntryType(String code, String name, Set<String> traits, Basis basis) {
    }

    /** The traits of a district on a date, and the row they rest on. */
    record DistrictTraits(Set<String> traits, Basis basis) {
    }

    /** A Center's opening day and the row it rests on. */
    record Opening(LocalDate date, Basis basis) {
    }

    /** A port code a list names, and the rows (list membership, port name) it rests on. */
    private record ListedPort(String code, Basis basis) {
    }

    /** A Center's delegation at a port over a range of dates, and the rows it rests on. */
    record Delegation(Center center, DateRange range, Basis basis) {
    }

    /** What the HTS scope says of an entry's lines on a date. */
    record Predominant(Center center, boolean mixed, Basis basis) {
        static final Predominant NONE = new Predominant(null, false, null);
    }

    private final Map<Center, Opening> opened;
    private final List<Dated<String>> regimes;
    private final List<Dated<Map<String, Measure>>> measures;
    private final Map<String, EntryType> entryTypes;
    private final Map<String, List<Dated<Basis>>> processedTypes;
    private final Map<String, List<Dated<DistrictTraits>>> districtTraits;
    private final Map<String, List<Delegation>> delegations;
    /** Per port, the Centers delegated there over each range of entry dates: a lookup builds nothing. */
    private final Map<String, List<Dated<Set<Center>>>> delegatedByPort;
    private final HtsScope htsScope;

    private ReferenceData(Map<Center, Opening> opened, List<Dated<String>> regimes,
                          List<Dated<Map<String, Measure>>> measures, Map<String, EntryType> entryTypes,
                          Map<String, List<Dated<Basis>>> processedTypes,
                          Map<String, List<Dated<DistrictTraits>>> districtTraits,
                          Map<String, List<Delegation>> delegations, HtsScope htsScope) {
        this.opened = opened;
        this.regimes = regimes;
        this.measures = measures;
        this.entryTypes = entryTypes;
        this.processedTypes = processedTypes;
        this.districtTraits = districtTraits;
        this.delegations = delegations;
        this.delegatedByPort = byDateRanges(delegations);
        this.htsScope = htsScope;
    }

    /** Each port's delegations cut into ranges of dates, each with the set of Centers in force throughout it. */
    private static Map<String, List<Dated<Set<Center>>>> byDateRanges(Map<String, List<Delegation>> delegations) {
        Map<String, List<Dated<Set<Center>>>> byPort = new HashMap<>();
        delegations.forEach((port, list) -> {
            TreeSet<LocalDate> cuts = new TreeSet<>();
            list.forEach(d -> {
                cuts.add(d.range().startInclusive());
                cuts.add(d.range().endExclusive());
            });
            List<Dated<Set<Center>>> ranges = new ArrayList<>();
            LocalDate start = null;
            for (LocalDate cut : cuts) {
                if (start != null) {
                    Set<Center> centers = EnumSet.noneOf(Center.class);
                    for (Delegation d : list) {
                        if (d.range().contains(start)) {
                            centers.add(d.center());
                        }
                    }
                    if (!centers.isEmpty()) {
                        ranges.add(new Dated<>(new DateRange(start, cut), Set.copyOf(centers)));
                    }
                }
                start = cut;
            }
            byPort.put(port, List.copyOf(ranges));
        });
        return Map.copyOf(byPort);
    }

    HtsScope htsScope() {
        return htsScope;
    }

    Optional<LocalDate> opened(Center center) {
        Opening opening = opened.get(center);
        return opening == null ? Optional.empty() : Optional.of(opening.date());
    }

    /** @return the Center's opening row, or null */
    Opening opening(Center center) {
        return opened.get(center);
    }

    /** @return the regimes and their dates, in date order, without gap from 1900-01-01 on */
    List<Dated<String>> regimes() {
        return regimes;
    }

    /** The regime on a date; the loader guarantees the ranges cover every date a request may carry. */
    String regime(LocalDate date) {
        return find(regimes, date).orElseThrow(() -> new IllegalStateException("no regime on " + date));
    }

    /** @return the measures in effect on a date, by name */
    Map<String, Measure> measures(LocalDate date) {
        Map<String, Measure> inEffect = findOrNull(measures, date);
        return inEffect == null ? Map.of() : inEffect;
    }

    Optional<EntryType> entryType(String code) {
        return Optional.ofNullable(entryTypes.get(code));
    }

    /** @return the row saying the Centers process the type on the date; null where none does */
    Basis processedByCenters(String type, LocalDate date) {
        return findOrNull(processedTypes.getOrDefault(type, List.of()), date);
    }

    /** @return the district's traits on the date; null where it has none */
    DistrictTraits districtTraits(String district, LocalDate date) {
        return findOrNull(districtTraits.getOrDefault(district, List.of()), date);
    }

    /** @return the Centers whose delegation is in force at the port on the date; empty for none */
    Set<Center> delegatedCenters(String port, LocalDate date) {
        Set<Center> centers = findOrNull(delegatedByPort.getOrDefault(port, List.of()), date);
        return centers == null ? Set.of() : centers;
    }

    /**
     * @return the rows a Center's delegation at the port on the date rests on (the surest row
     *         where several lists name the port); null where none is in force
     */
    Basis delegationBasis(Center center, String port, LocalDate date) {
        Basis best = null;
        for (Delegation delegation : delegations.getOrDefault(port, List.of())) {
            if (delegation.center() == center && delegation.range().contains(date)
                    && (best == null || delegation.basis().certainty().compareTo(best.certainty()) < 0)) {
                best = delegation.basis();
            }
        }
        return best;
    }

    /**
     * The Center whose industry covers an entry's predominant line on a date: the line of the
     * largest entered value among those some Center's industry covers (the earliest such line on a
     * tie); lines of no Center's industry (chapters 98 and 99) count for none.
     */
    Predominant predominant(List<EntryLine> lines, LocalDate date) {
        HtsScope.Row best = null;
        BigDecimal bestValue = null;
        Center first = null;
        boolean mixed = false;
        for (EntryLine line : lines) {
            HtsScope.Row row = htsScope.row(line.hts(), date);
            if (row == null || row.center() == null) {
                continue;
            }
            if (first == null) {
                first = row.center();
            } else if (row.center() != first) {
                mixed = true;
            }
            if (bestValue == null || line.enteredValue().compareTo(bestValue) > 0) {
                best = row;
                bestValue = line.enteredValue();
            }
        }
        return best == null ? Predominant.NONE : new Predominant(best.center(), mixed, best.basis());
    }

    /** Binary search over sorted, non-overlapping ranges. */
    private static <T> Optional<T> find(List<Dated<T>> rows, LocalDate date) {
        return Optional.ofNullable(findOrNull(rows, date));
    }

    /** {@link #find} without an Optional, for the lookups of every decision. */
    private static <T> T findOrNull(List<Dated<T>> rows, LocalDate date) {
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
                return rows.get(mid).value();
            }
        }
        return null;
    }

    /**
     * Loads the data files, recording every problem. Returns empty when any was found.
     *
     * @param files        the rule set's files
     * @param ruleTexts    the DRL texts, to check that every trait and measure in the data is used by a rule
     * @param bibliography the sources the rows cite
     * @param problems     where problems are recorded
     */
    static Optional<ReferenceData> load(RuleSetFiles files, String ruleTexts, Bibliography bibliography,
                                        List<KnowledgeBaseProblem> problems) {
        int before = problems.size();
        Map<String, CsvTable> tables = new HashMap<>();
        for (String file : FILES) {
            Optional<String> text = files.read(file, problems);
            if (text.isEmpty()) {
                problems.add(new KnowledgeBaseProblem(file, 0, "missing from " + files.describe()));
            }
            tables.put(file, CsvTable.parse(file, text.orElse(""), columns(file), problems, bibliography));
        }

        Map<Center, Opening> opened = loadCenterTimeline(tables.get(CENTER_TIMELINE));
        List<Dated<String>> regimes = loadRegimes(tables.get(REGIMES));
        List<Dated<Map<String, Measure>>> measures = loadMeasures(tables.get(MEASURES), ruleTexts);
        Map<String, EntryType> entryTypes = loadEntryTypes(tables.get(ENTRY_TYPES), ruleTexts);
        Map<String, List<Dated<Basis>>> processed = loadProcessedTypes(tables.get(CENTER_ENTRY_TYPES), entryTypes);
        Map<String, List<Dated<DistrictTraits>>> districts = loadPortExceptions(tables.get(PORT_EXCEPTIONS),
                ruleTexts);
        Map<String, List<ListedPort>> names = loadPortNames(tables.get(PORT_NAMES));
        Map<String, List<ListedPort>> lists = loadPortLists(tables.get(PORT_LISTS), names);
        Map<String, List<Delegation>> delegations = loadDelegations(tables.get(DELEGATIONS), lists);
        Map<Center, LocalDate> openingDates = new EnumMap<>(Center.class);
        opened.forEach((center, opening) -> openingDates.put(center, opening.date()));
        Optional<HtsScope> htsScope = HtsScope.load(tables.get(HTS_SCOPE), openingDates);

        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new ReferenceData(Map.copyOf(opened), regimes, measures, Map.copyOf(entryTypes),
                processed, districts, delegations, htsScope.orElseThrow()));
    }

    private static List<String> columns(String file) {
        return switch (file) {
            case CENTER_TIMELINE -> List.of("team", "opened", "status", "source");
            case REGIMES -> List.of("regime", "from", "to", "status", "source");
            case MEASURES -> List.of("measure", "team", "from", "to", "status", "source");
            case ENTRY_TYPES -> List.of("code", "name", "traits", "status", "source");
            case CENTER_ENTRY_TYPES -> List.of("type", "from", "to", "status", "source");
            case PORT_EXCEPTIONS -> List.of("district", "name", "trait", "from", "to", "status", "source");
            case PORT_NAMES -> List.of("name", "code", "port", "status", "source");
            case PORT_LISTS -> List.of("list", "member", "office", "status", "source");
            case DELEGATIONS -> List.of("team", "list", "from", "to", "status", "source");
            case HTS_SCOPE -> List.of("first", "last", "team", "from", "to", "status", "source");
            default -> throw new IllegalArgumentException(file);
        };
    }

    private static Optional<Center> team(CsvTable table, CsvTable.Row row, String column) {
        Optional<Center> center = Center.ofTeamCode(row.text(column));
        if (center.isEmpty()) {
            table.problem(row.line(), column + " must be a Center's team code, 001 to 010, was \"" + row.text(column)
                    + "\"");
        }
        return center;
    }

    private static Map<Center, Opening> loadCenterTimeline(CsvTable table) {
        Map<Center, Opening> opened = new EnumMap<>(Center.class);
        Set<Center> rows = EnumSet.noneOf(Center.class);
        for (CsvTable.Row row : table.rows()) {
            Optional<Center> center = team(table, row, "team");
            center.ifPresent(c -> {
                if (!rows.add(c)) {
                    table.problem(row.line(), "a second row for team " + c.teamCode());
                }
            });
            Optional<LocalDate> date = row.date("opened");
            if (center.isPresent() && date.isPresent() && row.basis() != null) {
                opened.putIfAbsent(center.get(), new Opening(date.get(), row.basis()));
            }
        }
        for (Center center : Center.values()) {
            if (!rows.contains(center)) {
                table.problem(0, "no row for team " + center.teamCode() + ": every Center has an opening day");
            }
        }
        return opened;
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

    /**
     * The measures as one sequence of ranges, each with the measures in effect throughout it:
     * binary search then finds a date's measures without building anything per decision.
     */
    private static List<Dated<Map<String, Measure>>> loadMeasures(CsvTable table, String ruleTexts) {
        List<Dated<Measure>> rows = new ArrayList<>();
        Map<String, List<Dated<Measure>>> byName = new HashMap<>();
        Map<String, List<Integer>> lines = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            String name = row.text("measure");
            checkNameUsed(table, row, "measure", name, ruleTexts);
            Center center = null;
            boolean ok = true;
            if (!row.text("team").isEmpty()) {
                Optional<Center> team = team(table, row, "team");
                ok = team.isPresent();
                center = team.orElse(null);
            }
            Optional<DateRange> range = row.range();
            if (ok && range.isPresent() && row.basis() != null) {
                Dated<Measure> dated = new Dated<>(range.get(), new Measure(name, center, row.basis()));
                rows.add(dated);
                byName.computeIfAbsent(name, n -> new ArrayList<>()).add(dated);
                lines.computeIfAbsent(name, n -> new ArrayList<>()).add(row.line());
            }
        }
        byName.forEach((name, list) -> checkSequence(table, "measure " + name, list, lines.get(name), false));
        TreeSet<LocalDate> cuts = new TreeSet<>();
        for (Dated<Measure> row : rows) {
            cuts.add(row.range().startInclusive());
            cuts.add(row.range().endExclusive());
        }
        List<Dated<Map<String, Measure>>> sequence = new ArrayList<>();
        LocalDate start = null;
        for (LocalDate cut : cuts) {
            if (start != null) {
                Map<String, Measure> inEffect = new HashMap<>();
                for (Dated<Measure> row : rows) {
                    if (row.range().contains(start)) {
                        inEffect.put(row.value().name(), row.value());
                    }
                }
                if (!inEffect.isEmpty()) {
                    sequence.add(new Dated<>(new DateRange(start, cut), Map.copyOf(inEffect)));
                }
            }
            start = cut;
        }
        return List.copyOf(sequence);
    }

    private static Map<String, EntryType> loadEntryTypes(CsvTable table, String ruleTexts) {
        Map<String, EntryType> types = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            Optional<String> code = row.matching("code", "\\d{2}", "two digits");
            Optional<String> name = row.required("name");
            Set<String> traits = new LinkedHashSet<>();
            for (String trait : row.text("traits").split("\\s+")) {
                if (!trait.isEmpty()) {
                    checkNameUsed(table, row, "trait", trait, ruleTexts);
                    traits.add(trait);
                }
            }
            // a row whose source is invalid still names its type: its own problem says enough
            if (code.isPresent() && name.isPresent() && types.putIfAbsent(code.get(),
                    new EntryType(code.get(), name.get(), Set.copyOf(traits), row.basis())) != null) {
                table.problem(row.line(), "a second row for entry type " + code.get());
            }
        }
        return types;
    }

    private static Map<String, List<Dated<Basis>>> loadProcessedTypes(CsvTable table, Map<String, EntryType> types) {
        return loadRanged(table, "type", row -> {
            String type = row.text("type");
            if (!types.isEmpty() && !types.containsKey(type)) {
                table.problem(row.line(), "type \"" + type + "\" is not an entry type of " + ENTRY_TYPES);
                return Optional.empty();
            }
            return Optional.ofNullable(row.basis());
        });
    }

    private static Map<String, List<Dated<DistrictTraits>>> loadPortExceptions(CsvTable table, String ruleTexts) {
        return loadRanged(table, "district", row -> {
            Optional<String> district = row.matching("district", "\\d{2}", "two digits of Schedule D");
            Optional<String> trait = row.required("trait");
            row.required("name");
            trait.ifPresent(t -> checkNameUsed(table, row, "trait", t, ruleTexts));
            return district.isPresent() && trait.isPresent() && row.basis() != null
                    ? Optional.of(new DistrictTraits(Set.of(trait.get()), row.basis())) : Optional.empty();
        });
    }

    private static Map<String, List<ListedPort>> loadPortNames(CsvTable table) {
        Map<String, List<ListedPort>> names = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (CsvTable.Row row : table.rows()) {
            Optional<String> name = row.required("name");
            Optional<String> code = row.matching("code", "\\d{4}", "a four-digit Schedule D port code");
            row.required("port");
            if (name.isPresent() && code.isPresent() && !seen.add(name.get() + "|" + code.get())) {
                table.problem(row.line(), "a second row for " + name.get() + " and " + code.get());
            } else if (name.isPresent() && code.isPresent() && row.basis() != null) {
                names.computeIfAbsent(name.get(), n -> new ArrayList<>()).add(new ListedPort(code.get(), row.basis()));
            }
        }
        return names;
    }

    /** Each list's port codes, with the rows they rest on; "list:" members are expanded, cycles refused. */
    private static Map<String, List<ListedPort>> loadPortLists(CsvTable table, Map<String, List<ListedPort>> names) {
        Map<String, List<CsvTable.Row>> members = new java.util.LinkedHashMap<>();
        for (CsvTable.Row row : table.rows()) {
            Optional<String> list = row.required("list");
            Optional<String> member = row.required("member");
            if (list.isPresent() && member.isPresent() && row.basis() != null) {
                members.computeIfAbsent(list.get(), l -> new ArrayList<>()).add(row);
            }
        }
        // each list is expanded once, its rows' problems reported once, however many lists include it
        Map<String, List<ListedPort>> lists = new HashMap<>();
        for (String list : members.keySet()) {
            if (!lists.containsKey(list)) {
                lists.put(list, expand(table, list, members, names, new ArrayList<>(), lists));
            }
        }
        return lists;
    }

    private static List<ListedPort> expand(CsvTable table, String list, Map<String, List<CsvTable.Row>> members,
                                           Map<String, List<ListedPort>> names, List<String> path,
                                           Map<String, List<ListedPort>> expanded) {
        List<ListedPort> ports = new ArrayList<>();
        path.add(list);
        for (CsvTable.Row row : members.get(list)) {
            String member = row.text("member");
            if (member.startsWith(LIST_PREFIX)) {
                String other = member.substring(LIST_PREFIX.length());
                if (!members.containsKey(other)) {
                    table.problem(row.line(), "member " + member + " names no list of " + PORT_LISTS);
                } else if (path.contains(other)) {
                    table.problem(row.line(), "member " + member + " includes a list that includes " + list);
                } else {
                    List<ListedPort> included = expanded.get(other);
                    if (included == null) {
                        included = expand(table, other, members, names, path, expanded);
                        expanded.put(other, included);
                    }
                    for (ListedPort port : included) {
                        ports.add(new ListedPort(port.code(), row.basis().and(port.basis())));
                    }
                }
            } else if (!names.containsKey(member)) {
                table.problem(row.line(), "member \"" + member + "\" is no port name of " + PORT_NAMES);
            } else {
                for (ListedPort port : names.get(member)) {
                    ports.add(new ListedPort(port.code(), row.basis().and(port.basis())));
                }
            }
        }
        path.remove(path.size() - 1);
        return ports;
    }

    /** The delegations by port code: a port may be in several lists of one Center, each kept. */
    private static Map<String, List<Delegation>> loadDelegations(CsvTable table, Map<String, List<ListedPort>> lists) {
        Map<String, List<Delegation>> byPort = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            Optional<Center> center = team(table, row, "team");
            String list = row.text("list");
            if (!lists.containsKey(list)) {
                table.problem(row.line(), "list \"" + list + "\" is no list of " + PORT_LISTS);
            }
            Optional<DateRange> range = row.range();
            if (center.isEmpty() || range.isEmpty() || !lists.containsKey(list) || row.basis() == null) {
                continue;
            }
            for (ListedPort port : lists.get(list)) {
                byPort.computeIfAbsent(port.code(), p -> new ArrayList<>())
                        .add(new Delegation(center.get(), range.get(), row.basis().and(port.basis())));
            }
        }
        Map<String, List<Delegation>> frozen = new HashMap<>();
        byPort.forEach((port, list) -> frozen.put(port, List.copyOf(list)));
        return Map.copyOf(frozen);
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

    /** A trait or measure is written in capitals and some rule tests it: else it is a misspelling. */
    private static void checkNameUsed(CsvTable table, CsvTable.Row row, String what, String name, String ruleTexts) {
        if (!name.matches("[A-Z][A-Z_]*")) {
            table.problem(row.line(), "a " + what + " is written in capitals, was \"" + name + "\"");
        } else if (!ruleTexts.contains("\"" + name + "\"")) {
            table.problem(row.line(), what + " " + name + " is used by no rule: a misspelling?");
        }
    }
}
