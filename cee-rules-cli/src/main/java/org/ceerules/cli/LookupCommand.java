package org.ceerules.cli;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ceerules.api.Center;
import org.ceerules.api.HtsNumber;
import org.ceerules.api.IndustryScope;
import org.ceerules.api.InvalidRequestException;
import org.ceerules.api.Router;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import org.ceerules.json.JsonResultWriter;

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
            Map<String, Object> line;
            try {
                HtsNumber hts = HtsNumber.of(number);
                Optional<IndustryScope> scope = router.get().industryScope(hts, date);
                allCovered &= scope.isPresent();
                line = answer(hts, date, scope, router.get().rulesVersion());
            } catch (InvalidRequestException e) {
                allCovered = false;
                line = JsonResultWriter.errorsTree(e.violations());
            }
            console.jsonLine(line);
        }
        return allCovered ? ExitStatus.ROUTED : ExitStatus.REJECTED;
    }

    private static Map<String, Object> answer(HtsNumber hts, LocalDate date, Optional<IndustryScope> scope,
                                              String rulesVersion) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("hts", hts.value());
        line.put("asOf", date.toString());
        Optional<Center> center = scope.flatMap(IndustryScope::center);
        line.put("center", center.map(Center::teamCode).orElse(null));
        line.put("industry", center.map(Center::industry).orElse(null));
        line.put("row", scope.map(LookupCommand::row).orElse(null));
        line.put("rulesVersion", rulesVersion);
        return line;
    }

    private static Map<String, Object> row(IndustryScope scope) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("file", scope.file());
        row.put("line", scope.line());
        row.put("range", scope.range());
        row.put("from", scope.effectiveFrom().toString());
        row.put("to", scope.effectiveUntil().map(LocalDate::toString).orElse(null));
        row.put("status", scope.certainty().label());
        row.put("source", scope.source());
        return row;
    }
}
