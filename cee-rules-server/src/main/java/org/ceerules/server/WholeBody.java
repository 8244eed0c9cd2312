package org.ceerules.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A body of a declared length, read whole at the first read and then handed over from memory.
 *
 * <p>Why: most HTTP clients (Python's {@code urllib}, .NET's {@code HttpClient}, Java's own) send
 * a body of known length whole before they read the answer. Were the server to answer each line as
 * it reads it, the answer would fill the connection's buffers while the client still writes, and
 * both would wait until the read timeout. A body of unknown length (chunked) is a stream: it is
 * answered as it comes, for clients that write and read at once. The declared length is at most
 * the body limit (a longer one is refused before), so that is the memory it takes.
 *
 * <p>Not thread-safe: one reader.
 */
final class WholeBody extends InputStream {

    /** The longest body read whole: the most an array holds. */
    static final long MAX_LENGTH = Integer.MAX_VALUE - 8;

    private final InputStream in;
    private final int length;
    private InputStream read;

    /**
     * @param in     the body
     * @param length its declared length, at most {@link #MAX_LENGTH}
     */
    WholeBody(InputStream in, long length) {
        if (length < 0 || length > MAX_LENGTH) {
            throw new IllegalArgumentException("length must be 0 to " + MAX_LENGTH + ", was " + length);
        }
        this.in = in;
        this.length = (int) length;
    }

    private InputStream body() throws IOException {
        if (read == null) {
            // Jetty hands over no more than the declared length, and fails a body that ends before it
            read = new ByteArrayInputStream(in.readNBytes(length));
        }
        return read;
    }

    @Override
    public int read() throws IOException {
        return body().read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return body().read(b, off, len);
    }

    @Override
    public int available() throws IOException {
        return read == null ? 0 : read.available();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
