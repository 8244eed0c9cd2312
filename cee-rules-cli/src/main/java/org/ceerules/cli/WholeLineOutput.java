package org.ceerules.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.ceerules.json.JsonResultWriter;

/**
 * The standard output of the {@code cee-rules} process ({@link Main#main}): hands only whole lines
 * to the file descriptor, so that a run killed between two writes leaves whole JSON lines only (a
 * kill during a write may leave it cut at a page boundary: the kernel's doing, see README), and
 * treats a reader that closed the pipe ({@code cee-rules route big.jsonl | head -1}) as a C
 * program treats {@code SIGPIPE}: the process ends at once, says nothing, and exits with the
 * status {@link #onClosedByReader} gives (2, the output is incomplete). Any other write error is
 * thrown, for the caller to report.
 *
 * <p>Bytes are kept until a line ends; whole lines are written once {@value #WRITE_AT} bytes are
 * kept, and on {@link #flush()}. A line longer than that is kept whole until its end, so memory
 * is bounded by the longest line written.
 *
 * <p>Mutable and not thread-safe: one writer, the {@link java.io.PrintStream} that wraps it.
 */
final class WholeLineOutput extends OutputStream {

    /** Whole lines are written once this many bytes are kept. */
    static final int WRITE_AT = 1 << 13;

    private final OutputStream out;
    private final Runnable onClosedByReader;
    private byte[] buffer = new byte[1 << 16];
    private int count;
    /** The end of the last whole line kept: the bytes before it can be written. */
    private int wholeLines;
    /** The first write error: after it nothing is kept, so that a failed output holds no memory. */
    private IOException failure;

    /**
     * @param out              where whole lines go: the process's standard output
     * @param onClosedByReader what to do when the reader closed the pipe; ends the process
     */
    WholeLineOutput(OutputStream out, Runnable onClosedByReader) {
        this.out = Objects.requireNonNull(out, "out");
        this.onClosedByReader = Objects.requireNonNull(onClosedByReader, "onClosedByReader");
    }

    @Override
    public void write(int b) throws IOException {
        failIfFailed();
        keep(1);
        buffer[count++] = (byte) b;
        if (b == '\n') {
            wholeLines = count;
        }
        if (count >= WRITE_AT) {
            writeWholeLines();
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        failIfFailed();
        if (count == 0 && length >= WRITE_AT && bytes[offset + length - 1] == '\n') {
            // whole lines already gathered by the writer (JsonResultWriter's chunks): no second copy
            writeOut(bytes, offset, length);
            return;
        }
        keep(length);
        System.arraycopy(bytes, offset, buffer, count, length);
        for (int i = count + length - 1; i >= count; i--) {
            if (buffer[i] == '\n') {
                wholeLines = i + 1;
                break;
            }
        }
        count += length;
        if (count >= WRITE_AT) {
            writeWholeLines();
        }
    }

    /** Writes every whole line kept; the start of a line not ended yet stays kept. */
    @Override
    public void flush() throws IOException {
        failIfFailed();
        writeWholeLines();
        out.flush();
    }

    private void failIfFailed() throws IOException {
        if (failure != null) {
            throw failure;
        }
    }

    private void keep(int length) {
        if (count + length > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(2 * buffer.length, count + length));
        }
    }

    private void writeWholeLines() throws IOException {
        int end = wholeLines;
        if (end == 0) {
            return;
        }
        writeOut(buffer, 0, end);
        System.arraycopy(buffer, end, buffer, 0, count - end);
        count -= end;
        wholeLines = 0;
    }

    private void writeOut(byte[] bytes, int offset, int length) throws IOException {
        try {
            out.write(bytes, offset, length);
        } catch (IOException e) {
            if (closedByReader(e)) {
                onClosedByReader.run();
            }
            failure = e;
            count = 0;
            wholeLines = 0;
            throw e;
        }
    }

    /** Whether a write failed because the reader of the pipe has gone (EPIPE; ERROR_NO_DATA on Windows). */
    static boolean closedByReader(IOException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        return message.contains("broken pipe") || message.contains("pipe is being closed")
                || message.contains("pipe has been ended");
    }
}
