package org.ceerules.examples.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ceerules.api.Center;
import org.ceerules.api.Certainty;
import org.ceerules.api.InvalidRequestException;
import org.ceerules.api.TeamNumber;
import org.ceerules.examples.cases.CaseCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cee-rules team [--together] NUMBER...}: which Center each CBP team number names (its
 * third character); one JSON line per number, in order, and with {@code --together} one more
 * line: the Center the numbers name together, if they all name the same one.
 */
@Command(name = "team", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Which Center a CBP team number, as printed on an entry summary, names: its third character "
                + "(1 to 9: teams 001 to 009; 0: Machinery, 010); a letter names a port's team. One JSON object "
                + "per number, in order.",
        footer = {"%nOne team number is evidence, not proof: port teams have no consistent third character. With "
                + "--together, a last line says whether the numbers (an account's entry summaries) all name the same "
                + "Center: CBP's sign that the account is assigned to it (not written when a number is invalid).",
                "A text that is not three letters or digits gets an error object in its place.",
                "Exit status: 0 every number read, 1 at least one invalid, 2 usage error."})
final class TeamCommand implements Callable<Integer> {

    @Option(names = "--together", description = "Also write whether the numbers all name the same Center.")
    private boolean together;

    @Parameters(arity = "1..*", paramLabel = "NUMBER", description = "Team numbers: three letters or digits.")
    private List<String> numbers;

    /** The reading of a team number that names no Center. */
    static final String PORT_TEAM = "our reading of the 2017 trade symposium recap (seed 000): a third character "
            + "that names no Center is a port's team";

    private final Console console;

    TeamCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        boolean allRead = true;
        List<TeamNumber> read = new ArrayList<>();
        for (String number : numbers) {
            Map<String, Object> line;
            try {
                TeamNumber teamNumber = TeamNumber.of(number);
                read.add(teamNumber);
                line = answer(teamNumber);
            } catch (InvalidRequestException e) {
                allRead = false;
                line = CaseCheck.errors(e.violations());
            }
            console.jsonLine(line);
        }
        if (together && allRead) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("teamNumbers", read.stream().map(TeamNumber::value).toList());
            Optional<Center> common = TeamNumber.commonCenter(read);
            line.put("center", common.map(Center::teamCode).orElse(null));
            line.put("industry", common.map(Center::industry).orElse(null));
            line.put("reading", common.isPresent()
                    ? "every team number names " + common.get().teamCode() + ": the account is assigned to it"
                    : "the team numbers do not all name the same Center: the account is not yet assigned, its entry "
                    + "summaries are reviewed by port teams");
            console.jsonLine(line);
        }
        return allRead ? ExitStatus.ROUTED : ExitStatus.REJECTED;
    }

    private static Map<String, Object> answer(TeamNumber teamNumber) {
        Map<String, Object> line = new LinkedHashMap<>();
        Optional<Center> center = teamNumber.center();
        line.put("teamNumber", teamNumber.value());
        line.put("center", center.map(Center::teamCode).orElse(null));
        line.put("industry", center.map(Center::industry).orElse(null));
        line.put("status", teamNumber.certainty().orElse(Certainty.INFERRED).label());
        line.put("source", teamNumber.source().orElse(PORT_TEAM));
        return line;
    }
}
