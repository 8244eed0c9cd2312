package org.ceerules.cli.report;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A data file of the rule set as rows: comment ({@code #}) and blank lines skipped, a header row,
 * then one row per fact, a cell holding a comma double-quoted. The loader has checked the file;
 * this reading only needs to be as lenient as the file format allows.
 */
final class Csv {

    private Csv() {
    }

    /**
     * A row of a data file.
     *
     * @param file  the file, relative to the rule set's root
     * @param line  the row's line, from 1
     * @param cells each cell by its column's name
     */
    record Row(String file, int line, Map<String, String> cells) {

        /** @return the cell of the column, stripped; empty text where the row has no such cell */
        String get(String column) {
            String value = cells.get(column);
            return value == null ? "" : value.strip();
        }

        /** @return the cell as a date, if it holds one */
        Optional<LocalDate> date(String column) {
            try {
                return get(column).isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(get(column)));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }

        /** @return the row's citations, from its {@code source} cell */
        List<Cite> sources() {
            return Cite.parse(get("source"));
        }

        /** @return where the row is, as {@code file:line} */
        String where() {
            return file + ":" + line;
        }
    }

    /**
     * A citation of a data row's {@code source} cell: an id of the bibliography and a pinpoint.
     *
     * @param id       the source's id
     * @param pinpoint the pinpoint, empty where there is none
     */
    record Cite(String id, String pinpoint) {

        /** {@code id[, pinpoint][; id[, pinpoint]]...} */
        static List<Cite> parse(String cell) {
            List<Cite> cites = new ArrayList<>();
            for (String part : cell.split(";")) {
                String text = part.strip();
                if (text.isEmpty()) {
                    continue;
                }
                int comma = text.indexOf(',');
                cites.add(comma < 0 ? new Cite(text, "")
                        : new Cite(text.substring(0, comma).strip(), text.substring(comma + 1).strip()));
            }
            return cites;
        }
    }

    /** The rows of a data file's text. */
    static List<Row> parse(String file, String text) {
        List<Row> rows = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        List<String> header = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> cells = split(line);
            if (header == null) {
                header = cells.stream().map(String::strip).toList();
                continue;
            }
            Map<String, String> byColumn = new LinkedHashMap<>();
            for (int c = 0; c < header.size() && c < cells.size(); c++) {
                byColumn.put(header.get(c), cells.get(c));
            }
            rows.add(new Row(file, i + 1, byColumn));
        }
        return rows;
    }

    /** The cells of a line: commas separate them, except inside double quotes ({@code ""} is a quote). */
    static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
