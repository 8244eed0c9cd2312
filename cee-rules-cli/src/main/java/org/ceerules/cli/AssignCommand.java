package org.ceerules.cli;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ceerules.api.Center;
import org.ceerules.api.Router;
import org.ceerules.json.RequestStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import org.ceerules.json.Answers;

/**
 * {@code cee-rules assign [--as-of yyyy-MM-dd] [--center CODE] [--rules DIR] [FILE|-]}: which
 * Center an importer's entry summaries point to, by lines and by value
 * ({@link Router#adviseAssignment}); one JSON object.
 */
@Command(name = "assign", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Which Center an importer's entry summaries point to: per Center, the share of lines (the "
                + "predominant number of goods, 81 FR 92978) and of entered value (the highest value, CBP's 2017 trade "
                + "symposium), the Center each measure picks, whether they agree and, with --center, whether an "
                + "appeal may be warranted. One JSON object.",
        footer = {"%nThe input is JSON Lines of entrySummary objects (as in a request), or of whole requests, whose "
                + "entrySummary is used; or one such object, pretty-printed. Each line counts for the Center whose "
                + "industry covers its tariff number on the date (data/hts-scope.csv); lines of chapters 98 and 99 "
                + "count for no Center. Lines whose scope row is only inferred are counted and shown as such.",
                "A tie on one measure is broken by the other; a tie on both picks no Center and names the tied ones.",
                "An invalid entry summary, no entry summary, or no line in any Center's industry yields an error "
                        + "object and no advice.",
                "Exit status: 0 advice given, 1 no advice (the error object says why), 2 usage error, unreadable "
                        + "input or a knowledge base that fails to load."})
final class AssignCommand implements Callable<Integer> {

    @Option(names = "--as-of", paramLabel = "yyyy-MM-dd", converter = AsOfConverter.class,
            description = "The date whose HTS scope to use; today (UTC) when absent.")
    private LocalDate asOf;

    @Option(names = "--center", paramLabel = "CODE",
            description = "The account's current Center (team code 001 to 010): the advice says whether an appeal "
                    + "may be warranted.")
    private String center;

    @Mixin
    private RulesOption rules = new RulesOption();

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|-", defaultValue = Console.STDIN,
            description = "The importer's entry summaries; '-' or nothing for standard input.")
    private String file;

    private final Console console;

    AssignCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        Optional<Center> current = Optional.empty();
        if (center != null) {
            current = Center.ofTeamCode(center);
            if (current.isEmpty()) {
                console.diagnostic("--center " + Answers.notACenter(center));
                return ExitStatus.FAILED;
            }
        }
        Optional<InputStream> opened = console.open(file);
        if (opened.isEmpty()) {
            return ExitStatus.FAILED;
        }
        Answers.EntrySummaries read;
        try (InputStream in = opened.get()) {
            read = Answers.readEntrySummaries(new RequestStream(in, Optional.empty()), Integer.MAX_VALUE);
        } catch (IOException e) {
            console.cannotRead(file, e);
            return ExitStatus.FAILED;
        }
        if (!read.problems().isEmpty()) {
            console.jsonLine(Answers.rejected(read.problems()));
            return ExitStatus.REJECTED;
        }
        Optional<Router> router = console.router(rules.directory());
        if (router.isEmpty()) {
            return ExitStatus.FAILED;
        }
        LocalDate date = asOf != null ? asOf : LocalDate.now(ZoneOffset.UTC);
        Answers.Answer answer = Answers.assign(router.get(), read.entrySummaries(), date, current);
        console.jsonLine(answer);
        return answer.isError() ? ExitStatus.REJECTED : ExitStatus.ROUTED;
    }
}
