package org.ceerules.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.ceerules.json.JsonTree;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The download as a user gets it: {@code target/cee-rules-<version>.tar.gz} unpacked with {@code tar}
 * into a folder of its own, its launcher run from another folder, through a symbolic link, in an
 * environment holding nothing but {@code JAVA_HOME}, {@code HOME} and a {@code PATH} of the few
 * tools a POSIX shell script uses (no {@code java} there: the launcher must find it through
 * {@code JAVA_HOME}). Run by maven-failsafe-plugin in {@code mvn verify}, after {@code package} made
 * the archives.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "runs the POSIX launcher and tar")
class DistributionIT {

    private static final Path TAR = Path.of(System.getProperty("cee.dist.tar", "target/cee-rules-dist.tar.gz"));
    private static final String NAME = System.getProperty("cee.dist.name", "cee-rules");
    private static final String VERSION = NAME.substring("cee-rules-".length());
    private static final long TIMEOUT_SECONDS = 300;
    /** What the launchers may call, besides sh itself; java is deliberately not among them. */
    private static final List<String> TOOLS = List.of("dirname", "readlink", "ls", "cksum", "mkdir", "mv", "rm", "sed",
            "find");

    @TempDir
    static Path root;
    private static Path home;

    private record Result(int status, String out, String err) {
        List<Map<String, Object>> lines() {
            return JsonTree.lines(out);
        }
    }

    @BeforeAll
    static void unpack() throws Exception {
        assertThat(TAR).as("the distribution; run mvn package first").isRegularFile();
        Path unpacked = Files.createDirectory(root.resolve("unpacked dir"));
        Process tar = new ProcessBuilder("tar", "xzf", TAR.toAbsolutePath().toString(), "-C", unpacked.toString())
                .redirectErrorStream(true).start();
        assertThat(tar.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(tar.exitValue()).as(new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        home = unpacked.resolve(NAME);
        // the tools of the launchers' PATH, copied (JUnit would warn of links out of its folder)
        Path tools = Files.createDirectory(root.resolve("tools"));
        for (String tool : TOOLS) {
            Optional<Path> found = Stream.of("/usr/bin", "/bin").map(dir -> Path.of(dir, tool))
                    .filter(Files::isExecutable).findFirst();
            if (found.isPresent()) {
                Files.copy(found.get(), tools.resolve(tool), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        Files.createDirectory(root.resolve("work"));
        Files.createDirectory(root.resolve("user home"));
        // a link to the launcher in a folder of its own, as a user puts one on the PATH
        Files.createDirectory(root.resolve("links"));
        Files.createSymbolicLink(root.resolve("links/cee-rules"), home.resolve("bin/cee-rules"));
    }

    /**
     * Runs a launcher with {@code args}, from the folder {@code work}, in the clean environment plus
     * {@code env}, standard input from /dev/null.
     */
    private static Result run(Path launcher, Map<String, String> env, String... args) throws Exception {
        return run(launcher, env, ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()), args);
    }

    private static Result run(Path launcher, Map<String, String> env, ProcessBuilder.Redirect in, String... args)
            throws Exception {
        ProcessBuilder builder = builder(launcher, env, args);
        List<String> command = builder.command();
        Path out = Files.createTempFile(root, "out", ".txt");
        Path err = Files.createTempFile(root, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(in).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** A launcher's process, not started: from the folder {@code work}, in the clean environment plus {@code env}. */
    private static ProcessBuilder builder(Path launcher, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.resolve("work").toFile());
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.put("PATH", root.resolve("tools").toString());
        environment.put("HOME", root.resolve("user home").toString());
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.put("LANG", "C.UTF-8");
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (e.getValue() == null) {
                environment.remove(e.getKey());
            } else {
                environment.put(e.getKey(), e.getValue());
            }
        }
        return builder;
    }

    private static Result cli(String... args) throws Exception {
        return run(root.resolve("links/cee-rules"), Map.of(), args);
    }

    private static List<Path> archives() throws IOException {
        Path cache = root.resolve("user home/.cache/cee-rules");
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(f -> f.toString().endsWith(".jsa")).toList();
        }
    }

    @Test
    void routesTheSampleThroughALinkFromAnotherFolderAndStartsFromItsClassDataArchiveTheSecondTime() throws Exception {
        String sample = home.resolve("samples/participant-consumption.json").toString();

        Result first = cli("route", sample);

        assertThat(first.status()).as(first.err()).isZero();
        assertThat(first.err()).isEmpty();
        assertThat(first.lines()).singleElement().satisfies(d -> assertThat(d).containsEntry("center", "007"));
        // the first run made the class-data archive of this Java and this installation, in the user's cache
        assertThat(archives()).singleElement().satisfies(a -> assertThat(a.getFileName().toString())
                .startsWith("cee-rules-" + VERSION + "-java-"));

        Result second = cli("route", sample);

        assertThat(second).isEqualTo(first);
        assertThat(archives()).hasSize(1);
    }

    @Test
    void servesFromTheDownloadTheSameBytesAsItsCommandLineAndStopsOnSigterm() throws Exception {
        String sample = home.resolve("samples/participant-consumption.json").toString();
        Process serve = builder(root.resolve("links/cee-rules"), Map.of(), "serve", "--port", "0")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        List<String> said = new ArrayList<>();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(serve.getErrorStream(),
                StandardCharsets.UTF_8))) {
            URI uri = null;
            while (uri == null) {
                String line = err.readLine();
                if (line == null) {
                    break;
                }
                said.add(line);
                if (line.startsWith("listening on http://127.0.0.1:")) {
                    uri = URI.create(line.substring("listening on ".length()));
                }
            }
            assertThat(uri).as("serve said: %s", said).isNotNull();
            try {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                HttpResponse<String> ready;
                do {
                    ready = client.send(HttpRequest.newBuilder(uri.resolve("readyz")).build(),
                            HttpResponse.BodyHandlers.ofString());
                } while (ready.statusCode() == 503 && ready.body().contains("starting"));
                assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
                HttpResponse<String> routed = client.send(HttpRequest.newBuilder(uri.resolve("v1/route"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofFile(Path.of(sample))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(routed.statusCode()).isEqualTo(200);
                assertThat(routed.body()).isEqualTo(cli("route", sample).out());
                HttpResponse<String> rules = client.send(HttpRequest.newBuilder(uri.resolve("rules/rules.html")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(rules.statusCode()).isEqualTo(200);
                assertThat(rules.body()).contains("<title>Rules catalogue");
            } finally {
                assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(serve.pid())).start().waitFor()).isZero();
            }
            for (String line = err.readLine(); line != null; line = err.readLine()) {
                said.add(line);
            }
        }
        assertThat(serve.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(serve.exitValue()).as("exit status after SIGTERM: %s", said).isZero();
        assertThat(said).contains("cee-rules: stopped").noneMatch(line -> line.contains("Exception"));
    }

    @Test
    void passesItsArgumentsOnUnchanged() throws Exception {
        Path folder = Files.createDirectories(root.resolve("work/a folder with 'quotes' and *"));
        Path request = Files.copy(home.resolve("samples/participant-consumption.json"), folder.resolve("one request.json"));

        Result result = cli("route", "--as-of", "2016-06-01", root.resolve("work").relativize(request).toString());

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.lines()).singleElement().satisfies(d -> assertThat(d).containsEntry("asOf", "2016-06-01"));
    }

    @Test
    void printsItsVersionOnStandardError() throws Exception {
        Result result = cli("--version");

        assertThat(result.status()).isZero();
        assertThat(result.out()).isEmpty();
        assertThat(result.err().strip()).isEqualTo("cee-rules " + VERSION);
    }

    @Test
    void generatesTheCompletionScriptThatItShips() throws Exception {
        Result result = cli("generate-completion");

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).startsWith("#!/usr/bin/env bash").contains("complete -F _complete_cee-rules");
        assertThat(result.out()).isEqualTo(Files.readString(home.resolve("completion/cee-rules.bash")));
    }

    @Test
    void aUsageErrorIsTheProgramsStatus() throws Exception {
        Result result = cli("route", "--as-of", "tomorrow");

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("tomorrow");
    }

    @Test
    void theStreamingRouterStartsFromItsLauncher() throws Exception {
        Result result = run(home.resolve("bin/cee-rules-streams"), Map.of(), "--version");

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.err().strip()).isEqualTo("cee-rules " + VERSION);
    }

    @Test
    void withoutJavaItSaysSoAndExitsTwo() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("JAVA_HOME", null);

        Result result = run(root.resolve("links/cee-rules"), env, "--version");

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("cee-rules: Java was not found").contains("17 or later");
    }

    @Test
    void aJavaHomeWithoutJavaIsNamed() throws Exception {
        Path empty = Files.createDirectories(root.resolve("no java"));

        Result result = run(root.resolve("links/cee-rules"), Map.of("JAVA_HOME", empty.toString()), "--version");

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).startsWith("cee-rules: JAVA_HOME is " + empty).contains("no bin/java");
    }

    @Test
    void aJavaOlderThan17IsRefusedByItsReleaseFileOrItsVersion() throws Exception {
        // a Java 11 known by its release file: no JVM is started to ask
        Path java11 = fakeJava("java 11", "JAVA_VERSION=\"11.0.22\"", "exit 99");
        // a Java 8 without a release file: asked, the old way
        Path java8 = fakeJava("java 8", null, "echo 'openjdk version \"1.8.0_402\"' >&2");

        Result eleven = run(home.resolve("bin/cee-rules"), Map.of("JAVA_HOME", java11.toString()), "--version");
        Result eight = run(home.resolve("bin/cee-rules"), Map.of("JAVA_HOME", java8.toString()), "--version");

        assertThat(eleven.status()).isEqualTo(2);
        assertThat(eleven.err()).startsWith("cee-rules: " + java11 + "/bin/java is Java 11.0.22, too old")
                .contains("needs Java 17 or later");
        assertThat(eight.status()).isEqualTo(2);
        assertThat(eight.err()).contains("is Java 1.8.0_402, too old");
    }

    private static Path fakeJava(String name, String release, String script) throws IOException {
        Path dir = Files.createDirectories(root.resolve(name + "/bin"));
        Path java = Files.writeString(dir.resolve("java"), "#!/bin/sh\n" + script + "\n");
        java.toFile().setExecutable(true);
        if (release != null) {
            Files.writeString(dir.getParent().resolve("release"), release + "\n");
        }
        return dir.getParent();
    }

    @Test
    void theUsersOptionsComeLastAndItsOwnClassDataOptionTurnsTheArchiveOff() throws Exception {
        Result unknown = run(root.resolve("links/cee-rules"), Map.of("CEE_RULES_OPTS", "-XX:+NoSuchOption"), "--version");
        Result off = run(root.resolve("links/cee-rules"),
                Map.of("JAVA_OPTS", "-Xshare:off", "HOME", root.resolve("another home").toString()), "--version");

        assertThat(unknown.status()).isNotZero();
        assertThat(unknown.err()).contains("NoSuchOption");
        assertThat(off.status()).as(off.err()).isZero();
        assertThat(root.resolve("another home/.cache/cee-rules")).doesNotExist();
    }

    @Test
    void compilesWithC1OnlyWhenItsInputIsSmallAndWithBothCompilersOtherwise() throws Exception {
        Path small = home.resolve("samples/participant-consumption.json");
        Path large = root.resolve("work/large.jsonl");
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(large.toFile(), "rw")) {
            file.setLength(16 * 1024 * 1024 + 1); // sparse: the launcher only asks its size
        }
        ProcessBuilder.Redirect nothing = ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile());

        // --version with a file argument: a usage error, after the JVM printed its flags
        assertThat(c1(nothing, "route", small.toString())).isTrue();
        assertThat(c1(nothing, "--version")).isTrue();
        assertThat(c1(ProcessBuilder.Redirect.from(small.toFile()), "route")).isTrue();
        assertThat(c1(nothing, "route", large.toString(), "--version")).isFalse();
        assertThat(c1(ProcessBuilder.Redirect.from(large.toFile()), "--version")).isFalse();
        assertThat(c1(ProcessBuilder.Redirect.PIPE, "--version")).as("a pipe's length is unknown").isFalse();
        assertThat(c1(nothing, "serve", "--help")).as("a service runs for long").isFalse();
    }

    /** Whether the command line's launcher ran the JVM with C1 only, by the flags the JVM prints first. */
    private static boolean c1(ProcessBuilder.Redirect in, String... args) throws Exception {
        Result result = run(root.resolve("links/cee-rules"), Map.of("JAVA_OPTS", "-XX:+PrintCommandLineFlags"), in, args);
        String flags = result.out().lines().findFirst().orElseThrow();
        assertThat(flags).as(result.err()).contains("-XX:SharedArchiveFile=");
        return flags.contains("-XX:TieredStopAtLevel=1");
    }

    @Test
    void holdsTheLaunchersTheJarsTheManPagesTheSamplesAndTheDocs() throws Exception {
        for (String launcher : List.of("bin/cee-rules", "bin/cee-rules-streams")) {
            assertThat(Files.getPosixFilePermissions(home.resolve(launcher))).as(launcher)
                    .contains(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                            PosixFilePermission.OTHERS_EXECUTE);
            assertThat(Files.readString(home.resolve(launcher))).as(launcher).startsWith("#!/bin/sh\n")
                    .doesNotContain("\r").doesNotContain("@PROGRAM@");
        }
        for (String launcher : List.of("bin/cee-rules.cmd", "bin/cee-rules-streams.cmd")) {
            assertThat(Files.readString(home.resolve(launcher))).as(launcher).startsWith("@echo off\r\n")
                    .doesNotContain("@JAR@");
        }
        assertThat(home.resolve("man/man1/cee-rules.1")).content().contains(".TH \"CEE\\-RULES\" \"1\"")
                .contains("cee\\-rules " + VERSION.replace("-", "\\-")).doesNotContain("\\fB.csv");
        assertThat(home.resolve("man/man1/cee-rules-route.1")).content().contains("\\-\\-as\\-of");
        assertThat(home.resolve("man/man1/cee-rules-export-rules.1")).content().contains("data/*.csv, drl/*.drl");
        for (String file : List.of("README.md", "LICENSE", "CHANGELOG.md", "docs/cli.md", "docs/performance.md",
                "samples/participant-consumption.json", "samples/batch.jsonl", "examples/python/route_service.py",
                "examples/python/route_coprocess.py")) {
            assertThat(home.resolve(file)).as(file).isRegularFile();
        }
    }

    @Test
    void theCommandLinesClassPathHoldsNothingOfKafkaAndEveryJarOfItIsThere() throws Exception {
        List<String> cli = classPath("cee-rules.jar");
        List<String> streams = classPath("cee-rules-streams.jar");

        assertThat(cli).isNotEmpty().noneMatch(jar -> jar.contains("kafka") || jar.contains("zstd")
                || jar.contains("lz4") || jar.contains("snappy"));
        // the decision service (serve) and Jetty are the command line's alone
        assertThat(streams).anyMatch(jar -> jar.startsWith("kafka-streams-"))
                .noneMatch(jar -> jar.startsWith("jetty-") || jar.startsWith("cee-rules-server-"))
                .containsAll(cli.stream().filter(jar -> !jar.startsWith("jetty-") && !jar.startsWith("cee-rules-server-"))
                        .toList());
        Set<String> jars;
        try (Stream<Path> files = Files.list(home.resolve("lib"))) {
            jars = files.map(f -> f.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> expected = new TreeSet<>(streams);
        expected.addAll(cli);
        expected.addAll(List.of("cee-rules.jar", "cee-rules-streams.jar"));
        assertThat(jars).as("lib/ holds the jars of the class paths, and nothing else").isEqualTo(expected);
        // the enforcer's banned libraries, and RocksDB, which the stateless topology never loads
        assertThat(jars).noneMatch(jar -> Stream.of("jackson-databind-", "xstream-", "poi-", "snakeyaml-",
                "commons-collections-", "rocksdbjni-").anyMatch(jar::startsWith));
    }

    private static List<String> classPath(String launcherJar) throws IOException {
        try (JarFile jar = new JarFile(home.resolve("lib").resolve(launcherJar).toFile())) {
            String classPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
            return Arrays.stream(classPath.trim().split(" +")).map(e -> e.replaceFirst("^\\./", "")).toList();
        }
    }

    @Test
    void theZipHoldsWhatTheTarHolds() throws Exception {
        Path zip = Path.of(TAR.toString().replaceFirst("\\.tar\\.gz$", ".zip"));
        Set<String> inZip;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            inZip = Collections.list(file.entries()).stream().filter(e -> !e.isDirectory()).map(ZipEntry::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
            // the Windows launchers keep their line ends in the zip too
            try (InputStream cmd = file.getInputStream(file.getEntry(NAME + "/bin/cee-rules.cmd"))) {
                assertThat(new String(cmd.readAllBytes(), StandardCharsets.UTF_8)).contains("\r\n");
            }
        }
        Set<String> inTar;
        try (Stream<Path> files = Files.walk(home)) {
            inTar = files.filter(Files::isRegularFile).map(f -> NAME + "/" + home.relativize(f).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(inZip).isEqualTo(inTar);
    }
}
