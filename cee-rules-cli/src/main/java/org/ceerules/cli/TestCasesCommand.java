package org.ceerules.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ceerules.api.KnowledgeBaseRule;
import org.ceerules.api.Router;
import org.ceerules.testkit.CaseReport;
import org.ceerules.testkit.CaseRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cee-rules test-cases [--rules DIR] [--require-coverage] [--junit-xml FILE] CASES}: runs a
 * folder of cases and prints each failing case with what differed, the rules no case made fire,
 * and a closing {@code N passed, N failed} line; with {@code --junit-xml}, also writes the run as
 * a JUnit XML report ({@link JUnitXml}), so that a CI server shows the cases as tests.
 */
@Command(name = "test-cases", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run a folder of cases (*.json, sub-folders included) against the rule set: each failing "
                + "case with what differed, the rules that fired for no case, then 'N passed, N failed'.",
        footer = {"%nThe case format is described in docs/maintaining-rules.md.",
                "With --junit-xml FILE, the run is also written as a JUnit XML report (the format of Maven "
                        + "Surefire): a test case per case, classname the cases folder's name and sub-folders, "
                        + "a failure per failing case with its differences, an error per malformed case file.",
                "Exit status: 0 every case passed (and, with --require-coverage, every rule fired), 1 otherwise, "
                        + "2 usage error, an unreadable folder, a knowledge base that fails to load or a JUnit XML "
                        + "report that cannot be written."})
final class TestCasesCommand implements Callable<Integer> {

    @Mixin
    private RulesOption rules = new RulesOption();

    @Option(names = "--require-coverage", description = "Fail when a rule of the knowledge base fired for no case.")
    private boolean requireCoverage;

    @Option(names = "--junit-xml", paramLabel = "FILE",
            description = "Also write the run as a JUnit XML report to FILE (its folder is created), for CI.")
    private Path junitXml;

    @Parameters(index = "0", paramLabel = "CASES", description = "The folder of the cases.")
    private Path cases;

    private final Console console;

    TestCasesCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        if (!Files.isDirectory(cases)) {
            console.diagnostic("not a directory: " + cases);
            return ExitStatus.FAILED;
        }
        Optional<Router> router = console.router(rules.directory());
        if (router.isEmpty()) {
            return ExitStatus.FAILED;
        }
        CaseReport report;
        long start = System.nanoTime();
        try {
            report = CaseRunner.run(cases, router.get());
        } catch (IOException e) {
            console.diagnostic("cannot read the cases in " + cases + ": " + Console.describe(e));
            return ExitStatus.FAILED;
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        var out = console.out();
        for (CaseReport.Outcome outcome : report.outcomes()) {
            if (!outcome.passed()) {
                out.println("FAIL " + outcome.name() + " (" + outcome.file() + ")");
                outcome.differences().forEach(d -> out.println("  " + d));
            }
        }
        List<KnowledgeBaseRule> never = report.neverFired();
        out.println("rule set " + report.rulesVersion() + ": " + (report.rules().size() - never.size()) + " of "
                + report.rules().size() + " rules fired for some case");
        if (!never.isEmpty() && report.firedRules().isEmpty()) {
            out.println("no rule fired: no case routes a request (lookups fire no rule)");
        } else if (!never.isEmpty()) {
            out.println("rules that fired for no case (" + never.size() + "):");
            never.forEach(r -> out.println("  " + r));
        }
        out.println(report.passed() + " passed, " + report.failed() + " failed");
        out.flush();
        if (junitXml != null) {
            try {
                JUnitXml.write(junitXml, cases, report, requireCoverage, elapsed);
            } catch (IOException | RuntimeException e) {
                console.diagnostic("cannot write the JUnit XML report " + junitXml + ": " + Console.describe(e));
                return ExitStatus.FAILED;
            }
        }
        boolean ok = report.failed() == 0 && (!requireCoverage || never.isEmpty());
        return ok ? ExitStatus.ROUTED : ExitStatus.REJECTED;
    }
}
