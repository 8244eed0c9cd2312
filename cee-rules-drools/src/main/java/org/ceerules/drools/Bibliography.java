package org.ceerules.drools;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.ceerules.api.Certainty;
import org.ceerules.api.Citation;
import org.ceerules.api.InvalidRequestException;
import org.ceerules.api.KnowledgeBaseProblem;
import org.ceerules.api.Source;
import org.ceerules.api.Violation;
import org.ceerules.drools.facts.Basis;

/**
 * The rule set's bibliography ({@value #FILE}): every public source its rules and data rows cite,
 * by id. Resolves citations as the loader reads them, recording each unknown id as a problem of
 * the file and line that cites it, and which ids were cited, so that a source nobody cites is
 * reported too ({@link #checkAllCited}). Not thread-safe while loading; its {@link Basis} objects
 * and {@link #sources()} are immutable and shared once loaded.
 *
 * <p>A citation text, in a data row's {@code source} cell, is one or more citations separated by
 * {@code ;}, each a source id optionally followed by a comma and a pinpoint:
 * {@code tpd-2013, Quota; 19-cfr-132.12}. A rule cites with one {@code @cite("id")} or
 * {@code @cite("id", "pinpoint")} per source.
 */
final class Bibliography {

    static final String FILE = "data/sources.csv";
    static final List<String> COLUMNS = List.of("id", "title", "issuer", "date", "citation", "url", "kind");

    private final Map<String, Source> sources;
    private final Map<String, Integer> lines;
    private final Set<String> cited = new HashSet<>();
    private final Map<String, Basis> interned = new java.util.HashMap<>();

    private Bibliography(Map<String, Source> sources, Map<String, Integer> lines) {
        this.sources = sources;
        this.lines = lines;
    }

    /** Reads the bibliography, recording every bad row. */
    static Bibliography load(RuleSetFiles files, List<KnowledgeBaseProblem> problems) {
        Optional<String> text = files.read(FILE, problems);
        if (text.isEmpty()) {
            problems.add(new KnowledgeBaseProblem(FILE, 0, "missing from " + files.describe()
                    + ": the bibliography every rule and data row cites"));
        }
        CsvTable table = CsvTable.parse(FILE, text.orElse(""), COLUMNS, problems);
        Map<String, Source> sources = new TreeMap<>();
        Map<String, Integer> lines = new java.util.HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            Optional<Source.Kind> kind = Source.Kind.ofLabel(row.text("kind"));
            if (kind.isEmpty()) {
                table.problem(row.line(), "kind must be official or secondary, was \"" + row.text("kind") + "\"");
            }
            Source source;
            try {
                source = new Source(row.text("id"), row.text("title"), row.text("issuer"), row.text("date"),
                        row.text("citation"), row.text("url"), kind.orElse(Source.Kind.SECONDARY));
            } catch (InvalidRequestException e) {
                for (Violation v : e.violations()) {
                    table.problem(row.line(), v.field() + " " + v.message());
                }
                continue;
            }
            if (kind.isPresent() && sources.putIfAbsent(source.id(), source) != null) {
                table.problem(row.line(), "a second row for source " + source.id() + " (first at line "
                        + lines.get(source.id()) + ")");
            } else if (kind.isPresent()) {
                lines.put(source.id(), row.line());
            }
        }
        return new Bibliography(sources, lines);
    }

    /** @return every source, ordered by id */
    List<Source> sources() {
        return List.copyOf(sources.values());
    }

    Optional<Source> source(String id) {
        return Optional.ofNullable(sources.get(id));
    }

    /**
     * Resolves a data row's citation text.
     *
     * @param file      the file citing
     * @param line      its line
     * @param text      the citation text
     * @param declared  the row's status
     * @param problems  where problems are recorded
     * @return the row's basis; empty if the text names an unknown source or is malformed
     */
    Optional<Basis> cite(String file, int line, String text, Certainty declared, List<KnowledgeBaseProblem> problems) {
        List<Citation> citations = new ArrayList<>();
        boolean ok = true;
        for (String part : text.split(";", -1)) {
            String item = part.strip();
            int comma = item.indexOf(',');
            String id = (comma < 0 ? item : item.substring(0, comma)).strip();
            String pinpoint = comma < 0 ? "" : item.substring(comma + 1).strip();
            if (id.isEmpty() || (comma >= 0 && pinpoint.isEmpty())) {
                problems.add(new KnowledgeBaseProblem(file, line, "source \"" + text + "\": each citation is an id of "
                        + FILE + ", optionally followed by a comma and a pinpoint, separated by ';'"));
                ok = false;
                continue;
            }
            Optional<Citation> citation = citation(file, line, id, pinpoint, problems);
            ok &= citation.isPresent();
            citation.ifPresent(citations::add);
        }
        return ok ? basis(file, line, citations, Optional.of(declared), problems) : Optional.empty();
    }

    /**
     * Resolves one citation, recording the id as cited.
     *
     * @return the citation; empty, with a problem recorded, if the id is unknown
     */
    Optional<Citation> citation(String file, int line, String id, String pinpoint, List<KnowledgeBaseProblem> problems) {
        if (!sources.containsKey(id)) {
            String hint = Citation.isSourceId(id) ? "" : " (an id is lower-case letters, digits, '.' and '-')";
            problems.add(new KnowledgeBaseProblem(file, line, "cites \"" + id + "\", which is no source of " + FILE
                    + hint));
            return Optional.empty();
        }
        cited.add(id);
        try {
            return Optional.of(pinpoint.isEmpty() ? Citation.of(id) : Citation.of(id, pinpoint));
        } catch (InvalidRequestException e) {
            problems.add(new KnowledgeBaseProblem(file, line, "the pinpoint of " + id + " "
                    + e.violations().get(0).message()));
            return Optional.empty();
        }
    }

    /**
     * The basis of a rule or row: its citations and its certainty, the declared one (which its
     * sources must support: {@code confirmed} needs an official source) or else the surest its
     * sources support.
     */
    Optional<Basis> basis(String file, int line, List<Citation> citations, Optional<Certainty> declared,
                          List<KnowledgeBaseProblem> problems) {
        if (citations.isEmpty()) {
            problems.add(new KnowledgeBaseProblem(file, line, "cites no source"));
            return Optional.empty();
        }
        Certainty supported = Certainty.SECONDARY;
        for (Citation citation : citations) {
            if (sources.get(citation.source()).kind() == Source.Kind.OFFICIAL) {
                supported = Certainty.CONFIRMED;
            }
        }
        if (declared.isPresent() && declared.get().compareTo(supported) < 0) {
            problems.add(new KnowledgeBaseProblem(file, line, declared.get().label()
                    + " needs an official source, but it cites only secondary ones: say secondary or inferred"));
            return Optional.empty();
        }
        Certainty certainty = declared.orElse(supported);
        String key = certainty.label() + "|" + citations;
        return Optional.of(interned.computeIfAbsent(key, k -> Basis.of(citations, certainty, this::render)));
    }

    /** The citations in words: each source's short citation and pinpoint, separated by {@code ; }. */
    String render(List<Citation> citations) {
        StringBuilder text = new StringBuilder();
        for (Citation citation : citations) {
            if (text.length() > 0) {
                text.append("; ");
            }
            Source source = sources.get(citation.source());
            text.append(source == null ? citation.source() : source.cite(citation.pinpoint()));
        }
        return text.toString();
    }

    /** Records, as a problem of the bibliography's line, every source that nothing cites. */
    void checkAllCited(List<KnowledgeBaseProblem> problems) {
        for (String id : sources.keySet()) {
            if (!cited.contains(id)) {
                problems.add(new KnowledgeBaseProblem(FILE, lines.get(id), "source " + id
                        + " is cited by no rule or data row: remove it, or cite it where it is used"));
            }
        }
    }
}
