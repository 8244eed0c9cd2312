package org.ceerules.server;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the server answers at each path: the endpoints, each with its path template (the label of
 * its metrics) and the methods it takes. {@code HEAD} is taken wherever {@code GET} is.
 */
enum Endpoint {
    HEALTHZ("/healthz", "GET"),
    READYZ("/readyz", "GET"),
    METRICS("/metrics", "GET"),
    OPENAPI("/openapi.json", "GET"),
    ROUTE("/v1/route", "POST"),
    EXPLAIN("/v1/explain", "POST"),
    SUBJECT("/v1/subject/{abbreviation}", "POST"),
    ASSIGN("/v1/assign", "POST"),
    LOOKUP("/v1/lookup/{hts}", "GET"),
    TEAM("/v1/team/{number}", "GET"),
    CENTERS("/v1/centers", "GET"),
    SOURCES("/v1/sources", "GET"),
    RULES("/v1/rules", "GET"),
    VERSION("/v1/version", "GET"),
    INDEX("/", "GET"),
    CENTER_PAGE("/centers/{code}", "GET"),
    /** The rule set's pages: answered by a redirect to {@code /rules/}, whose relative links they use. */
    RULES_ROOT("/rules", "GET"),
    /** A page about the rule set ({@link RuleBook}); {@code /rules/} is its {@code index.html}. */
    RULES_PAGE("/rules/{page}", "GET"),
    /** Any other path outside {@code /v1/}: a file of the pages' folder, if there is one. */
    STATIC("static", "GET");

    /** A path matched: its endpoint and the value of its path parameter, if it has one. */
    record Match(Endpoint endpoint, String parameter) {
    }

    private static final Map<String, Endpoint> FIXED = Arrays.stream(values())
            .filter(e -> e.template.startsWith("/") && !e.template.contains("{"))
            .collect(Collectors.toMap(e -> e.template, Function.identity()));

    private final String template;
    private final List<String> methods;

    Endpoint(String template, String method) {
        this.template = template;
        this.methods = method.equals("GET") ? List.of("GET", "HEAD") : List.of(method);
    }

    /** @return the path template, or {@code static}: the label of the endpoint's metrics */
    String label() {
        return template;
    }

    /** @return whether the endpoint is one of the API's, counted against the limit of requests at once */
    boolean isApi() {
        return template.startsWith("/v1/");
    }

    /** @return whether the endpoint takes a method */
    boolean takes(String method) {
        return methods.contains(method);
    }

    /** @return the value of the {@code Allow} header of a 405 */
    String allow() {
        return String.join(", ", methods) + ", OPTIONS";
    }

    /**
     * @param path the request's decoded path
     * @return the endpoint at that path, or empty for a path of {@code /v1/} that names none
     */
    static Optional<Match> match(String path) {
        Endpoint fixed = FIXED.get(path);
        if (fixed != null) {
            return Optional.of(new Match(fixed, ""));
        }
        for (Endpoint endpoint : List.of(SUBJECT, LOOKUP, TEAM, CENTER_PAGE, RULES_PAGE)) {
            String prefix = endpoint.template.substring(0, endpoint.template.indexOf('{'));
            if (path.startsWith(prefix)) {
                String parameter = path.substring(prefix.length());
                if (parameter.isEmpty() && endpoint == RULES_PAGE) {
                    return Optional.of(new Match(RULES_PAGE, "index.html"));
                }
                if (parameter.isEmpty() || parameter.contains("/")) {
                    return Optional.empty();
                }
                return Optional.of(new Match(endpoint, parameter));
            }
        }
        if (path.startsWith("/v1/") || path.equals("/v1") || path.startsWith("/centers/")) {
            return Optional.empty();
        }
        return Optional.of(new Match(STATIC, path));
    }
}
