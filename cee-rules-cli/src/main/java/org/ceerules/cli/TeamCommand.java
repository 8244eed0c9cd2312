package org.ceerules.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ceerules.api.TeamNumber.Together;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import org.ceerules.json.Answers;

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
        for (Answers.Answer answer : Answers.team(numbers, together, Optional.ofNullable(asOf))) {
            allRead &= !answer.isError();
            console.jsonLine(answer);
        }
        return allRead ? ExitStatus.ROUTED : ExitStatus.REJECTED;
    }
}
