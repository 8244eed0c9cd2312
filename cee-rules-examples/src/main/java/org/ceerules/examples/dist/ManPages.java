package org.ceerules.examples.dist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.ceerules.cli.Main;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * A tool of the build, not of the product: writes the man pages of the {@code cee-rules} command line,
 * one AsciiDoc file per command ({@code cee-rules.adoc}, {@code cee-rules-route.adoc}, ...), with
 * picocli-codegen's {@link ManPageGenerator}, from the same model the command line runs. The build of
 * the distribution renders them to troff. Kept out of the runnable jars and of the distribution's
 * {@code lib/} (picocli-codegen is a build-time dependency only).
 */
public final class ManPages {

    private ManPages() {
    }

    /**
     * @param args one argument: the directory to write the AsciiDoc files into
     * @throws IOException if a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ManPages DIR");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int status = ManPageGenerator.generateManPage(dir.toFile(), null, new boolean[0], true, Main.spec());
        if (status != 0) {
            System.err.println("ManPages: picocli's man page generator exited with " + status);
            System.exit(status);
        }
        try (Stream<Path> pages = Files.list(dir)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".adoc")).toList()) {
                Files.writeString(page, escapeGlobs(Files.readString(page)));
            }
        }
    }

    /**
     * The generator copies the help texts as they are, and AsciiDoc reads the asterisks of a file
     * pattern as bold ({@code data/*.csv, drl/*.drl}): in the text, they become the attribute
     * {@code {asterisk}}, which is replaced after the bold is read. The generator's own bold
     * ({@code *--rules*}) is never followed by a dot; the Name section is not read for markup.
     */
    static String escapeGlobs(String adoc) {
        StringBuilder escaped = new StringBuilder(adoc.length());
        boolean name = false;
        for (String line : adoc.split("\n", -1)) {
            if (line.startsWith("== ")) {
                name = line.equals("== Name");
            }
            escaped.append(name ? line : line.replace("*.", "{asterisk}.")).append('\n');
        }
        return escaped.substring(0, escaped.length() - 1);
    }
}
