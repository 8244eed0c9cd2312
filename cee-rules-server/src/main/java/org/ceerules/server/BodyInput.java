package org.ceerules.server;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body read through its limit: past {@code limit} bytes a read throws {@link TooLarge}
 * instead of handing more over. Optionally, before a read that would wait for the client (nothing
 * left of what has arrived), calls {@code beforeWait}: a batch flushes the lines routed so far, so
 * that a client streaming its requests gets each answer as soon as it is routed, as the command
 * line does.
 *
 * <p>Not thread-safe: one reader.
 */
final class BodyInput extends FilterInputStream {

    /** The body passed its limit. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long limit) {
            super("the body passes the limit of " + limit + " bytes");
        }
    }

    /** What to do before waiting for the client. */
    interface BeforeWait {
        /** @throws IOException if it fails (the answer cannot be written) */
        void run() throws IOException;
    }

    private final long limit;
    private final BeforeWait beforeWait;
    private long remaining;

    /**
     * @param in         the body
     * @param limit      the most bytes it may hold
     * @param beforeWait called before a read that may wait for the client
     */
    BodyInput(InputStream in, long limit, BeforeWait beforeWait) {
        super(in);
        this.limit = limit;
        this.remaining = limit;
        this.beforeWait = beforeWait;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (in.available() == 0) {
            beforeWait.run();
        }
        if (remaining == 0) {
            // the limit is reached: the body must end here
            if (in.read() == -1) {
                return -1;
            }
            throw new TooLarge(limit);
        }
        int n = in.read(b, off, (int) Math.min(len, remaining));
        if (n > 0) {
            remaining -= n;
        }
        return n;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("a body is read, never skipped");
    }
}
