package org.ceerules.drools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.ceerules.api.Center;
import org.ceerules.api.InvalidRequestException;
import org.ceerules.api.RoutingRequest;
import org.ceerules.api.RoutingResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.quicktheories.core.Gen;

/**
 * Invariants of the router over generated requests (QuickTheories), valid and invalid:
 * <ol>
 *   <li>no exception escapes but the documented ones: building a request from any text either
 *       names at least one field ({@link InvalidRequestException}) or gives a request that
 *       {@code route}, {@code explain} and {@code routeAll} answer with {@code Routed} or a
 *       {@code Rejected} naming at least one field; {@code null} is a {@code NullPointerException};</li>
 *   <li>{@code routeAll(list)} equals {@code route} of each element, in order, for any list;</li>
 *   <li>equal requests get equal decisions, whatever was routed before or in between;</li>
 *   <li>for a fixed account and entry, the decision changes with {@code asOf} only at the dates of
 *       the rule set's timeline (openings, regimes, delegations, dated measures) and of the account (participation,
 *       withdrawal): generated dates, and the hard dates as explicit examples.</li>
 * </ol>
 */
class RoutingPropertiesTest {

    private static final DroolsRouter ROUTER = EmbeddedRouter.ROUTER;

    /**
     * Every date of the rule book's timeline: the Centers' openings (section 1), the events of
     * section 2 and the dates the Centers take over entry types (section 5). Written down from the
     * book, not read from the reference data, so that a wrong date in the data fails the property.
     */
    static final List<LocalDate> TIMELINE = Stream.of(
            "2011-10-20", "2012-08-28", "2012-09-27", "2012-10-01", "2013-04-04", "2013-06-03", "2014-03-10",
            "2014-09-11", "2015-01-28", "2015-06-29", "2015-12-16", "2016-03-23", "2017-01-19", "2017-09-30",
            "2018-02-24", "2021-09-14", "2023-10-05", "2024-10-01")
            .map(LocalDate::parse).toList();

    private static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(2199, 12, 31);
    private static final List<String> TYPES = List.of("01", "02", "03", "04", "06", "07", "08", "09", "11", "12",
            "21", "23", "24", "31", "32", "34", "38", "41", "45", "51", "62", "10", "99");
    private static final List<String> PORTS = List.of("2704", "5101", "3901", "4601", "5104", "0101");
    private static final List<String> DATE_TEXTS = List.of("2016-05-02", "2014-03-01", "2017-01-19", "2011-10-20",
            "2016-02-29", "2016-02-30", "0000-01-01", "1900-01-01", "2199-12-31", "2200-01-01", "2016-5-2",
            "2016-05-02T00:00", "+2016-05-02", "\u0662\u0660\u0661\u0666-05-02");

    /** A valid request with its account and entry: any Center or none, participation, withdrawal, type, port, AD/CVD. */
    static final Gen<Requests> REQUESTS = requests();

    /** A date: mostly around the timeline (2010-2019), one in ten anywhere a request may carry (1900-2199). */
    private static Gen<LocalDate> dates() {
        Gen<Integer> near = integers().between(0, 10 * 366);
        Gen<Integer> anywhere = integers().between(0, (int) (LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay()));
        Gen<Integer> which = integers().between(0, 9);
        return in -> which.generate(in) == 0 ? FIRST_DAY.plusDays(anywhere.generate(in))
                : LocalDate.of(2010, 1, 1).plusDays(near.generate(in));
    }

    private static Gen<Requests> requests() {
        Gen<Integer> centers = integers().between(-1, 9);
        Gen<Integer> small = integers().between(0, 3);
        Gen<Integer> spans = integers().between(0, 1_500);
        Gen<Integer> types = integers().between(0, TYPES.size() - 1);
        Gen<Integer> ports = integers().between(0, PORTS.size() - 1);
        Gen<LocalDate> dates = dates();
        return in -> {
            int centerIndex = centers.generate(in);
            LocalDate filed = dates.generate(in);
            Requests r = centerIndex < 0 ? Requests.unassigned() : Requests.assigned(Center.values()[centerIndex]);
            if (centerIndex >= 0 && small.generate(in) < 2) {
                LocalDate start = min(dates.generate(in), LAST_DAY.minusDays(1));
                r.participating(start.toString());
                if (small.generate(in) == 0) {
                    r.withdrawn(min(start.plusDays(1 + spans.generate(in)), LAST_DAY).toString());
                }
            }
            r.type(TYPES.get(types.generate(in))).port(PORTS.get(ports.generate(in))).filed(filed.toString())
                    .asOf(min(filed.plusDays(spans.generate(in)), LAST_DAY).toString());
            if (small.generate(in) == 0) {
                r.adcvdCase("A-570-910");
            }
            return r;
        };
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    // 1. no exception but the documented ones

    /** Text for one field of the builder: a typical value (valid or at the edge of the checks), none, or any text at all. */
    private static Gen<Optional<String>> text(List<String> typical) {
        Gen<Integer> kind = integers().between(0, 9);
        Gen<Integer> index = integers().between(0, typical.size() - 1);
        Gen<String> any = strings().allPossible().ofLengthBetween(0, 30);
        Gen<String> ascii = strings().ascii().ofLengthBetween(0, 12);
        return in -> switch (kind.generate(in)) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of(any.generate(in));
            case 2 -> Optional.of(ascii.generate(in));
            default -> Optional.of(typical.get(index.generate(in)));
        };
    }

    /** The builder's setters of the request's fields, in the contract's order. */
    private static final List<BiConsumer<RoutingRequest.Builder, String>> SETTERS = List.of(
            RoutingRequest.Builder::asOf, RoutingRequest.Builder::importerNumber, RoutingRequest.Builder::accountName,
            RoutingRequest.Builder::center, RoutingRequest.Builder::participationStart,
            RoutingRequest.Builder::withdrawalEffective, RoutingRequest.Builder::entryNumber,
            RoutingRequest.Builder::entryType, RoutingRequest.Builder::portOfEntry, RoutingRequest.Builder::entryDate);

    /** A request's fields as text, as a reader of an external format gives them to the builder. */
    record TextRequest(List<Optional<String>> fields, List<List<Optional<String>>> lines) {
        RoutingRequest build() {
            RoutingRequest.Builder b = RoutingRequest.builder();
            for (int i = 0; i < SETTERS.size(); i++) {
                BiConsumer<RoutingRequest.Builder, String> setter = SETTERS.get(i);
                fields.get(i).ifPresent(text -> setter.accept(b, text));
            }
            lines.forEach(line -> b.line(line.get(0), line.get(1), line.get(2)));
            return b.build();
        }
    }

    private static Gen<TextRequest> textRequests() {
        List<Gen<Optional<String>>> fields = List.of(text(DATE_TEXTS),
                text(List.of("12-345678900", "123456-12345", "123-45-6789", "12-3456789OI")),
                text(List.of("Nokia Inc", " ", "x".repeat(257), "a\u0000b")),
                text(List.of("007", "001", "010", "011", "000", "7")),
                text(DATE_TEXTS), text(DATE_TEXTS),
                text(List.of("345-6789012-3", "34567890123", "ABC-1234567-6", "abc12345676", "345-6789012-4")),
                text(TYPES), text(PORTS), text(DATE_TEXTS));
        Gen<List<Optional<String>>> line = text(List.of("8517.62.0090", "8517620090", "0017620090", "7717620090"))
                .zip(text(List.of("125000.00", "0", "-5", "1e999999", "-1e2147483647", "1E+15", "0e-2147483648")),
                        text(List.of("A-570-910", "C-570-000", "B-000-000")), List::of);
        Gen<List<List<Optional<String>>>> lines = lists().of(line).ofSizeBetween(0, 4);
        return in -> new TextRequest(fields.stream().map(g -> g.generate(in)).toList(), lines.generate(in));
    }

    @Test
    void noExceptionButTheDocumentedOnesEscapesBuildingOrRouting() {
        qt().withExamples(4_000).forAll(textRequests()).checkAssert(text -> {
            RoutingRequest request;
            try {
                request = text.build();
            } catch (InvalidRequestException e) {
                assertThat(e.violations()).isNotEmpty().allSatisfy(v -> assertThat(v.field()).isNotBlank());
                return;
            }
            answersWithoutThrowing(request);
        });
    }

    @Test
    void everyValidRequestIsRoutedOrRejectedWithANamedField() {
        qt().withExamples(4_000).forAll(REQUESTS).checkAssert(r -> answersWithoutThrowing(r.build()));
    }

    private static void answersWithoutThrowing(RoutingRequest request) {
        for (RoutingResult result : List.of(ROUTER.route(request), ROUTER.explain(request),
                ROUTER.routeAll(List.of(request)).get(0))) {
            if (result instanceof RoutingResult.Rejected rejected) {
                assertThat(rejected.violations()).isNotEmpty().allSatisfy(v -> assertThat(v.field()).isNotBlank());
            } else {
                assertThat(((RoutingResult.Routed) result).decision().routes())
                        .allSatisfy(route -> assertThat(route.rule()).isNotBlank());
            }
        }
    }

    @Test
    void nullIsTheOneDocumentedExceptionOfRouting() {
        RoutingRequest valid = Requests.participant().build();
        assertThatNullPointerException().isThrownBy(() -> ROUTER.route(null));
        assertThatNullPointerException().isThrownBy(() -> ROUTER.explain(null));
        assertThatNullPointerException().isThrownBy(() -> ROUTER.routeAll(null));
        assertThatNullPointerException().isThrownBy(() -> ROUTER.routeAll(Arrays.asList(valid, null)));
    }

    // 2. routeAll equals route mapped in order

    @Test
    void routeAllEqualsRouteOfEachInOrderForAnyList() {
        Gen<Integer> kinds = integers().between(0, 4);
        qt().withExamples(200).forAll(lists().of(REQUESTS).ofSizeBetween(0, 40), kinds).checkAssert((list, kind) -> {
            List<RoutingRequest> built = new ArrayList<>(list.stream().map(Requests::build).toList());
            if (!built.isEmpty()) {
                // the same request twice, the same instance, in one batch
                built.add(built.get(0));
            }
            List<RoutingRequest> requests = switch (kind) {
                case 0 -> List.copyOf(built);
                case 1 -> new LinkedList<>(built);
                case 2 -> Collections.unmodifiableList(built);
                case 3 -> Arrays.asList(built.toArray(RoutingRequest[]::new));
                default -> built.subList(0, built.size() / 2);
            };
            List<RoutingResult> all = ROUTER.routeAll(requests);
            assertThat(all).isEqualTo(requests.stream().map(ROUTER::route).toList());
        });
    }

    // 3. equal requests, equal decisions

    @Test
    void equalRequestsGetEqualDecisionsWhateverWasRoutedInBetween() {
        qt().withExamples(600).forAll(REQUESTS, lists().of(REQUESTS).ofSizeBetween(0, 6)).checkAssert((r, between) -> {
            RoutingRequest first = r.build();
            RoutingResult before = ROUTER.route(first);
            RoutingResult explainedBefore = ROUTER.explain(first);
            between.forEach(other -> {
                ROUTER.route(other.build());
                ROUTER.explain(other.build());
            });
            RoutingRequest second = respelled(first);
            assertThat(second).isEqualTo(first).isNotSameAs(first);
            assertThat(ROUTER.route(second)).isEqualTo(before);
            assertThat(ROUTER.explain(second)).isEqualTo(explainedBefore);
            if (before instanceof RoutingResult.Routed routed) {
                assertThat(((RoutingResult.Routed) explainedBefore).decision().routes())
                        .isEqualTo(routed.decision().routes());
            }
        });
    }

    /** The request built anew through the builder, spelled otherwise where the contract allows: equal, not the same. */
    private static RoutingRequest respelled(RoutingRequest request) {
        RoutingRequest.Builder b = RoutingRequest.builder()
                .asOf(request.asOf().toString())
                .importerNumber(request.account().importerNumber())
                .accountName(request.account().name())
                .entryNumber(request.entrySummary().entryNumber().replace("-", "").toLowerCase(Locale.ROOT))
                .entryType(request.entrySummary().entryType())
                .portOfEntry(request.entrySummary().portOfEntry())
                .entryDate(request.entrySummary().entryDate().toString());
        request.account().center().ifPresent(c -> b.center(c.teamCode()));
        request.account().participationStart().ifPresent(d -> b.participationStart(d.toString()));
        request.account().withdrawalEffective().ifPresent(d -> b.withdrawalEffective(d.toString()));
        request.entrySummary().lines().forEach(line -> b.line(Optional.of(line.hts().replace(".", "")),
                Optional.of(line.enteredValue().toString()), line.adcvdCase()));
        return b.build();
    }

    // 4. asOf changes the decision only at the timeline's dates

    /**
     * For a fixed account and entry, two dates with no date of the timeline or of the account in
     * {@code (from, to]} give the same jurisdiction and routes (or the same rejection).
     */
    @Test
    void theDecisionChangesWithAsOfOnlyAtTheTimelinesDates() {
        qt().withExamples(1_500).forAll(REQUESTS, integers().between(1, 2_000)).checkAssert((r, span) -> {
            RoutingRequest request = r.build();
            LocalDate from = request.asOf();
            LocalDate to = min(from.plusDays(span), LAST_DAY);
            LocalDate next = boundaries(request).higher(from);
            if (next == null || next.isAfter(to)) {
                assertThat(outcome(ROUTER.route(request.withAsOf(to))))
                        .as("no date of the timeline in (%s, %s]", from, to).isEqualTo(outcome(ROUTER.route(request)));
            }
        });
    }

    /** Accounts and entries whose routing the timeline moves; each is routed on every segment's edges. */
    static Stream<Arguments> templates() {
        return Stream.of(
                Arguments.of("participant, consumption", Requests.participant().participating("2011-10-20")
                        .filed("2011-10-20")),
                Arguments.of("participant, quota", Requests.participant().type("02").filed("2014-06-02")),
                Arguments.of("participant, FTZ", Requests.participant().type("06").participating("2012-01-03")
                        .filed("2012-01-03")),
                Arguments.of("participant, warehouse withdrawal", Requests.participant().type("31")),
                Arguments.of("withdrawn participant, AD/CVD line", Requests.participant().withdrawn("2016-01-15")
                        .filed("2015-06-01").adcvdCase("A-570-910")),
                Arguments.of("participant, TIB", Requests.participant().type("23")),
                Arguments.of("participant, Virgin Islands", Requests.participant().port("5101")),
                Arguments.of("assigned, steel at Chicago filed on the delegation's first day",
                        Requests.assigned(Center.BASE_METALS).port("3901").line("7208.51.0030", "300000")
                                .filed("2016-03-23")),
                Arguments.of("unassigned, electronics at Los Angeles filed before the delegation",
                        Requests.unassigned().filed("2015-12-15")),
                Arguments.of("unassigned, mixed entry at Los Angeles under the delegation",
                        Requests.unassigned().line("8471.30.0100", "10000").line("6110.20.2079", "90000")
                                .on("2016-06-01")),
                Arguments.of("assigned, filed on the Petroleum Center's opening",
                        Requests.assigned(Center.PETROLEUM_NATURAL_GAS_MINERALS).filed("2012-10-01")),
                Arguments.of("assigned, Puerto Rico", Requests.assigned(Center.BASE_METALS).port("4909").type("09")
                        .on("2018-01-02")),
                Arguments.of("assigned, drawback", Requests.assigned(Center.MACHINERY).type("45").filed("2013-05-01")),
                Arguments.of("unassigned", Requests.unassigned().filed("2011-01-03")));
    }

    /**
     * The hard dates as explicit examples: for each template, on each segment between two dates of
     * the timeline (or of the account) from its entry date to 2030, the first day, the day after,
     * the middle and the last day give the same decision.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void betweenTwoDatesOfTheTimelineTheDecisionStaysTheSame(String what, Requests template) {
        RoutingRequest request = template.build();
        List<LocalDate> edges = new ArrayList<>();
        edges.add(request.entrySummary().entryDate());
        edges.addAll(boundaries(request).tailSet(request.entrySummary().entryDate(), false));
        edges.add(LocalDate.of(2030, 1, 1));
        for (int i = 0; i + 1 < edges.size(); i++) {
            LocalDate start = edges.get(i);
            LocalDate last = edges.get(i + 1).minusDays(1);
            Object expected = outcome(ROUTER.route(request.withAsOf(start)));
            for (LocalDate day : List.of(start.plusDays(1),
                    start.plusDays((last.toEpochDay() - start.toEpochDay()) / 2), last)) {
                if (!day.isAfter(last)) {
                    assertThat(outcome(ROUTER.route(request.withAsOf(day)))).as("%s on %s, as on %s", what, day, start)
                            .isEqualTo(expected);
                }
            }
        }
    }

    /** And at the dates where the rule book moves the work, it does move. */
    @Test
    void atTheHardDatesTheDecisionChangesWhereTheRuleBookSaysSo() {
        assertChangesOn(Requests.participant().type("02").filed("2016-12-01"), "2017-01-19");
        assertChangesOn(Requests.participant().type("06").participating("2012-01-03").filed("2012-01-03"),
                "2014-03-10");
        assertChangesOn(Requests.participant().type("31").filed("2016-12-01"), "2017-01-19");
        assertChangesOn(Requests.participant().participating("2015-02-02").filed("2015-01-05"), "2015-02-02");
        assertChangesOn(Requests.participant().withdrawn("2016-01-15").filed("2015-06-01").adcvdCase("A-570-910"),
                "2016-01-15");
        assertChangesOn(Requests.assigned(Center.PETROLEUM_NATURAL_GAS_MINERALS).filed("2012-10-01"), "2017-01-19");
    }

    private static void assertChangesOn(Requests template, String date) {
        LocalDate day = LocalDate.parse(date);
        RoutingRequest request = template.asOf(date).build();
        assertThat(outcome(ROUTER.route(request)))
                .as("routed on %s and the day before", day)
                .isNotEqualTo(outcome(ROUTER.route(request.withAsOf(day.minusDays(1)))));
    }

    @Test
    void theTimelineOfThePropertyHoldsEveryDateOfTheReferenceData() {
        for (Center c : Center.values()) {
            ROUTER.ruleSet().data().opened(c).ifPresent(d -> assertThat(TIMELINE).as("%s opened", c).contains(d));
        }
    }

    private static TreeSet<LocalDate> boundaries(RoutingRequest request) {
        TreeSet<LocalDate> dates = new TreeSet<>(TIMELINE);
        request.account().participationStart().ifPresent(dates::add);
        request.account().withdrawalEffective().ifPresent(dates::add);
        return dates;
    }

    /** What must not change between two dates of the timeline: the jurisdiction and the routes, or the rejection. */
    private static Object outcome(RoutingResult result) {
        if (result instanceof RoutingResult.Routed routed) {
            return List.of(routed.decision().jurisdiction(), routed.decision().routes());
        }
        return result;
    }
}
