package org.ceerules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ceerules.testing.CaseFolders;
import org.ceerules.api.Center;
import org.ceerules.api.Routers;
import org.ceerules.api.TradeFunction;
import org.ceerules.json.JsonTree;
import org.ceerules.testing.Requests;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line through {@link Main#run}, with the real default router. */
class MainTest {

    static final Path SAMPLES = CaseFolders.samples();

    private static final String A = Requests.VALID;
    private static final String B = Requests.change(A, "entrySummary.entryNumber", "345-6789020-6");
    private static final String C = Requests.change(A, "entrySummary.entryNumber", "345-6789038-8");
    private static final String BAD_PORT = Requests.change(A, "entrySummary.portOfEntry", "27A4");

    private static final String[] FUNCTIONS = Arrays.stream(TradeFunction.values()).map(Enum::name)
            .toArray(String[]::new);

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> routes(Map<String, Object> decision) {
        return (List<Map<String, Object>>) decision.get("routes");
    }

    @SuppressWarnings("unchecked")
    static List<String> errorFields(Map<String, Object> line) {
        return ((List<Map<String, Object>>) line.get("errors")).stream().map(e -> (String) e.get("field")).toList();
    }

    @Nested
    class Route {

        @Test
        void aPrettyPrintedFileIsOneRequestAndOneLine() {
            CliRun run = CliRun.run("", "route", SAMPLES.resolve("participant-consumption.json").toString());

            assertThat(run.status()).isZero();
            assertThat(run.lines()).singleElement().satisfies(decision -> {
                assertThat(decision).containsEntry("entryNumber", "345-6789012-3").containsEntry("asOf", "2016-05-02")
                        .containsEntry("center", "007").containsKeys("jurisdiction", "rulesVersion");
                assertThat(decision.get("rulesVersion")).isEqualTo(Routers.defaultRouter().rulesVersion());
                assertThat(routes(decision)).extracting(r -> r.get("function")).containsExactly((Object[]) FUNCTIONS);
                assertThat(routes(decision)).allSatisfy(route -> {
                    assertThat(route).containsKeys("office", "alternatives", "rule", "authority")
                            .doesNotContainKey("firedRules");
                    assertThat((String) route.get("rule")).isNotBlank();
                    assertThat((String) route.get("authority")).isNotBlank();
                });
            });
        }

        @Test
        void standardInputIsReadWithADashOrWithoutAFile() {
            String input = A + "\n" + B + "\n";
            CliRun dash = CliRun.run(input, "route", "-");
            CliRun none = CliRun.run(input, "route");

            assertThat(dash.status()).isZero();
            assertThat(dash.lines()).extracting(l -> l.get("entryNumber")).containsExactly("345-6789012-3", "345-6789020-6");
            assertThat(none.out()).isEqualTo(dash.out());
        }

        @Test
        void oneLinePerRequestInOrderWithARejectedRequestsErrorsInPlace() {
            CliRun run = CliRun.run(A + "\n" + BAD_PORT + "\nnot JSON\n\n" + B + "\n   \n" + C + "\n", "route");

            assertThat(run.status()).isEqualTo(1);
            List<Map<String, Object>> lines = run.lines();
            assertThat(lines).hasSize(5);
            assertThat(lines.get(0)).containsEntry("entryNumber", "345-6789012-3");
            assertThat(lines.get(1)).containsOnlyKeys("errors");
            assertThat(errorFields(lines.get(1))).containsExactly("entrySummary.portOfEntry");
            assertThat(errorFields(lines.get(2))).containsExactly("$");
            assertThat(lines.get(3)).containsEntry("entryNumber", "345-6789020-6");
            assertThat(lines.get(4)).containsEntry("entryNumber", "345-6789038-8");
        }

        @Test
        void theBatchSampleHasOneLinePerRequest() throws IOException {
            Path batch = SAMPLES.resolve("batch.jsonl");
            long requests = Files.readAllLines(batch, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).count();

            CliRun run = CliRun.run("", "route", batch.toString());

            assertThat(run.status()).isEqualTo(1);
            List<Map<String, Object>> lines = run.lines();
            assertThat(lines).hasSize((int) requests).hasSizeBetween(6, 10);
            assertThat(lines).filteredOn(l -> l.containsKey("errors")).hasSize(2);
            assertThat(lines).filteredOn(l -> l.containsKey("errors")).last()
                    .satisfies(l -> assertThat(errorFields(l)).containsExactly("$"));
            assertThat(lines).filteredOn(l -> l.containsKey("routes")).hasSize((int) requests - 2);
        }

        @Test
        void everyRoutedInputExitsZero() {
            assertThat(CliRun.run(A + "\n" + B + "\n", "route").status()).isZero();
        }

        @Test
        void anEmptyInputIsNoRequestsAndExitsZero() {
            CliRun run = CliRun.run("\n\n", "route");
            assertThat(run.status()).isZero();
            assertThat(run.out()).isEmpty();
        }

        @Test
        void aRequestTheRouterRejectsIsAnErrorInPlace() {
            // a participation that starts before its Center opened: well-formed, but the reference data refuses it
            String early = Requests.change(A, "account.participationStart", "2010-01-04");
            CliRun run = CliRun.run(early + "\n" + A + "\n", "route");

            assertThat(run.status()).isEqualTo(1);
            assertThat(run.lines()).hasSize(2);
            assertThat(errorFields(run.lines().get(0))).containsExactly("account.participationStart");
            assertThat(run.lines().get(1)).containsEntry("entryNumber", "345-6789012-3");
        }
    }

    @Nested
    class AsOf {

        @Test
        void overridesEveryRequestsAsOf() {
            CliRun run = CliRun.run(A + "\n" + B + "\n", "route", "--as-of", "2018-03-01");

            assertThat(run.status()).isZero();
            assertThat(run.lines()).extracting(l -> l.get("asOf")).containsExactly("2018-03-01", "2018-03-01");
        }

        @Test
        void changesTheRoutingWithTheDate() {
            // the sample account withdrew on 2017-01-01; in the regulatory regime (2018) its Center still has it
            String plain = CliRun.run(A + "\n", "route").lines().get(0).get("asOf").toString();
            assertThat(plain).isEqualTo("2016-05-02");
            assertThat(CliRun.run(A + "\n", "route", "--as-of=2018-03-01").lines().get(0))
                    .containsEntry("asOf", "2018-03-01").containsEntry("center", "007");
        }

        @Test
        void anOverrideBeforeTheEntryDateIsReportedWithEveryOtherProblem() {
            CliRun run = CliRun.run(BAD_PORT + "\n" + A + "\n", "route", "--as-of", "2016-01-04");

            assertThat(run.status()).isEqualTo(1);
            assertThat(run.lines()).hasSize(2);
            assertThat(errorFields(run.lines().get(0))).containsExactlyInAnyOrder("asOf", "entrySummary.portOfEntry");
            assertThat(errorFields(run.lines().get(1))).containsExactly("asOf");
        }

        @ParameterizedTest
        @ValueSource(strings = {"2016-13-01", "2016-02-30", "02/05/2016", "20160502", "yesterday", ""})
        void aMalformedDateIsAUsageError(String date) {
            CliRun run = CliRun.run(A + "\n", "route", "--as-of", date);

            assertThat(run.status()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains("--as-of");
        }
    }

    @Nested
    class Explain {

        @Test
        void addsTheFiredRulesAtTheTopAndInEachRoute() {
            CliRun run = CliRun.run(A + "\n", "explain");

            assertThat(run.status()).isZero();
            Map<String, Object> explanation = run.lines().get(0);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> fired = (List<Map<String, Object>>) explanation.get("firedRules");
            assertThat(fired).isNotEmpty().allSatisfy(rule -> {
                assertThat(rule).containsOnlyKeys("rule", "authority", "functions");
                assertThat((String) rule.get("rule")).isNotBlank();
                assertThat((List<?>) rule.get("functions")).allMatch(f -> Arrays.asList(FUNCTIONS).contains(f));
            });
            for (Map<String, Object> route : routes(explanation)) {
                List<String> expected = new ArrayList<>();
                for (Map<String, Object> rule : fired) {
                    if (((List<?>) rule.get("functions")).contains(route.get("function"))) {
                        expected.add((String) rule.get("rule"));
                    }
                }
                assertThat(route.get("firedRules")).as("firedRules of %s", route.get("function")).isEqualTo(expected);
            }
            assertThat(routes(explanation)).anySatisfy(route -> assertThat((List<?>) route.get("firedRules")).isNotEmpty());
        }

        @Test
        void routesLikeRoute() {
            String input = A + "\n" + B + "\n" + BAD_PORT + "\n";
            CliRun route = CliRun.run(input, "route");
            CliRun explain = CliRun.run(input, "explain", "--as-of", "2016-05-02");

            assertThat(explain.status()).isEqualTo(route.status()).isEqualTo(1);
            assertThat(explain.lines()).hasSameSizeAs(route.lines());
            for (int i = 0; i < route.lines().size(); i++) {
                Map<String, Object> explained = new java.util.LinkedHashMap<>(explain.lines().get(i));
                explained.remove("firedRules");
                if (explained.containsKey("routes")) {
                    assertThat(explained).containsKey("sources");
                    assertTheSourcesAreThoseCited(explained);
                    explained.remove("sources");
                    routes(explained).forEach(r -> r.remove("firedRules"));
                } else {
                    assertThat(explained).doesNotContainKey("sources");
                }
                assertThat(explained).isEqualTo(route.lines().get(i));
            }
        }

        /**
         * An explanation's sources are, in full and ordered by id, exactly the sources its
         * jurisdiction and routes cite.
         */
        @SuppressWarnings("unchecked")
        private void assertTheSourcesAreThoseCited(Map<String, Object> explanation) {
            java.util.SortedSet<String> cited = new java.util.TreeSet<>();
            List<Map<String, Object>> withCitations = new ArrayList<>(routes(explanation));
            withCitations.add((Map<String, Object>) explanation.get("jurisdiction"));
            for (Map<String, Object> citing : withCitations) {
                assertThat(citing.get("certainty")).isIn("confirmed", "secondary", "inferred");
                for (Map<String, Object> citation : (List<Map<String, Object>>) citing.get("citations")) {
                    cited.add((String) citation.get("source"));
                }
            }
            List<Map<String, Object>> sources = (List<Map<String, Object>>) explanation.get("sources");
            assertThat(cited).isNotEmpty();
            assertThat(sources).extracting(source -> source.get("id")).containsExactlyElementsOf(cited);
            assertThat(sources).allSatisfy(source -> {
                assertThat(source).containsOnlyKeys("id", "title", "issuer", "date", "citation", "url", "kind");
                assertThat((String) source.get("url")).startsWith("https://");
                assertThat(source.get("kind")).isIn("official", "secondary");
            });
        }
    }

    @Nested
    class Sources {

        @Test
        void listsTheBibliographyOneSourcePerLineOrderedById() {
            CliRun run = CliRun.run("", "sources");

            assertThat(run.status()).isZero();
            List<Map<String, Object>> lines = run.lines();
            assertThat(lines).hasSize(Routers.defaultRouter().sources().size()).isNotEmpty();
            assertThat(lines).extracting(l -> (String) l.get("id")).isSorted()
                    .containsExactlyElementsOf(Routers.defaultRouter().sources().stream()
                            .map(org.ceerules.api.Source::id).toList())
                    .contains("tpd-2013", "csms-49358330", "19-cfr-174.26");
            assertThat(lines).allSatisfy(l -> {
                assertThat(l).containsOnlyKeys("id", "title", "issuer", "date", "citation", "url", "kind");
                assertThat((String) l.get("url")).startsWith("https://");
                assertThat(l.get("kind")).isIn("official", "secondary");
            });
        }

        @Test
        void everyCitationOfADecisionNamesOneOfThem() {
            java.util.Set<Object> ids = new java.util.HashSet<>(
                    CliRun.run("", "sources").lines().stream().map(l -> l.get("id")).toList());
            Map<String, Object> decision = CliRun.run("", "route", SAMPLES.resolve("participant-consumption.json").toString())
                    .lines().get(0);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> routes = (List<Map<String, Object>>) decision.get("routes");
            assertThat(routes).allSatisfy(route -> {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> citations = (List<Map<String, Object>>) route.get("citations");
                assertThat(citations).isNotEmpty().allSatisfy(c -> assertThat(ids).contains(c.get("source")));
                assertThat(route.get("certainty")).isIn("confirmed", "secondary", "inferred");
            });
        }
    }

    @Nested
    class Centers {

        @Test
        void listsTheTenCentersWithTheirReferenceData() {
            CliRun run = CliRun.run("", "centers");

            assertThat(run.status()).isZero();
            List<Map<String, Object>> lines = run.lines();
            assertThat(lines).hasSize(10);
            assertThat(lines).extracting(l -> l.get("teamCode"))
                    .containsExactly("001", "002", "003", "004", "005", "006", "007", "008", "009", "010");
            assertThat(lines).extracting(l -> l.get("name"))
                    .containsExactly(Arrays.stream(Center.values()).map(Enum::name).toArray());
            assertThat(lines).allSatisfy(l -> {
                assertThat(l).containsOnlyKeys("teamCode", "name", "industry", "headquarters", "emailAddresses",
                        "source", "opened", "rulesVersion");
                assertThat((List<?>) l.get("emailAddresses")).isNotEmpty();
                assertThat(List.<Object>copyOf(((Map<?, ?>) l.get("opened")).keySet())).containsExactly("date", "citations", "certainty");
                assertThat(l.get("rulesVersion")).isEqualTo(Routers.defaultRouter().rulesVersion());
            });
            assertThat(lines.get(6)).containsEntry("industry", "Electronics").containsEntry("headquarters", "Los Angeles")
                    .containsEntry("opened", Map.of("date", "2011-10-20", "certainty", "confirmed",
                            "citations", List.of(Map.of("source", "cbp-pr-2011-10-20"))));
        }

        @Test
        void takesNoArguments() {
            CliRun run = CliRun.run("", "centers", "extra");
            assertThat(run.status()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
        }
    }

    @Nested
    class UsageErrors {

        @ParameterizedTest
        @ValueSource(strings = {"", "frobnicate", "route --verbose", "route a.json b.json", "explain --as-of",
                "centers --as-of 2016-05-02"})
        void exitTwoWithNothingOnStandardOutput(String args) {
            CliRun run = CliRun.run(A + "\n", args.isEmpty() ? new String[0] : args.split(" "));

            assertThat(run.status()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).isNotBlank();
        }

        /**
         * A date of {@code --as-of} out of the range of a request's dates is a usage error of every
         * command that takes it, naming the option and the range; before, {@code lookup}, {@code
         * team} and {@code assign} answered for year 1066 or 2500 and {@code route} rejected every request.
         */
        @ParameterizedTest
        @CsvSource({"route, 1899-12-31", "explain, 2200-01-01", "lookup, 1066-10-14", "team, 2500-01-01",
                "assign, 0001-01-01", "subject, 9999-12-31"})
        void anAsOfOutOfTheRangeOfARequestsDatesIsAUsageError(String command, String date) {
            List<String> args = new ArrayList<>(List.of(command, "--as-of", date));
            args.addAll(switch (command) {
                case "lookup" -> List.of("8517.62.0090");
                case "team" -> List.of("CE4");
                case "subject" -> List.of("DR");
                default -> List.of();
            });

            CliRun run = CliRun.run(A + "\n", args.toArray(String[]::new));

            assertThat(run.status()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains("Invalid value for option '--as-of': must be on or after 1900-01-01 and "
                    + "before 2200-01-01, was '" + date + "'");
        }

        @Test
        void theFirstAndLastDatesOfTheRangeAreAccepted() {
            assertThat(CliRun.run(A + "\n", "route", "--as-of", "2199-12-31").status()).isEqualTo(ExitStatus.ROUTED);
            // no row of the scopes covers 1900: the answer is null, but an answer (exit 1, not a usage error)
            CliRun first = CliRun.run("", "lookup", "--as-of", "1900-01-01", "8517.62.0090");
            assertThat(first.status()).isNotEqualTo(2);
            assertThat(first.lines()).singleElement().satisfies(l -> assertThat(l).containsEntry("asOf", "1900-01-01"));
        }

        @Test
        void aMissingFileIsReportedOnStandardError(@TempDir Path dir) {
            CliRun run = CliRun.run("", "route", dir.resolve("absent.jsonl").toString());

            assertThat(run.status()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains("absent.jsonl").contains("no such file");
        }

        @Test
        void aDirectoryIsNotAnInput(@TempDir Path dir) {
            CliRun run = CliRun.run("", "route", dir.toString());
            assertThat(run.status()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"--help", "route --help", "explain -h", "centers --help", "--version"})
        void helpGoesToStandardErrorSoThatStandardOutputStaysJson(String args) {
            CliRun run = CliRun.run("", args.split(" "));

            assertThat(run.status()).isZero();
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains("cee-rules");
        }
    }

    @Nested
    class HelpAndCompletion {

        @ParameterizedTest
        @ValueSource(strings = {"help", "help route", "help generate-completion", "generate-completion --help",
                "generate-completion --version"})
        void helpGoesToStandardError(String args) {
            CliRun run = CliRun.run("", args.split(" "));

            assertThat(run.status()).isZero();
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains("cee-rules");
        }

        @Test
        void helpOfACommandIsItsUsage() {
            assertThat(CliRun.run("", "help", "route").err()).isEqualTo(CliRun.run("", "route", "--help").err());
        }

        @Test
        void helpOfAnUnknownCommandIsAUsageError() {
            CliRun run = CliRun.run("", "help", "rout");

            assertThat(run.status()).isEqualTo(2);
            assertThat(run.err()).contains("rout");
        }

        @Test
        void theCompletionScriptGoesToStandardOutputAndKnowsEveryCommand() {
            CliRun run = CliRun.run("", "generate-completion");

            assertThat(run.status()).isZero();
            assertThat(run.err()).isEmpty();
            assertThat(run.out()).startsWith("#!/usr/bin/env bash").endsWith("\n")
                    .contains("complete -F _complete_cee-rules", "--as-of", "--rules")
                    .doesNotContain("\r");
            for (String command : Main.spec().subcommands().keySet()) {
                assertThat(run.out()).as("completes %s", command).contains(command);
            }
        }

        @Test
        void withoutACommandTheUsageErrorNamesThemAll() {
            CliRun run = CliRun.run("");

            assertThat(run.status()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains("Missing a command: route, explain, ", " help or generate-completion");
        }

        @Test
        void theModelForDocumentationHoldsEveryCommand() {
            assertThat(Main.spec().subcommands().keySet()).contains("route", "explain", "centers", "sources", "lookup",
                    "check", "test-cases", "export-rules", "subject", "team", "assign", "help", "generate-completion");
        }
    }

    @Test
    void aFileWithAByteOrderMarkAndWindowsLineEndingsIsRead(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("requests.jsonl");
        Files.write(file, ("\uFEFF" + A + "\r\n" + B + "\r\n").getBytes(StandardCharsets.UTF_8));

        CliRun run = CliRun.run("", "route", file.toString());

        assertThat(run.status()).isZero();
        assertThat(run.lines()).hasSize(2);
    }

    @Test
    void malformedUtf8IsReportedForItsLineOnly(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("requests.jsonl");
        byte[] bad = {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}', '\n'};
        byte[] good = (A + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] both = new byte[bad.length + good.length];
        System.arraycopy(bad, 0, both, 0, bad.length);
        System.arraycopy(good, 0, both, bad.length, good.length);
        Files.write(file, both);

        CliRun run = CliRun.run("", "route", file.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.lines()).hasSize(2);
        assertThat(run.lines().get(1)).containsEntry("entryNumber", "345-6789012-3");
    }

    @Test
    void theOutputIsValidUtf8JsonEvenForUnusualInput() {
        String unusual = Requests.change(A, "account.name", "Société Générale \u2028 \"quoted\" 日本");
        CliRun run = CliRun.run(unusual + "\n" + Requests.with("account.ñ", "1") + "\n", "route");

        assertThat(run.lines()).hasSize(2);
        assertThat(errorFields(run.lines().get(1))).containsExactly("account[\"ñ\"]");
        assertThat(JsonTree.write(run.lines().get(1))).contains("ñ");
    }
}
