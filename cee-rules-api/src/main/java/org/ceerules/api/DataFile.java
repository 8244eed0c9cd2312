package org.ceerules.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One of the API's reference-data files ({@code centers.csv} and the like, next to this class):
 * comment lines start with {@code #}, the first other line is the header, every row has the
 * header's number of cells. Problems are collected with the file and line, and {@link #requireValid()}
 * refuses the file while any is recorded, so a class whose data is wrong does not load.
 */
final class DataFile {

    /** One row: its cells and the line it is on. */
    record Row(int line, List<String> cells, String text) {
        String cell(int column) {
            return cells.get(column);
        }
    }

    private final String name;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    private DataFile(String name) {
        this.name = name;
    }

    /**
     * Reads a file, keeping the rows that have as many cells as the header.
     *
     * @param name    the file's name, next to this class
     * @param columns the header's cells, in order
     */
    static DataFile read(String name, List<String> columns) {
        DataFile file = new DataFile(name);
        try (InputStream in = DataFile.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> cells = Checks.splitCsv(line);
                if (header) {
                    header = false;
                    if (!cells.equals(columns)) {
                        file.problem(number, "the header must be " + String.join(",", columns) + ": " + line);
                        break;
                    }
                } else if (cells.size() != columns.size()) {
                    file.problem(number, "expected " + columns.size() + " columns, found " + cells.size() + ": "
                            + line);
                } else {
                    file.rows.add(new Row(number, List.copyOf(cells), line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
        return file;
    }

    /** Records a problem of one line. */
    void problem(int line, String message) {
        problems.add(name + ":" + line + ": " + message);
    }

    /** Records a problem of the file as a whole. */
    void problem(String message) {
        problems.add(name + ": " + message);
    }

    /** The rows read. */
    List<Row> rows() {
        return rows;
    }

    /**
     * Ends the reading.
     *
     * @throws IllegalStateException naming every problem recorded, if any
     */
    void requireValid() {
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("\n", problems));
        }
    }
}
