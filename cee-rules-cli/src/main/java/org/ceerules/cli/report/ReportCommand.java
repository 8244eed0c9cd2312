package org.ceerules.cli.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ceerules.api.Router;
import org.ceerules.cli.Console;
import org.ceerules.cli.ExitStatus;
import org.ceerules.cli.RulesOption;
import org.ceerules.testkit.CaseReport;
import org.ceerules.testkit.CaseRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cee-rules report [--rules DIR] [--cases DIR] --out DIR}: writes a static HTML site of a
 * rule set, to read in a browser from the file system: the rules catalogue, the timelines, the HTS
 * scope by chapter, the bibliography and, with {@code --cases}, every case's outcome and the rule
 * coverage.
 *
 * <p>The only public type of this package: {@code org.ceerules.cli.Main} makes it. Mutable
 * (picocli sets its options); one instance per run.
 */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = org.ceerules.cli.VersionProvider.class,
        description = "Write a static HTML site of the rule set into DIR, to open in a browser from the file "
                + "system (no server, no script): index.html; rules.html, every rule by layer with its certainty, "
                + "citations, the data files it reads and the cases that fire it; timeline.html, every dated row "
                + "of the data files for the whole book and each Center; hts.html, the HTS scope by chapter, "
                + "confirmed rows apart from secondary and inferred ones; sources.html, the bibliography; with "
                + "--cases, cases.html, every case passed or failed with its differences and the rules no case "
                + "fires.",
        footer = {"%nDIR must be new, empty, or hold an earlier report (its pages are replaced).",
                "Exit status: 0 written (whether the cases passed or not: test-cases says that), 2 usage error, "
                        + "a knowledge base that fails to load, unreadable cases or a folder that cannot be written."})
public final class ReportCommand implements Callable<Integer> {

    @Mixin
    private RulesOption rules = new RulesOption();

    @Option(names = "--cases", paramLabel = "DIR",
            description = "Also run the cases in DIR (*.json, sub-folders included) and show their outcomes and "
                    + "the rules each made fire.")
    private Path cases;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "The folder to write the site into; created if absent.")
    private Path out;

    private final Console console;

    /**
     * @param console the streams and the router of the run
     */
    public ReportCommand(Console console) {
        this.console = console;
    }

    /**
     * The site of a router's rule set as files in memory, to serve rather than write (the decision
     * service's {@code /rules/}): the pages of {@code report} without cases, by file name.
     *
     * @param router         the router
     * @param rulesDirectory the folder its rule set was loaded from; empty for the embedded rules
     * @return the files by name ({@code index.html}, ..., {@code style.css}), each a text
     * @throws UncheckedIOException if the rule set's text cannot be read
     */
    public static Map<String, String> pages(Router router, Optional<Path> rulesDirectory) {
        try {
            RuleSetText text = rulesDirectory.isPresent() ? RuleSetText.directory(rulesDirectory.get())
                    : RuleSetText.embedded();
            return Map.copyOf(Site.pages(new Book(router, text, Optional.empty(), Optional.empty())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rule set: " + e.getMessage(), e);
        }
    }

    @Override
    public Integer call() {
        if (cases != null && !Files.isDirectory(cases)) {
            console.diagnostic("not a directory: " + cases);
            return ExitStatus.FAILED;
        }
        Optional<Router> router = console.router(rules.directory());
        if (router.isEmpty()) {
            return ExitStatus.FAILED;
        }
        RuleSetText text;
        try {
            text = rules.directory().isPresent() ? RuleSetText.directory(rules.directory().get())
                    : RuleSetText.embedded();
        } catch (IOException | UncheckedIOException e) {
            console.diagnostic("cannot read the rule set: " + Console.describe(e));
            return ExitStatus.FAILED;
        }
        Optional<CaseReport> report = Optional.empty();
        if (cases != null) {
            try {
                report = Optional.of(CaseRunner.run(cases, router.get()));
            } catch (IOException | UncheckedIOException e) {
                console.diagnostic("cannot read the cases in " + cases + ": " + Console.describe(e));
                return ExitStatus.FAILED;
            }
        }
        List<String> written;
        try {
            written = Site.write(out, new Book(router.get(), text, report, Optional.ofNullable(cases)));
        } catch (IOException | UncheckedIOException e) {
            // the folder's own checks say what is wrong in a sentence; other failures name their exception
            console.diagnostic("cannot write the report to " + out + ": " + (e.getClass() == IOException.class
                    ? e.getMessage() : Console.describe(e)));
            return ExitStatus.FAILED;
        }
        StringBuilder said = new StringBuilder(Console.PROGRAM + ": wrote " + written.size() + " files to " + out
                + " (open " + out.resolve("index.html") + ")");
        report.ifPresent(r -> said.append("; cases: ").append(r.passed()).append(" passed, ").append(r.failed())
                .append(" failed, ").append(r.rules().size() - r.neverFired().size()).append(" of ")
                .append(r.rules().size()).append(" rules fired"));
        console.err().println(said);
        return ExitStatus.ROUTED;
    }
}
