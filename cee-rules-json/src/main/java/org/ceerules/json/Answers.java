package org.ceerules.json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.ceerules.api.AssignmentAdvice;
import org.ceerules.api.Center;
import org.ceerules.api.CenterId;
import org.ceerules.api.EntrySummary;
import org.ceerules.api.HtsNumber;
import org.ceerules.api.IndustryScope;
import org.ceerules.api.InvalidRequestException;
import org.ceerules.api.Office;
import org.ceerules.api.Route;
import org.ceerules.api.Router;
import org.ceerules.api.RoutingDecision;
import org.ceerules.api.RoutingRequest;
import org.ceerules.api.RoutingResult;
import org.ceerules.api.SubjectAbbreviation;
import org.ceerules.api.Submission;
import org.ceerules.api.TeamNumber;
import org.ceerules.api.TeamNumber.Reading;
import org.ceerules.api.TeamNumber.Together;
import org.ceerules.api.TradeFunction;
import org.ceerules.api.Violation;

/**
 * The answers of the contract that are not decisions: {@code lookup}, {@code subject}, {@code
 * team} and {@code assign} (schemas {@code lookup}, {@code subject} and {@code assign}), each one
 * JSON object on one line, or the error object in its place. The one place where they are built,
 * for the command line and the decision service ({@code org.ceerules.server}), so that both give
 * the same bytes for the same question.
 *
 * <p>Stateless and thread-safe. Not instantiable.
 */
public final class Answers {

    private Answers() {
    }

    /** What an answer says of the question, beyond its JSON. */
    public enum Outcome {
        /** The answer asked for: a lookup covered by a row, a subject line, a team reading, advice. */
        ANSWERED,
        /** An answer, but a negative one: a tariff number no row of the scope data covers on the date. */
        NOT_COVERED,
        /** The error object: the input is invalid, or the router rejected the request. */
        REJECTED,
        /**
         * The error object: the input is valid but the answer does not apply to it (the documents of
         * the request are not sent to a Center, so no subject line applies).
         */
        NOT_APPLICABLE
    }

    /**
     * One answer.
     *
     * @param json    the JSON object: maps, lists, strings, numbers, booleans and nulls, in the
     *                contract's field order
     * @param outcome what it says
     */
    public record Answer(Map<String, Object> json, Outcome outcome) {
        /**
         * Validates that both parts are present.
         *
         * @param json    the JSON object
         * @param outcome what it says
         * @throws NullPointerException if a part is null
         */
        public Answer {
            Objects.requireNonNull(json, "json");
            Objects.requireNonNull(outcome, "outcome");
        }

        /** @return whether the answer is an error object rather than the answer asked for */
        public boolean isError() {
            return outcome == Outcome.REJECTED || outcome == Outcome.NOT_APPLICABLE;
        }

        /** @return the answer as one line of UTF-8, ending with a line feed: what the command line writes */
        public byte[] line() {
            return (JsonTree.write(json) + "\n").getBytes(StandardCharsets.UTF_8);
        }
    }

    /**
     * An error object as an answer.
     *
     * @param violations the problems, in order
     * @return the error object ({@link JsonResultWriter#errorsTree}), {@link Outcome#REJECTED}
     */
    public static Answer rejected(List<Violation> violations) {
        return new Answer(JsonResultWriter.errorsTree(violations), Outcome.REJECTED);
    }

    // ---------------------------------------------------------------------------------------------
    // lookup

    /**
     * Which Center's industry covers a tariff number on a date ({@code cee-rules lookup}): {@code
     * hts}, {@code asOf}, {@code center}, {@code industry}, {@code row} (the scope data's row:
     * {@code file}, {@code line}, {@code range}, {@code from}, {@code to}, {@code status}, {@code
     * source}) and {@code rulesVersion}; {@code center} and {@code row} are null where no row
     * covers the number.
     *
     * @param router the router whose scope data to read
     * @param number the tariff number as given, 10 digits, dots optional
     * @param asOf   the date
     * @return the answer, {@link Outcome#NOT_COVERED} where no row covers the number, or the error
     *         object naming {@code hts} for a number that is not one
     */
    public static Answer lookup(Router router, String number, LocalDate asOf) {
        HtsNumber hts;
        try {
            hts = HtsNumber.of(number);
        } catch (InvalidRequestException e) {
            return rejected(e.violations());
        }
        Optional<IndustryScope> scope = router.industryScope(hts, asOf);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("hts", hts.value());
        line.put("asOf", asOf.toString());
        Optional<Center> center = scope.flatMap(IndustryScope::center);
        line.put("center", center.map(Center::teamCode).orElse(null));
        line.put("industry", center.map(Center::industry).orElse(null));
        line.put("row", scope.map(Answers::row).orElse(null));
        line.put("rulesVersion", router.rulesVersion());
        return new Answer(line, scope.isPresent() ? Outcome.ANSWERED : Outcome.NOT_COVERED);
    }

    private static Map<String, Object> row(IndustryScope scope) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("file", scope.file());
        row.put("line", scope.line());
        row.put("range", scope.range());
        row.put("from", scope.effectiveFrom().toString());
        row.put("to", scope.effectiveUntil().map(LocalDate::toString).orElse(null));
        row.put("status", scope.certainty().label());
        row.put("source", scope.source());
        return row;
    }

    // ---------------------------------------------------------------------------------------------
    // subject

    /**
     * Why a text is not a subject abbreviation, naming the ones there are.
     *
     * @param text the text given
     * @return {@code unknown subject abbreviation "X": one of DR, CE, ...}
     */
    public static String unknownSubjectAbbreviation(String text) {
        return "unknown subject abbreviation " + JsonTree.write(text) + ": one of "
                + Arrays.stream(SubjectAbbreviation.values()).map(SubjectAbbreviation::abbreviation)
                .collect(Collectors.joining(", "));
    }

    /**
     * The e-mail addresses and subject line for sending one request's documents of one kind to its
     * Center ({@code cee-rules subject}): {@code entryNumber}, {@code asOf}, {@code abbreviation},
     * {@code document}, {@code function}, {@code center}, {@code submission} ({@code to}, {@code
     * subject}, {@code certainty}), {@code rule}, {@code authority} and {@code rulesVersion}.
     *
     * @param router the router that routes the request
     * @param kind   the kind of documents
     * @param read   the request, or why it could not be read
     * @return the answer; the error object of an invalid or rejected request ({@link
     *         Outcome#REJECTED}), or naming {@code $} when the documents do not go to a Center
     *         ({@link Outcome#NOT_APPLICABLE})
     */
    public static Answer subject(Router router, SubjectAbbreviation kind, ReadResult read) {
        if (read instanceof ReadResult.Invalid invalid) {
            return rejected(invalid.violations());
        }
        RoutingRequest request = ((ReadResult.Request) read).request();
        RoutingResult result = router.route(request);
        if (result instanceof RoutingResult.Rejected rejection) {
            return rejected(rejection.violations());
        }
        RoutingDecision decision = ((RoutingResult.Routed) result).decision();
        Optional<TradeFunction> function = kind.function();
        Optional<Submission> submission;
        String rule;
        String authority;
        if (function.isPresent()) {
            Route route = decision.route(function.get());
            submission = route.submission();
            rule = route.rule();
            authority = route.authority();
            if (submission.isEmpty()) {
                return notToACenter(kind.abbreviation() + " (" + kind.document() + ") of entry " + decision.entryNumber()
                        + " on "
                        + decision.asOf() + ": " + function.get() + " is handled by " + describe(route.office())
                        + " (rule \"" + rule + "\"), not by a Center: no subject line applies");
            }
        } else {
            rule = decision.jurisdiction().rule();
            authority = decision.jurisdiction().authority();
            if (decision.center().isEmpty()) {
                return notToACenter(kind.abbreviation() + " (" + kind.document() + ") of entry "
                        + decision.entryNumber() + " on " + decision.asOf() + ": no Center has jurisdiction over the "
                        + "entry (rule \"" + rule + "\"); its documents go to the port of entry "
                        + request.entrySummary().portOfEntry() + ": no subject line applies");
            }
            submission = Optional.of(Submission.of(kind, decision.center().get(), request.account(),
                    request.entrySummary()));
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("entryNumber", decision.entryNumber());
        line.put("asOf", decision.asOf().toString());
        line.put("abbreviation", kind.abbreviation());
        line.put("document", kind.document());
        line.put("function", function.map(Enum::name).orElse(null));
        line.put("center", submission.get().center().teamCode());
        Map<String, Object> sent = new LinkedHashMap<>();
        sent.put("to", submission.get().to());
        sent.put("subject", submission.get().subject());
        // as a route's submission is written: how sure the subject line's format is on that date
        sent.put("certainty", Submission.formatCertainty(decision.asOf()).label());
        line.put("submission", sent);
        line.put("rule", rule);
        line.put("authority", authority);
        line.put("rulesVersion", decision.rulesVersion());
        return new Answer(line, Outcome.ANSWERED);
    }

    private static Answer notToACenter(String message) {
        return new Answer(JsonResultWriter.errorsTree(List.of(new Violation("$", message))), Outcome.NOT_APPLICABLE);
    }

    private static String describe(Office office) {
        if (office instanceof Center center) {
            return "Center " + center.teamCode();
        }
        return office.type() + office.code().map(code -> " " + code).orElse("");
    }

    // ---------------------------------------------------------------------------------------------
    // team

    /**
     * Which Center each CBP team number names, or each ACE Center ID ({@code cee-rules team}): one
     * answer per text, in order, and with {@code together} one more: what they say together of the
     * account's Center ({@link Together}), unless a text is invalid.
     *
     * <p>A team number's object: {@code teamNumber}, {@code center}, {@code industry}, {@code
     * status}, {@code source} (bibliography ids, comma-separated), {@code asOf} when given, and
     * {@code reading}, the reading in plain words. A Center ID's: {@code centerId}, {@code center},
     * {@code industry}, {@code assignment} ({@code ASSIGNED}, {@code NOT_ELIGIBLE} or {@code
     * PENDING}), {@code status}, {@code source}, {@code reading}. The together object: {@code
     * teamNumbers}, {@code centerIds}, {@code center}, {@code industry}, {@code assignment}
     * ({@link Together.Assignment}), {@code status}, {@code source}, {@code disagreeing} and {@code
     * reading}.
     *
     * @param numbers  team numbers (three letters or digits) or Center IDs ({@code CEE001} to
     *                 {@code CEE010}, {@code NOTELG}, {@code PNDING})
     * @param together whether to add what they say together
     * @param asOf     the date of the entry summaries the team numbers are printed on, if known
     * @return the answers, in order; an invalid text's is the error object naming {@code
     *         teamNumber} or {@code centerId}
     */
    public static List<Answer> team(List<String> numbers, boolean together, Optional<LocalDate> asOf) {
        List<Answer> answers = new ArrayList<>();
        boolean allRead = true;
        List<Reading> readings = new ArrayList<>();
        List<CenterId> centerIds = new ArrayList<>();
        for (String number : numbers) {
            try {
                if (looksLikeACenterId(number)) {
                    CenterId centerId = CenterId.of(number);
                    centerIds.add(centerId);
                    answers.add(new Answer(answer(centerId), Outcome.ANSWERED));
                } else {
                    TeamNumber teamNumber = TeamNumber.of(number);
                    Reading reading = asOf.isEmpty() ? teamNumber.reading() : teamNumber.reading(asOf.get());
                    readings.add(reading);
                    answers.add(new Answer(answer(reading), Outcome.ANSWERED));
                }
            } catch (InvalidRequestException e) {
                allRead = false;
                answers.add(rejected(e.violations()));
            }
        }
        if (together && allRead) {
            answers.add(new Answer(answer(TeamNumber.together(readings, centerIds)), Outcome.ANSWERED));
        }
        return answers;
    }

    /** A Center ID is six characters; {@code CEE} and more is a Center ID mistyped, not a team number. */
    private static boolean looksLikeACenterId(String text) {
        return text.length() == 6 || (text.length() > 3 && text.toUpperCase(Locale.ROOT).startsWith("CEE"));
    }

    private static Map<String, Object> answer(Reading reading) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("teamNumber", reading.teamNumber().value());
        putCenter(line, reading.center());
        line.put("status", reading.certainty().label());
        line.put("source", String.join(", ", reading.sources()));
        reading.printedOn().ifPresent(date -> line.put("asOf", date.toString()));
        line.put("reading", reading.note());
        return line;
    }

    private static Map<String, Object> answer(CenterId centerId) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("centerId", centerId.value());
        putCenter(line, centerId.center());
        line.put("assignment", centerId.status().name());
        line.put("status", centerId.certainty().label());
        line.put("source", centerId.source());
        line.put("reading", "ACE's Center ID " + centerId.value() + ": " + says(centerId));
        return line;
    }

    private static Map<String, Object> answer(Together together) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("teamNumbers", together.readings().stream().map(r -> r.teamNumber().value()).toList());
        line.put("centerIds", together.centerIds().stream().map(CenterId::value).toList());
        putCenter(line, together.center());
        line.put("assignment", together.assignment().name());
        line.put("status", together.certainty().label());
        line.put("source", String.join(", ", together.sources()));
        line.put("disagreeing", together.disagreeing().stream().map(TeamNumber::value).toList());
        line.put("reading", reading(together));
        return line;
    }

    private static void putCenter(Map<String, Object> line, Optional<Center> center) {
        line.put("center", center.map(Center::teamCode).orElse(null));
        line.put("industry", center.map(Center::industry).orElse(null));
    }

    private static String says(CenterId centerId) {
        return switch (centerId.status()) {
            case ASSIGNED -> "the account is assigned to the " + centerId.center().orElseThrow().industry()
                    + " Center (team " + centerId.center().orElseThrow().teamCode() + ")";
            case NOT_ELIGIBLE -> "the account is not Center eligible, it has no Center";
            case PENDING -> "the account's assignment to a Center is pending, it has no Center yet";
        };
    }

    private static String reading(Together together) {
        List<String> numbers = together.readings().stream().map(r -> r.teamNumber().value()).toList();
        return switch (together.assignment()) {
            case ASSIGNED, NOT_ELIGIBLE, PENDING -> {
                CenterId centerId = together.centerIds().get(0);
                String reading = "ACE's Center ID " + centerId.value() + " decides over team numbers: "
                        + says(centerId);
                String disagreeing = String.join(", ", names(together.disagreeing()));
                if (disagreeing.isEmpty()) {
                    yield numbers.isEmpty() ? reading : reading + "; the team numbers agree";
                }
                yield reading + (together.assignment() == Together.Assignment.ASSIGNED
                        ? "; the team numbers " + disagreeing + " name another team (entry summaries filed before "
                                + "the assignment, or reviewed by a port's team)"
                        : "; the team numbers " + disagreeing + " name a Center nonetheless (evidence only)");
            }
            case CONFLICTING_CENTER_IDS -> "the Center IDs " + String.join(", ", names(together.centerIds()))
                    + " differ: an account has one Center ID at a time, give its current one";
            case MOST_LIKELY -> "the " + numbers.size() + " team numbers all name the "
                    + together.center().orElseThrow().industry() + " Center (team "
                    + together.center().orElseThrow().teamCode() + "): CBP's advice is that the account is most "
                    + "likely assigned to it (its Center ID in ACE says for sure)";
            case NOT_YET_ASSIGNED -> "the team numbers do not all name the same Center: the account is not yet "
                    + "assigned, its entry summaries are reviewed by port teams";
            case NOT_ENOUGH_EVIDENCE -> "one team number is not enough evidence of the account's Center: CBP's "
                    + "advice reads it from the same Center on the team numbers of several entry summaries; give "
                    + "more of the account's team numbers, or its Center ID";
        };
    }

    private static List<String> names(List<?> values) {
        return values.stream().map(Object::toString).toList();
    }

    // ---------------------------------------------------------------------------------------------
    // assign

    /**
     * The entry summaries of an {@code assign} input, read.
     *
     * @param entrySummaries the entry summaries read, in order
     * @param problems       every problem of the values that are not entry summaries, each field
     *                       under {@code entrySummaries[N]}, N the value's index from 0
     * @param more           whether the input held more values than were read (the limit given)
     */
    public record EntrySummaries(List<EntrySummary> entrySummaries, List<Violation> problems, boolean more) {
        /**
         * Copies the lists.
         *
         * @param entrySummaries the entry summaries read, in order
         * @param problems       every problem of the values that are not entry summaries
         * @param more           whether the input held more values than were read
         */
        public EntrySummaries {
            entrySummaries = List.copyOf(entrySummaries);
            problems = List.copyOf(problems);
        }
    }

    /**
     * Reads the input of {@code assign}: JSON Lines of {@code entrySummary} objects (as in a
     * request) or of whole requests, whose {@code entrySummary} is used, or one such object,
     * pretty-printed.
     *
     * @param values the input, split into values
     * @param limit  how many values to read at most; {@link EntrySummaries#more()} says whether
     *               there were more
     * @return what was read
     * @throws IOException if the input cannot be read
     */
    public static EntrySummaries readEntrySummaries(RequestStream values, int limit) throws IOException {
        List<EntrySummary> entrySummaries = new ArrayList<>();
        List<Violation> problems = new ArrayList<>();
        int index = 0;
        for (Optional<RequestStream.Unread> value = values.nextUnread(); value.isPresent();
             value = values.nextUnread(), index++) {
            if (index == limit) {
                return new EntrySummaries(entrySummaries, problems, true);
            }
            try {
                entrySummaries.add(value.get().readEntrySummary());
            } catch (InvalidRequestException e) {
                String at = "entrySummaries[" + index + "]";
                for (Violation v : e.violations()) {
                    problems.add(new Violation(under(at, v.field()), v.message()));
                }
            }
        }
        return new EntrySummaries(entrySummaries, problems, false);
    }

    private static final String ENTRY_SUMMARY = "entrySummary";

    /**
     * The path of a field of the value read at {@code at} ({@code entrySummaries[3]}): the
     * reader names the entry summary's fields as in a request ({@code entrySummary.lines[0].hts}),
     * other fields by their path from the value's root ({@code x}, {@code ["a b"]}), the value as
     * a whole {@code $}.
     *
     * @param at    the value's path
     * @param field the field's path as the reader names it
     * @return the field's path under the value's
     */
    static String under(String at, String field) {
        if (field.equals("$") || field.equals(ENTRY_SUMMARY)) {
            return at;
        }
        String rest = field;
        if (field.startsWith(ENTRY_SUMMARY + ".") || field.startsWith(ENTRY_SUMMARY + "[")) {
            rest = field.substring(ENTRY_SUMMARY.length());
        }
        return rest.startsWith(".") || rest.startsWith("[") ? at + rest : at + "." + rest;
    }

    /**
     * The message naming a text that is not a Center's team code, given as the account's current
     * Center.
     *
     * @param text the text given
     * @return {@code must be a Center's team code, 001 to 010, was "X"}
     */
    public static String notACenter(String text) {
        return "must be a Center's team code, 001 to 010, was " + JsonTree.write(text);
    }

    /**
     * Which Center an importer's entry summaries point to ({@code cee-rules assign}, {@link
     * Router#adviseAssignment}): {@code asOf}, {@code entrySummaries}, {@code counted}, {@code
     * outOfScope}, {@code shares}, {@code byLines}, {@code byValue}, {@code agree}, {@code appeal}
     * and {@code rulesVersion}.
     *
     * @param router         the router whose scope data to use
     * @param entrySummaries the importer's entry summaries
     * @param asOf           the date whose scope data to use
     * @param current        the account's current Center, if given
     * @return the advice, or the error object naming {@code entrySummaries} when no advice is given
     */
    public static Answer assign(Router router, List<EntrySummary> entrySummaries, LocalDate asOf,
                                Optional<Center> current) {
        AssignmentAdvice advice;
        try {
            advice = router.adviseAssignment(entrySummaries, asOf, current);
        } catch (InvalidRequestException e) {
            return rejected(e.violations());
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("asOf", advice.asOf().toString());
        line.put("entrySummaries", advice.entrySummaries());
        line.put("counted", tally(advice.counted()));
        line.put("outOfScope", tally(advice.outOfScope()));
        List<Object> shares = new ArrayList<>();
        for (AssignmentAdvice.CenterShare share : advice.shares()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("center", share.center().teamCode());
            one.put("industry", share.center().industry());
            one.put("lines", share.all().lines());
            one.put("value", share.all().value().toPlainString());
            one.put("lineShare", share.lineShare());
            one.put("valueShare", share.valueShare());
            one.put("inferred", tally(share.inferred()));
            shares.add(one);
        }
        line.put("shares", shares);
        line.put("byLines", pick(advice.byLines()));
        line.put("byValue", pick(advice.byValue()));
        line.put("agree", advice.agree());
        line.put("appeal", advice.appeal().map(Answers::appeal).orElse(null));
        line.put("rulesVersion", router.rulesVersion());
        return new Answer(line, Outcome.ANSWERED);
    }

    private static Map<String, Object> tally(AssignmentAdvice.Tally tally) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("lines", tally.lines());
        one.put("value", tally.value().toPlainString());
        return one;
    }

    private static Map<String, Object> pick(AssignmentAdvice.Pick pick) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("center", pick.center().map(Center::teamCode).orElse(null));
        one.put("tied", pick.tied().stream().map(Center::teamCode).toList());
        one.put("reason", pick.reason());
        return one;
    }

    private static Map<String, Object> appeal(AssignmentAdvice.Appeal appeal) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("current", appeal.current().teamCode());
        one.put("mayBeWarranted", appeal.mayBeWarranted());
        one.put("reason", appeal.reason());
        return one;
    }
}
