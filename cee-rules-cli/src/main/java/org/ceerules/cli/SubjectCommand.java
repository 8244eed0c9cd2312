package org.ceerules.cli;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.ceerules.api.Center;
import org.ceerules.api.Office;
import org.ceerules.api.Route;
import org.ceerules.api.Router;
import org.ceerules.api.RoutingDecision;
import org.ceerules.api.RoutingRequest;
import org.ceerules.api.RoutingResult;
import org.ceerules.api.SubjectAbbreviation;
import org.ceerules.api.Submission;
import org.ceerules.api.TradeFunction;
import org.ceerules.api.Violation;
import org.ceerules.json.JsonTree;
import org.ceerules.json.ReadResult;
import org.ceerules.json.RequestStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import org.ceerules.json.JsonResultWriter;

/**
 * {@code cee-rules subject [--as-of yyyy-MM-dd] [--rules DIR] ABBR [FILE|-]}: the e-mail subject
 * line and addresses for sending one request's documents of one kind to its Center.
 */
@Command(name = "subject", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "The e-mail addresses and subject line (CEE processing procedures, Subject Line Submission) for "
                + "sending one entry's documents of one kind to the Center that handles them: one JSON object.",
        footer = {"%nABBR is one of the procedures' subject abbreviations: DR docs required, CE census, PR protest, "
                + "CA cancellation, F28, F29, C DCMA or TSCA certificate, A AD/CVD, I general inquiry, PE PEA, "
                + "R reject, PD prior disclosure, 5D 520(d) claim.",
                "An abbreviation of a trade function's documents (F28: REQUEST_FOR_INFORMATION...) follows that "
                        + "function's route; the others (C, A, I) go to the Center with jurisdiction over the entry. "
                        + "Where that is not a Center, the output is an error object saying which office it is.",
                "Exit status: 0 a subject line made, 1 the request rejected or its documents not sent to a Center, "
                        + "2 usage error, unreadable input or a knowledge base that fails to load."})
final class SubjectCommand implements Callable<Integer> {

    @Option(names = "--as-of", paramLabel = "yyyy-MM-dd", converter = AsOfConverter.class,
            description = "Route on this date instead of the request's asOf.")
    private LocalDate asOf;

    @Mixin
    private RulesOption rules = new RulesOption();

    @Parameters(index = "0", paramLabel = "ABBR", description = "The subject abbreviation, such as F28.")
    private String abbreviation;

    @Parameters(index = "1", arity = "0..1", paramLabel = "FILE|-", defaultValue = Console.STDIN,
            description = "One request, pretty-printed or on one line; '-' or nothing for standard "
                    + "input.")
    private String file;

    private final Console console;

    SubjectCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        Optional<SubjectAbbreviation> kind = SubjectAbbreviation.of(abbreviation);
        if (kind.isEmpty()) {
            console.diagnostic("unknown subject abbreviation " + JsonTree.write(abbreviation) + ": one of "
                    + Arrays.stream(SubjectAbbreviation.values()).map(SubjectAbbreviation::abbreviation)
                    .collect(Collectors.joining(", ")));
            return ExitStatus.FAILED;
        }
        Optional<InputStream> opened = console.open(file);
        if (opened.isEmpty()) {
            return ExitStatus.FAILED;
        }
        Optional<ReadResult> read;
        try (InputStream in = opened.get()) {
            RequestStream requests = new RequestStream(in, Optional.ofNullable(asOf));
            read = requests.next();
            if (read.isPresent() && requests.nextUnread().isPresent()) {
                console.diagnostic("the input holds more than one request: give one");
                return ExitStatus.FAILED;
            }
        } catch (IOException e) {
            console.cannotRead(file, e);
            return ExitStatus.FAILED;
        }
        if (read.isEmpty()) {
            console.diagnostic("the input holds no request");
            return ExitStatus.FAILED;
        }
        if (read.get() instanceof ReadResult.Invalid invalid) {
            return print(JsonResultWriter.errorsTree(invalid.violations()), ExitStatus.REJECTED);
        }
        Optional<Router> router = console.router(rules.directory());
        if (router.isEmpty()) {
            return ExitStatus.FAILED;
        }
        RoutingRequest request = ((ReadResult.Request) read.get()).request();
        RoutingResult result = router.get().route(request);
        if (result instanceof RoutingResult.Rejected rejected) {
            return print(JsonResultWriter.errorsTree(rejected.violations()), ExitStatus.REJECTED);
        }
        RoutingDecision decision = ((RoutingResult.Routed) result).decision();
        return answer(kind.get(), request, decision);
    }

    private int answer(SubjectAbbreviation kind, RoutingRequest request, RoutingDecision decision) {
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
                return notToACenter(kind.abbreviation() + " (" + kind.document() + ") of entry " + decision.entryNumber() + " on "
                        + decision.asOf() + ": " + function.get() + " is handled by " + describe(route.office())
                        + " (rule \"" + rule + "\"), not by a Center: no subject line applies");
            }
        } else {
            rule = decision.jurisdiction().rule();
            authority = decision.jurisdiction().authority();
            if (decision.center().isEmpty()) {
                return notToACenter(kind.abbreviation() + " (" + kind.document() + ") of entry " + decision.entryNumber()
                        + " on " + decision.asOf() + ": no Center has jurisdiction over the entry (rule \"" + rule
                        + "\"); its documents go to the port of entry " + request.entrySummary().portOfEntry()
                        + ": no subject line applies");
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
        return print(line, ExitStatus.ROUTED);
    }

    private int notToACenter(String message) {
        return print(JsonResultWriter.errorsTree(List.of(new Violation("$", message))), ExitStatus.REJECTED);
    }

    private static String describe(Office office) {
        if (office instanceof Center center) {
            return "Center " + center.teamCode();
        }
        return office.type() + office.code().map(code -> " " + code).orElse("");
    }

    private int print(Map<String, Object> line, int status) {
        console.jsonLine(line);
        return status;
    }
}
