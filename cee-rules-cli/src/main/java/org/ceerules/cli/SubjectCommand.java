package org.ceerules.cli;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ceerules.api.Router;
import org.ceerules.api.SubjectAbbreviation;
import org.ceerules.json.ReadResult;
import org.ceerules.json.RequestStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import org.ceerules.json.Answers;

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
            console.diagnostic(Answers.unknownSubjectAbbreviation(abbreviation));
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
            // an invalid request is answered without building the knowledge base
            console.jsonLine(Answers.rejected(invalid.violations()));
            return ExitStatus.REJECTED;
        }
        Optional<Router> router = console.router(rules.directory());
        if (router.isEmpty()) {
            return ExitStatus.FAILED;
        }
        Answers.Answer answer = Answers.subject(router.get(), kind.get(), read.get());
        console.jsonLine(answer);
        return answer.isError() ? ExitStatus.REJECTED : ExitStatus.ROUTED;
    }
}
