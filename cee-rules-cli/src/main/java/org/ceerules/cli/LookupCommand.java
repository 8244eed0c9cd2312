package org.ceerules.cli;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ceerules.api.Router;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import org.ceerules.json.Answers;

/**
 * {@code cee-rules lookup [--as-of yyyy-MM-dd] [--rules DIR] HTS...}: which Center's industry covers
 * each tariff number on a date, with the row of the scope data that says so; one JSON line per
 * number, in order.
 */
@Command(name = "lookup", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Which Center's industry covers each tariff number on a date (data/hts-scope.csv), with the "
                + "row and source that say so: one JSON object per number, in order.",
        footer = {"%nA number no row covers on the date has \"center\": null and \"row\": null. A number that is not "
                + "10 digits gets an error object in its place.",
                "Exit status: 0 every number covered by a row, 1 at least one not covered or invalid, 2 usage error "
                        + "or a knowledge base that fails to load."})
final class LookupCommand implements Callable<Integer> {

    @Option(names = "--as-of", paramLabel = "yyyy-MM-dd", converter = AsOfConverter.class,
            description = "The date to look up on; today (UTC) when absent.")
    private LocalDate asOf;

    @Mixin
    private RulesOption rules = new RulesOption();

    @Parameters(arity = "1..*", paramLabel = "HTS", description = "10-digit tariff numbers, dots optional.")
    private List<String> numbers;

    private final Console console;

    LookupCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        Optional<Router> router = console.router(rules.directory());
        if (router.isEmpty()) {
            return ExitStatus.FAILED;
        }
        LocalDate date = asOf != null ? asOf : LocalDate.now(ZoneOffset.UTC);
        boolean allCovered = true;
        for (String number : numbers) {
            Answers.Answer answer = Answers.lookup(router.get(), number, date);
            allCovered &= answer.outcome() == Answers.Outcome.ANSWERED;
            console.jsonLine(answer);
        }
        return allCovered ? ExitStatus.ROUTED : ExitStatus.REJECTED;
    }
}
