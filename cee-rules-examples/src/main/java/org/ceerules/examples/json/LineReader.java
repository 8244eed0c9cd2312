package org.ceerules.examples.json;

import java.io.IOException;
import java.io.Reader;
import java.util.Objects;

/**
 * Reads lines of at most a given number of characters, without ever holding more than that in
 * memory: the rest of a longer line is read and dropped, and the line is marked too long. Lines
 * end with {@code \n}; a {@code \r} before it is dropped too. A byte order mark at the start of
 * the input is dropped.
 *
 * <p>Mutable and not thread-safe.
 */
final class LineReader {

    /**
     * One line of input.
     *
     * @param number  the line number, from 1
     * @param text    the line without its terminator; empty when {@code tooLong}
     * @param tooLong whether the line was longer than the limit (its text is then dropped)
     */
    record Line(int number, String text, boolean tooLong) {
        Line {
            Objects.requireNonNull(text, "text");
        }

        boolean isBlank() {
            return !tooLong && text.isBlank();
        }
    }

    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private int number;
    private boolean started;

    LineReader(Reader in, int maxChars) {
        this.in = Objects.requireNonNull(in, "in");
        this.maxChars = maxChars;
    }

    /**
     * @return the next line, or null at the end of the input
     * @throws IOException if the input cannot be read
     */
    Line next() throws IOException {
        StringBuilder text = new StringBuilder();
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (position == limit && !fill()) {
                if (!any) {
                    return null;
                }
                break;
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int length = position - start;
            if (!tooLong) {
                if (text.length() + length > maxChars + 1) {
                    // one character more than the limit is kept, for a '\r' before the '\n'
                    tooLong = true;
                    text.setLength(0);
                } else {
                    text.append(buffer, start, length);
                }
            }
            if (position < limit) {
                position++;
                break;
            }
        }
        if (!tooLong && text.length() > 0 && text.charAt(text.length() - 1) == '\r') {
            text.setLength(text.length() - 1);
        }
        if (!tooLong && text.length() > maxChars) {
            tooLong = true;
        }
        number++;
        return new Line(number, tooLong ? "" : text.toString(), tooLong);
    }

    private boolean fill() throws IOException {
        int read;
        do {
            read = in.read(buffer, 0, buffer.length);
        } while (read == 0);
        if (read < 0) {
            return false;
        }
        position = 0;
        limit = read;
        if (!started) {
            started = true;
            if (buffer[0] == '\uFEFF') {
                position = 1;
            }
        }
        return true;
    }
}
