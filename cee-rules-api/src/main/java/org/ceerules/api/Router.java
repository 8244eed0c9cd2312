package org.ceerules.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Routes the post-release trade work of entry summaries to CBP offices.
 *
 * <p>Implementations are immutable and thread-safe: one instance serves any number of threads at
 * once. They never throw for a request that the records accepted: a request the reference data
 * rejects yields {@link RoutingResult.Rejected}. The only exceptions of {@code route}, {@code
 * explain} and {@code routeAll} are {@link NullPointerException} for a {@code null} request or list,
 * and {@link IllegalStateException} for a fault of the knowledge base itself (a function routed
 * twice or not at all), never a silently incomplete answer.
 *
 * @since 0.1
 */
public interface Router {

    /**
     * Routes one request.
     *
     * @param request the request
     * @return the decision, or the reasons the request was rejected
     * @throws NullPointerException if {@code request} is null
     */
    RoutingResult route(RoutingRequest request);

    /**
     * Routes one request and reports every rule that fired ({@link RoutingDecision#firedRules()}).
     * Slower than {@link #route(RoutingRequest)}; the routes are the same.
     *
     * @param request the request
     * @return the decision with its fired rules, or the reasons the request was rejected
     * @throws NullPointerException if {@code request} is null
     */
    RoutingResult explain(RoutingRequest request);

    /**
     * Routes many requests.
     *
     * @param requests the requests; a rejected one never stops the others
     * @return one result per request, in the order of {@code requests}: {@code route} of each
     * @throws NullPointerException if {@code requests} or one of its elements is null
     */
    default List<RoutingResult> routeAll(List<RoutingRequest> requests) {
        List<RoutingResult> results = new ArrayList<>(requests.size());
        for (RoutingRequest request : requests) {
            results.add(route(request));
        }
        return results;
    }

    /**
     * @return the version of the rule set this router routes with
     */
    String rulesVersion();

    /**
     * Which Center's industry covers a tariff number on a date, by the rule set's HTS scope data
     * (used to assign an account to a Center; routing follows the account's Center, not the
     * tariff number).
     *
     * @param hts  the tariff number
     * @param asOf the date
     * @return the row of the scope data that covers the number on that date (the one of the
     *         longest prefix), or empty where no row covers it
     * @since 0.1
     */
    Optional<IndustryScope> industryScope(HtsNumber hts, LocalDate asOf);

    /**
     * @return every rule of the knowledge base, ordered by file and line
     * @since 0.1
     */
    List<KnowledgeBaseRule> rules();

    /**
     * When a Center opened, by the rule set's data: the first day it processed the entry summaries
     * of its participating accounts, with the sources of the date.
     *
     * @param center the Center
     * @return the opening; empty where the rule set does not date the Center's opening
     * @since 0.1
     */
    default Optional<CenterOpening> opening(Center center) {
        Objects.requireNonNull(center, "center");
        return Optional.empty();
    }

    /**
     * The bibliography of the rule set: every public source its rules and data rows cite, each
     * with the https address where a user can read it. Every citation of a decision resolves to
     * one of them.
     *
     * @return the sources, ordered by id; empty for a router whose rule set has no bibliography
     * @since 0.1
     */
    default List<Source> sources() {
        return List.of();
    }

    /**
     * Which Center an importer's entry summaries point to, by the number of lines (the
     * predominant number of goods) and by entered value (the highest value), each line counted
     * for the Center whose industry covers its tariff number on {@code asOf}. See {@link
     * AssignmentAdvice} for the measures, ties and lines no Center covers.
     *
     * @param entrySummaries the importer's entry summaries; not empty
     * @param asOf           the date whose HTS scope to use
     * @param currentCenter  the account's current Center, if it has one: the advice then says
     *                       whether an appeal may be warranted
     * @return the advice
     * @throws InvalidRequestException naming the field {@code entrySummaries} when there are none,
     *                                 or when no line falls in any Center's industry: an
     *                                 assignment is then not advised rather than guessed
     * @since 0.1
     */
    default AssignmentAdvice adviseAssignment(List<EntrySummary> entrySummaries, LocalDate asOf,
                                              Optional<Center> currentCenter) {
        return AssignmentAdvisor.advise(this, List.copyOf(entrySummaries), Objects.requireNonNull(asOf, "asOf"),
                Objects.requireNonNull(currentCenter, "currentCenter"));
    }
}
