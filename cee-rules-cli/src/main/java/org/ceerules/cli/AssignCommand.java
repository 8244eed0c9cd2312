package org.ceerules.cli;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ceerules.api.AssignmentAdvice;
import org.ceerules.api.Center;
import org.ceerules.api.EntrySummary;
import org.ceerules.api.InvalidRequestException;
import org.ceerules.api.Router;
import org.ceerules.api.Violation;
import org.ceerules.json.JsonTree;
import org.ceerules.json.RequestStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import org.ceerules.json.JsonResultWriter;

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
                console.diagnostic("--center must be a Center's team code, 001 to 010, was " + JsonTree.write(center));
                return ExitStatus.FAILED;
            }
        }
        Optional<InputStream> opened = console.open(file);
        if (opened.isEmpty()) {
            return ExitStatus.FAILED;
        }
        List<EntrySummary> entrySummaries = new ArrayList<>();
        List<Violation> problems = new ArrayList<>();
        try (InputStream in = opened.get()) {
            RequestStream values = new RequestStream(in, Optional.empty());
            int index = 0;
            for (Optional<RequestStream.Unread> value = values.nextUnread(); value.isPresent();
                 value = values.nextUnread(), index++) {
                try {
                    entrySummaries.add(value.get().readEntrySummary());
                } catch (InvalidRequestException e) {
                    String at = "entrySummaries[" + index + "]";
                    for (Violation v : e.violations()) {
                        problems.add(new Violation(under(at, v.field()), v.message()));
                    }
                }
            }
        } catch (IOException e) {
            console.cannotRead(file, e);
            return ExitStatus.FAILED;
        }
        if (!problems.isEmpty()) {
            return print(JsonResultWriter.errorsTree(problems), ExitStatus.REJECTED);
        }
        Optional<Router> router = console.router(rules.directory());
        if (router.isEmpty()) {
            return ExitStatus.FAILED;
        }
        LocalDate date = asOf != null ? asOf : LocalDate.now(ZoneOffset.UTC);
        try {
            AssignmentAdvice advice = router.get().adviseAssignment(entrySummaries, date, current);
            return print(answer(advice, router.get().rulesVersion()), ExitStatus.ROUTED);
        } catch (InvalidRequestException e) {
            return print(JsonResultWriter.errorsTree(e.violations()), ExitStatus.REJECTED);
        }
    }

    private static final String ENTRY_SUMMARY = "entrySummary";

    /**
     * The path of a field of the value read at {@code at} ({@code entrySummaries[3]}): the
     * reader names the entry summary's fields as in a request ({@code entrySummary.lines[0].hts}),
     * other fields by their path from the value's root ({@code x}, {@code ["a b"]}), the value as
     * a whole {@code $}.
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

    private static Map<String, Object> answer(AssignmentAdvice advice, String rulesVersion) {
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
        line.put("appeal", advice.appeal().map(AssignCommand::appeal).orElse(null));
        line.put("rulesVersion", rulesVersion);
        return line;
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

    private int print(Map<String, Object> line, int status) {
        console.jsonLine(line);
        return status;
    }
}
