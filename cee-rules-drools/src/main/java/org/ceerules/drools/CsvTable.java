package org.ceerules.drools;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ceerules.api.Certainty;
import org.ceerules.api.KnowledgeBaseProblem;
import org.ceerules.drools.facts.Basis;

/**
 * A reference data file: comment lines ({@code #}) and blank lines ignored, a header row naming
 * the columns, then one fact per row. Cells holding commas are double-quoted. Every problem is
 * recorded with the file and line, never thrown, so one load reports them all. Not thread-safe;
 * used by one loader.
 */
final class CsvTable {

    static final Set<String> STATUSES = Set.of("confirmed", "secondary", "inferred");

    private final String file;
    private final List<KnowledgeBaseProblem> problems;
    private final List<Row> rows = new ArrayList<>();

    private CsvTable(String file, List<KnowledgeBaseProblem> problems) {
        this.file = file;
        this.problems = problems;
    }

    /**
     * Reads a table, checking that the header holds every required column and that every row has
     * as many cells as the header, a {@code source} and a valid {@code status} where those
     * columns are required.
     */
    static CsvTable parse(String file, String text, List<String> requiredColumns, List<KnowledgeBaseProblem> problems) {
        return parse(file, text, requiredColumns, problems, null);
    }

    /**
     * Reads a table whose rows cite the bibliography: each row's {@code source} is resolved to
     * its {@link Row#basis()}, with its {@code status} as the declared certainty.
     */
    static CsvTable parse(String file, String text, List<String> requiredColumns, List<KnowledgeBaseProblem> problems,
                          Bibliography bibliography) {
        CsvTable table = new CsvTable(file, problems);
        String[] lines = text.split("\r?\n", -1);
        List<String> header = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int number = i + 1;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> cells = split(line);
            if (cells == null) {
                problems.add(new KnowledgeBaseProblem(file, number, "unbalanced double quote: " + line));
                continue;
            }
            if (header == null) {
                header = cells;
                Set<String> named = new java.util.HashSet<>();
                for (String column : header) {
                    // a repeated name would make the last of its columns win, silently
                    if (!named.add(column.strip())) {
                        problems.add(new KnowledgeBaseProblem(file, number, "column " + column.strip()
                                + " appears twice in the header"));
                    }
                }
                for (String column : requiredColumns) {
                    if (!header.contains(column)) {
                        problems.add(new KnowledgeBaseProblem(file, number, "header lacks the column " + column
                                + "; expected " + String.join(",", requiredColumns)));
                    }
                }
                continue;
            }
            if (cells.size() != header.size()) {
                problems.add(new KnowledgeBaseProblem(file, number, "expected " + header.size() + " cells ("
                        + String.join(",", header) + "), found " + cells.size() + ": " + line));
                continue;
            }
            Map<String, String> values = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                values.put(header.get(c), cells.get(c).strip());
            }
            Row row = table.new Row(number, values);
            Optional<String> source = requiredColumns.contains("source") ? row.required("source") : Optional.empty();
            Optional<String> status = requiredColumns.contains("status") ? row.oneOf("status", STATUSES)
                    : Optional.empty();
            if (bibliography != null && source.isPresent() && status.isPresent()) {
                row.basis = bibliography.cite(file, number, source.get(), Certainty.ofLabel(status.get()).orElseThrow(),
                        problems).orElse(null);
            }
            table.rows.add(row);
        }
        if (header == null) {
            problems.add(new KnowledgeBaseProblem(file, 0, "no header row"));
        }
        return table;
    }

    List<Row> rows() {
        return rows;
    }

    String file() {
        return file;
    }

    void problem(int line, String message) {
        problems.add(new KnowledgeBaseProblem(file, line, message));
    }

    /** One row; its typed getters record a problem and return empty when a cell is invalid. */
    final class Row {
        private final int line;
        private final Map<String, String> values;
        private Basis basis;

        Row(int line, Map<String, String> values) {
            this.line = line;
            this.values = values;
        }

        int line() {
            return line;
        }

        /** @return what the row rests on: its sources and status; null where they were invalid (a problem is recorded) */
        Basis basis() {
            return basis;
        }

        String text(String column) {
            return values.getOrDefault(column, "");
        }

        Optional<String> required(String column) {
            String value = text(column);
            if (value.isEmpty()) {
                problem(line, column + " is required");
                return Optional.empty();
            }
            return Optional.of(value);
        }

        Optional<String> oneOf(String column, Set<String> allowed) {
            String value = text(column);
            if (!allowed.contains(value)) {
                problem(line, column + " must be one of " + allowed.stream().sorted().toList() + ", was \"" + value
                        + "\"");
                return Optional.empty();
            }
            return Optional.of(value);
        }

        Optional<String> matching(String column, String regex, String what) {
            String value = text(column);
            if (!value.matches(regex)) {
                problem(line, column + " must be " + what + ", was \"" + value + "\"");
                return Optional.empty();
            }
            return Optional.of(value);
        }

        Optional<LocalDate> date(String column) {
            String value = text(column);
            try {
                return Optional.of(LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE));
            } catch (DateTimeParseException e) {
                problem(line, column + " must be a date yyyy-MM-dd, was \"" + value + "\"");
                return Optional.empty();
            }
        }

        /** The half-open range of columns {@code from} and {@code to}, an empty {@code to} meaning open. */
        Optional<DateRange> range() {
            Optional<LocalDate> from = date("from");
            Optional<LocalDate> to = text("to").isEmpty() ? Optional.of(LocalDate.MAX) : date("to");
            if (from.isEmpty() || to.isEmpty()) {
                return Optional.empty();
            }
            if (!from.get().isBefore(to.get())) {
                problem(line, "the range [from, to) is empty: to " + to.get() + " is not after from " + from.get());
                return Optional.empty();
            }
            return Optional.of(new DateRange(from.get(), to.get()));
        }
    }

    /** Splits a line into cells; null when a double quote is left open. */
    private static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean inQuotes = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i++);
            if (inQuotes && c == '"') {
                boolean escaped = i < line.length() && line.charAt(i) == '"';
                if (escaped) {
                    cell.append('"');
                    i++;
                } else {
                    inQuotes = false;
                }
            } else if (c == '"' && !inQuotes) {
                inQuotes = true;
            } else if (c == ',' && !inQuotes) {
                cells.add(cell.toString());
                cell = new StringBuilder();
            } else {
                cell.append(c);
            }
        }
        if (inQuotes) {
            return null;
        }
        cells.add(cell.toString());
        return cells;
    }
}
