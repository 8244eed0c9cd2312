package org.ceerules.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ceerules.api.Center;
import org.ceerules.api.CenterId;
import org.ceerules.api.InvalidRequestException;
import org.ceerules.api.TeamNumber;
import org.ceerules.api.TeamNumber.Reading;
import org.ceerules.api.TeamNumber.Together;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import org.ceerules.json.JsonResultWriter;

/**
 * {@code cee-rules team [--together] [--as-of yyyy-MM-dd] NUMBER...}: which Center each CBP team
 * number names (its third character), or each ACE Center ID ({@code CEE001} to {@code CEE010},
 * {@code NOTELG}, {@code PNDING}); one JSON line per argument, in order, and with {@code
 * --together} one more line: what they say together of the account's Center ({@link Together}).
 *
 * <p>A team number's line: {@code teamNumber}, {@code center}, {@code industry}, {@code status},
 * {@code source} (bibliography ids, comma-separated), {@code asOf} when given, and {@code
 * reading}, the reading in plain words. A Center ID's line: {@code centerId}, {@code center},
 * {@code industry}, {@code assignment} ({@code ASSIGNED}, {@code NOT_ELIGIBLE} or {@code
 * PENDING}), {@code status}, {@code source}, {@code reading}. The together line: {@code
 * teamNumbers}, {@code centerIds}, {@code center} (the account's Center, or most likely Center),
 * {@code industry}, {@code assignment} ({@link Together.Assignment}), {@code status}, {@code
 * source}, {@code disagreeing} (the team numbers a Center ID overrules) and {@code reading}.
 */
@Command(name = "team", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Which Center a CBP team number, as printed on an entry summary, names: its third character "
                + "(1 to 9: teams 001 to 009; 0: Machinery, 010); a letter names a port's team. Also reads an "
                + "account's Center ID in ACE: CEE001 to CEE010 (the Center it is assigned to), NOTELG (not Center "
                + "eligible), PNDING (assignment pending). One JSON object per argument, in order.",
        footer = {"%nThe reading of team numbers was observed on numbers from 2015-2017 (customsnow-2017-06-07); "
                + "CBP updated the Centers' team codes in ACE on 2020-06-18 (csms-43089259, content not known). "
                + "With --as-of, the date of the entry summaries the numbers are printed on, a reading dated before "
                + "2015 or on or after 2020-06-18 is inferred; without it, the reading holds for numbers from "
                + "2015-2017.",
                "One team number is evidence, not an assignment: port teams have no consistent third character. "
                + "With --together, a last line says what the arguments (one account's) say of its Center: a Center "
                + "ID decides (ACE's record, cbp-center-id) and the team numbers saying otherwise are listed; "
                + "without one, several team numbers all naming one Center name the account's most likely Center "
                + "(CBP's advice), several that do not mean it is not yet assigned, and a single number is not "
                + "enough evidence. Not written when an argument is invalid.",
                "A text that is neither a team number (three letters or digits) nor a Center ID gets an error object "
                + "in its place.",
                "Exit status: 0 every argument read, 1 at least one invalid, 2 usage error."})
final class TeamCommand implements Callable<Integer> {

    @Option(names = "--together", description = "Also write what the arguments, one account's, say of its Center.")
    private boolean together;

    @Option(names = "--as-of", paramLabel = "yyyy-MM-dd", converter = AsOfConverter.class,
            description = "The date of the entry summaries the team numbers are printed on (not used for Center IDs).")
    private LocalDate asOf;

    @Parameters(arity = "1..*", paramLabel = "NUMBER",
            description = "Team numbers (three letters or digits) or Center IDs (CEE001 to CEE010, NOTELG, PNDING).")
    private List<String> numbers;

    private final Console console;

    TeamCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        boolean allRead = true;
        List<Reading> readings = new ArrayList<>();
        List<CenterId> centerIds = new ArrayList<>();
        for (String number : numbers) {
            Map<String, Object> line;
            try {
                if (looksLikeACenterId(number)) {
                    CenterId centerId = CenterId.of(number);
                    centerIds.add(centerId);
                    line = answer(centerId);
                } else {
                    TeamNumber teamNumber = TeamNumber.of(number);
                    Reading reading = asOf == null ? teamNumber.reading() : teamNumber.reading(asOf);
                    readings.add(reading);
                    line = answer(reading);
                }
            } catch (InvalidRequestException e) {
                allRead = false;
                line = JsonResultWriter.errorsTree(e.violations());
            }
            console.jsonLine(line);
        }
        if (together && allRead) {
            console.jsonLine(answer(TeamNumber.together(readings, centerIds)));
        }
        return allRead ? ExitStatus.ROUTED : ExitStatus.REJECTED;
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
}
