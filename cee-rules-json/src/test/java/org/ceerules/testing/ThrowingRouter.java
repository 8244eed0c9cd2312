package org.ceerules.testing;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ceerules.api.HtsNumber;
import org.ceerules.api.IndustryScope;
import org.ceerules.api.KnowledgeBaseRule;
import org.ceerules.api.Router;
import org.ceerules.api.RoutingRequest;
import org.ceerules.api.RoutingResult;

/**
 * Test helper: a router whose every call but {@link #rulesVersion()} fails with one exception, a
 * stand-in for a broken implementation or a knowledge base that fails while routing.
 *
 * @param failure what every call throws
 */
public record ThrowingRouter(RuntimeException failure) implements Router {

    /** Validates that the failure is present. */
    public ThrowingRouter {
        Objects.requireNonNull(failure, "failure");
    }

    @Override
    public RoutingResult route(RoutingRequest request) {
        throw failure;
    }

    @Override
    public RoutingResult explain(RoutingRequest request) {
        throw failure;
    }

    @Override
    public String rulesVersion() {
        return "broken";
    }

    @Override
    public Optional<IndustryScope> industryScope(HtsNumber hts, LocalDate asOf) {
        throw failure;
    }

    @Override
    public List<KnowledgeBaseRule> rules() {
        throw failure;
    }
}
