package org.ceerules.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.ceerules.json.JsonTree;

/** Test helper: a client of one server, through the JDK's HttpClient. Thread-safe. */
final class Http {

    /** One answer: status, content type, body and headers. */
    record Answer(int status, String contentType, byte[] bytes, java.net.http.HttpHeaders headers) {
        String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        Map<String, Object> json() {
            return JsonTree.object(body());
        }

        List<Map<String, Object>> lines() {
            return JsonTree.lines(body());
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();

    private final URI root;

    Http(URI root) {
        this.root = root;
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(root.resolve(path)).GET());
    }

    Answer method(String method, String path) {
        return send(HttpRequest.newBuilder(root.resolve(path)).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    Answer post(String path, String contentType, String body) {
        return post(path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    Answer post(String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(root.resolve(path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = CLIENT.send(request.timeout(Duration.ofSeconds(120)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers().firstValue("content-type").orElse(null),
                    response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
