package org.ceerules.server;

import java.io.IOException;
import java.util.List;
import org.ceerules.api.Violation;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The answer to a request Jetty refuses before the endpoints see it (a request line or headers
 * that are not valid HTTP, headers too large, a request after the server began to stop): the
 * contract's error object naming {@code $}, with the status and the safe headers; never a stack
 * trace, nor the text of an exception. Thread-safe.
 */
final class JsonErrorHandler implements Request.Handler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() >= 400 ? response.getStatus() : 500;
        try {
            response.getHeaders().clear();
            ApiHandler.securityHeaders(response);
            ApiHandler.writeErrors(response, status, List.of(new Violation("$", message(status))));
            callback.succeeded();
        } catch (IOException | RuntimeException e) {
            callback.failed(e);
        }
        return true;
    }

    private static String message(int status) {
        return switch (status) {
            case 400 -> "the request is not valid HTTP: its request line, a header or its address";
            case 408 -> "the request did not come within the read timeout";
            case 413 -> "the request is too large";
            case 414 -> "the address is too long";
            case 431 -> "the request's headers are too large";
            case 500 -> "internal error of the server";
            case 503 -> "the server is stopping: it takes no new request";
            default -> "the request cannot be answered: " + HttpStatus.getMessage(status);
        };
    }
}
