package org.ceerules.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code cee-rules export-rules DIR}: writes the embedded rule set into a new directory, where a
 * rule author can change it and use it with {@code --rules DIR}.
 */
@Command(name = "export-rules", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Write the embedded rule set (VERSION, data/*.csv, drl/*.drl) into DIR, which must not exist "
                + "or be empty, to change it and use it with --rules DIR.",
        footer = {"%nExit status: 0 written, 2 usage error or DIR cannot be written."})
final class ExportRulesCommand implements Callable<Integer> {

    /** The embedded rule set's root on the class path, and the list of its files (a jar cannot list a folder). */
    static final String ROOT = "org/ceerules/rules/";
    static final String MANIFEST = "ruleset.txt";

    @Parameters(index = "0", paramLabel = "DIR", description = "The directory to write; created if absent.")
    private Path directory;

    private final Console console;

    ExportRulesCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        try {
            if (Files.exists(directory) && !isEmptyDirectory(directory)) {
                console.diagnostic(directory + " exists and is not an empty directory: give a new one");
                return ExitStatus.FAILED;
            }
            List<String> files = manifest();
            // absolute first: "." (or "a/..") normalizes to the empty path, which no file's path starts with
            Path root = directory.toAbsolutePath().normalize();
            for (String file : files) {
                Path target = root.resolve(file).normalize();
                if (!target.startsWith(root) || target.equals(root)) {
                    throw new IOException("the embedded rule set lists a file outside its root: " + file);
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = resource(file)) {
                    Files.copy(in, target);
                }
            }
            console.err().println(Console.PROGRAM + ": wrote " + files.size() + " files of the embedded rule set to "
                    + directory);
            return ExitStatus.ROUTED;
        } catch (IOException e) {
            console.diagnostic("cannot export the rule set to " + directory + ": " + Console.describe(e));
            return ExitStatus.FAILED;
        }
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static List<String> manifest() throws IOException {
        List<String> files = new ArrayList<>();
        try (InputStream in = resource(MANIFEST)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String file = line.strip();
                if (!file.isEmpty() && !file.startsWith("#")) {
                    files.add(file);
                }
            }
        }
        return files;
    }

    private static InputStream resource(String file) throws IOException {
        InputStream in = ExportRulesCommand.class.getClassLoader().getResourceAsStream(ROOT + file);
        if (in == null) {
            throw new IOException("classpath:" + ROOT + file + " is missing from the jar");
        }
        return in;
    }
}
