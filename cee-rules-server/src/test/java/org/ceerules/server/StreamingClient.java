package org.ceerules.server;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Test helper: one HTTP/1.1 request over a socket whose body is sent in chunks while its answer is
 * read (the JDK's client sends a whole body before it reads the answer): for a batch in flight,
 * whose first lines are answered before the rest of it is sent. Not thread-safe.
 */
final class StreamingClient implements Closeable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private boolean chunkedAnswer;
    private int chunkLeft;
    private boolean ended;

    /** Sends the request line and headers of a POST whose body is chunked. */
    StreamingClient(URI root, String path, String contentType) throws IOException {
        socket = new Socket(root.getHost(), root.getPort());
        out = socket.getOutputStream();
        in = socket.getInputStream();
        out.write(("POST /" + path + " HTTP/1.1\r\nHost: " + root.getHost() + "\r\nContent-Type: " + contentType
                + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Sends one chunk of the body. */
    void send(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Ends the body. */
    void end() throws IOException {
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** @return the answer's status, reading its head if it is not read yet */
    int status() throws IOException {
        readHead();
        return status;
    }

    /** @return a header of the answer, or null */
    String header(String name) throws IOException {
        readHead();
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** @return the next line of the answer's body without its line feed, or null at its end */
    String readLine() throws IOException {
        readHead();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = readBodyByte();
            if (b == -1) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
            }
            if (b == '\n') {
                return line.toString(StandardCharsets.UTF_8);
            }
            line.write(b);
        }
    }

    private void readHead() throws IOException {
        if (status != 0) {
            return;
        }
        String statusLine = rawLine();
        status = Integer.parseInt(statusLine.split(" ")[1]);
        for (String header = rawLine(); !header.isEmpty(); header = rawLine()) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT), header.substring(colon + 1).strip());
        }
        chunkedAnswer = "chunked".equalsIgnoreCase(headers.get("transfer-encoding"));
        if (!chunkedAnswer) {
            chunkLeft = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        }
    }

    private int readBodyByte() throws IOException {
        if (ended) {
            return -1;
        }
        if (chunkLeft == 0) {
            if (!chunkedAnswer) {
                ended = true;
                return -1;
            }
            String size = rawLine();
            if (size.isEmpty()) {
                size = rawLine(); // the line end after the previous chunk's data
            }
            chunkLeft = Integer.parseInt(size.split(";")[0].strip(), 16);
            if (chunkLeft == 0) {
                rawLine();
                ended = true;
                return -1;
            }
        }
        int b = in.read();
        if (b == -1) {
            throw new IOException("the connection closed within a chunk");
        }
        chunkLeft--;
        return b;
    }

    private String rawLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        if (b == -1 && line.size() == 0) {
            throw new IOException("the connection closed");
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
