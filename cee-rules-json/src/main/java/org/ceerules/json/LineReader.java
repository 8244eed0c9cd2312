package org.ceerules.json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads lines of UTF-8 of at most a given number of bytes, without ever holding more than that in
 * memory: the rest of a longer line is read and dropped, and the line is marked too long. A line
 * that is not valid UTF-8 (a malformed or truncated sequence, an overlong form, a surrogate) is
 * marked so, with the position of its first bad byte; nothing is replaced or guessed. Lines end
 * with {@code \n}; a {@code \r} before it is dropped too. A byte order mark at the start of the
 * input is dropped. An input that looks like UTF-16 or UTF-32 ({@link #wideEncoding}) has its
 * first line that is not blank marked with a hint to convert it; the lines after it are read as
 * they are.
 *
 * <p>Splitting on the byte {@code 0x0A} before decoding is exact: in UTF-8 that byte never occurs
 * inside the encoding of another character.
 *
 * <p>Mutable and not thread-safe.
 */
final class LineReader {

    /**
     * One line of input.
     *
     * @param number  the line number, from 1
     * @param text    the line without its terminator; empty when the line cannot be read
     * @param problem why the line cannot be read ("is longer than ...", "is not valid UTF-8 ..."),
     *                to follow "line N"; empty for a line that was read
     */
    record Line(int number, String text, Optional<String> problem) {
        Line {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(problem, "problem");
        }

        /** @return whether the line was read and holds only JSON's white space ({@link #isJsonBlank}) */
        boolean isBlank() {
            return problem.isEmpty() && isJsonBlank(text);
        }
    }

    /**
     * Whether a line holds nothing but the white space JSON allows between tokens: spaces, tabs
     * and carriage returns (a line feed ends the line). Other characters that look blank (a
     * vertical tab, a form feed, U+0085, U+2028, U+2029, a no-break space) are not JSON's white
     * space: a line holding one is not blank, and is read as a request that is not valid JSON.
     *
     * @param text the line, without its terminator
     * @return whether it is empty or holds only spaces, tabs and carriage returns
     */
    static boolean isJsonBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    private static final int MIN_BUFFER = 1 << 13;
    private static final int MAX_BUFFER = 1 << 16;

    /** The byte order mark of UTF-8, dropped at the start of an input. */
    static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final InputStream in;
    private final int maxBytes;
    /**
     * What is read ahead: 8 KiB at first, doubled up to 64 KiB each time a read fills it, so that
     * a small input (the one request of an HTTP body) does not cost 64 KiB, and a large one is
     * still read in 64 KiB.
     */
    private byte[] buffer = new byte[MIN_BUFFER];
    private final CharsetDecoder decoder = strictUtf8();
    private int position;
    private int limit;
    private int number;
    private boolean started;
    /** Why the input is not UTF-8 when its first bytes look like UTF-16 or UTF-32: said once, on the first line that is not blank. */
    private Optional<String> wide = Optional.empty();
    /** The current line's bytes; grows up to {@code maxBytes + 1}. */
    private byte[] line = new byte[1024];
    private int length;
    private CharBuffer chars = CharBuffer.allocate(1024);

    /**
     * @param in       the input, read as it is needed; not closed
     * @param maxBytes the longest line read, in bytes of UTF-8 without its terminator
     */
    LineReader(InputStream in, int maxBytes) {
        this.in = Objects.requireNonNull(in, "in");
        this.maxBytes = maxBytes;
    }

    /**
     * @return the next line, or null at the end of the input
     * @throws IOException if the input cannot be read
     */
    Line next() throws IOException {
        length = 0;
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
            int count = position - start;
            if (!tooLong) {
                // one byte more than the limit is kept, for a '\r' before the '\n'
                if ((long) length + count > maxBytes + 1L) {
                    tooLong = true;
                    length = 0;
                } else {
                    append(start, count);
                }
            }
            if (position < limit) {
                position++;
                break;
            }
        }
        number++;
        if (!tooLong && length > 0 && line[length - 1] == '\r') {
            length--;
        }
        Line read = tooLong || length > maxBytes ? new Line(number, "", Optional.of(tooLong(maxBytes))) : decode();
        if (wide.isPresent() && !read.isBlank()) {
            read = new Line(number, "", wide);
            wide = Optional.empty();
        }
        return read;
    }

    private void append(int start, int count) {
        if (length + count > line.length) {
            line = Arrays.copyOf(line, (int) Math.min(Math.max(2L * line.length, length + count), maxBytes + 1L));
        }
        System.arraycopy(buffer, start, line, length, count);
        length += count;
    }

    private Line decode() {
        if (chars.capacity() < length) {
            // UTF-8 never needs more chars than bytes
            chars = CharBuffer.allocate(Math.max(length, 2 * chars.capacity()));
        }
        return decode(number, line, 0, length, decoder, chars);
    }

    /** A decoder of UTF-8 that refuses what is not UTF-8, rather than replacing it. */
    static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * Decodes {@code length} bytes from {@code offset} as strict UTF-8.
     *
     * @param number  the line's number, for the line returned
     * @param decoder a {@link #strictUtf8()} decoder, reset here
     * @param chars   where the text goes: holds at least {@code length} chars (UTF-8 never needs more)
     * @return the line with its text, or with the problem at the first bad byte, counted from the
     *         start of {@code bytes}
     */
    static Line decode(int number, byte[] bytes, int offset, int length, CharsetDecoder decoder, CharBuffer chars) {
        chars.clear();
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        decoder.reset();
        CoderResult result = decoder.decode(in, chars, true);
        if (!result.isError()) {
            result = decoder.flush(chars);
        }
        if (result.isError()) {
            // the decoder stops with the buffer at the first bad byte
            return new Line(number, "", Optional.of(notUtf8(bytes, in.position())));
        }
        chars.flip();
        return new Line(number, chars.toString(), Optional.empty());
    }

    private boolean fill() throws IOException {
        // standard input closed at the start: the stream may be reading the JVM's own file that took fd 0
        long before = !started && StandardInput.takenByTheJvm().isPresent() ? StandardInput.offset() : -1;
        if (limit == buffer.length && buffer.length < MAX_BUFFER) {
            buffer = new byte[buffer.length * 2]; // the last read filled it: the input is large
        }
        int read;
        do {
            read = in.read(buffer, 0, buffer.length);
        } while (read == 0);
        if (before >= 0 && StandardInput.offset() != before) {
            throw new IOException("it is closed (file descriptor 0 is the JVM's own "
                    + StandardInput.takenByTheJvm().orElseThrow() + ")");
        }
        if (read < 0) {
            return false;
        }
        position = 0;
        limit = read;
        if (!started) {
            started = true;
            readStart();
        }
        return true;
    }

    /**
     * Drops a byte order mark at the start of the input, and notes whether the input looks like
     * UTF-16 or UTF-32, even when the first read returns less than the four bytes that tell: more
     * is read only while the bytes so far could be a mark or a wide encoding (never for a start of
     * two bytes that are not zero, the start of every UTF-8 request).
     */
    private void readStart() throws IOException {
        while (limit < 4 && (limit < 2 || buffer[0] == 0 || buffer[1] == 0 || buffer[0] == BYTE_ORDER_MARK[0]
                || buffer[0] == (byte) 0xFE || buffer[0] == (byte) 0xFF)) {
            int read = in.read(buffer, limit, buffer.length - limit);
            if (read < 0) {
                break;
            }
            limit += read;
        }
        if (limit >= BYTE_ORDER_MARK.length && Arrays.equals(buffer, 0, BYTE_ORDER_MARK.length,
                BYTE_ORDER_MARK, 0, BYTE_ORDER_MARK.length)) {
            position = BYTE_ORDER_MARK.length;
        }
        wide = wideEncoding(buffer, 0, limit).map(encoding -> encoding.problem("the input"));
    }

    /**
     * The encoding that the first bytes of a text look like when it is UTF-16 or UTF-32 rather than
     * UTF-8, told by a byte order mark or, as RFC 4627 does, by the zero bytes around the ASCII
     * character every JSON text starts with.
     *
     * @param bytes  the text
     * @param offset where it starts in {@code bytes}
     * @param length how many bytes it has
     * @return the encoding; empty for any other start, UTF-8 among them
     */
    static Optional<WideEncoding> wideEncoding(byte[] bytes, int offset, int length) {
        int[] b = new int[4];
        for (int i = 0; i < 4; i++) {
            b[i] = i < length ? bytes[offset + i] & 0xFF : -1;
        }
        String marked = ", with a byte order mark";
        if (b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF) {
            return Optional.of(new WideEncoding("UTF-32BE", "big-endian" + marked));
        }
        if (b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0) {
            return Optional.of(new WideEncoding("UTF-32LE", "little-endian" + marked));
        }
        if (b[0] == 0xFE && b[1] == 0xFF) {
            return Optional.of(new WideEncoding("UTF-16BE", "big-endian" + marked));
        }
        if (b[0] == 0xFF && b[1] == 0xFE) {
            return Optional.of(new WideEncoding("UTF-16LE", "little-endian" + marked));
        }
        if (length < 4) {
            return Optional.empty();
        }
        if (b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0) {
            return Optional.of(new WideEncoding("UTF-32BE", "big-endian"));
        }
        if (b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0) {
            return Optional.of(new WideEncoding("UTF-32LE", "little-endian"));
        }
        if (b[0] == 0 && b[1] != 0 && b[2] == 0 && b[3] != 0) {
            return Optional.of(new WideEncoding("UTF-16BE", "big-endian"));
        }
        if (b[0] != 0 && b[1] == 0 && b[2] != 0 && b[3] == 0) {
            return Optional.of(new WideEncoding("UTF-16LE", "little-endian"));
        }
        return Optional.empty();
    }

    /**
     * A wide encoding that the start of a text looks like.
     *
     * @param name   its name as {@code iconv} knows it, such as {@code UTF-16LE}
     * @param detail what tells it, such as "little-endian, with a byte order mark"
     */
    record WideEncoding(String name, String detail) {
        /**
         * Why a text in this encoding is not read, to follow its name ("line 1", or nothing for a message).
         *
         * @param what the text, as the hint names it ("the input", "the message")
         */
        String problem(String what) {
            return "is not UTF-8: " + what + " looks like " + name.substring(0, name.length() - 2) + " (" + detail
                    + "): convert it to UTF-8, e.g. iconv -f " + name + " -t UTF-8";
        }
    }

    /** Why a text of more than {@code maxBytes} bytes is not read, to follow its name ("line N", "the value"). */
    static String tooLong(int maxBytes) {
        return "is longer than " + maxBytes + " bytes: a request must be at most " + describe(maxBytes);
    }

    /** Why bytes are not UTF-8, to follow their name: the first bad byte, counted from 1, and its value. */
    static String notUtf8(byte[] bytes, int bad) {
        return String.format(Locale.ROOT, "is not valid UTF-8: byte %d (0x%02X) does not start or continue a character",
                bad + 1, bytes[bad] & 0xFF);
    }

    private static String describe(int bytes) {
        return bytes % (1 << 20) == 0 ? bytes / (1 << 20) + " MiB" : bytes + " bytes";
    }
}
