package org.ceerules.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Standard output as a stream that says when it fails: a {@link PrintStream} hides its write
 * errors (a closed pipe, a full disk) until {@link PrintStream#checkError()} is called; this
 * checks after every write, so that a run stops at the first output it cannot write instead of
 * routing the rest of its input for nothing.
 *
 * <p>Not thread-safe: one writer.
 */
final class StandardOutput extends OutputStream {

    private final PrintStream out;

    StandardOutput(PrintStream out) {
        this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        check();
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        check();
    }

    @Override
    public void flush() throws IOException {
        check(); // checkError flushes
    }

    private void check() throws IOException {
        if (out.checkError()) {
            throw new IOException("cannot write standard output");
        }
    }
}
