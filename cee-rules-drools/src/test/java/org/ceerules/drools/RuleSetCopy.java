package org.ceerules.drools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ceerules.api.KnowledgeBaseException;
import org.ceerules.api.KnowledgeBaseProblem;

/** A copy of the embedded rule set in a directory, to be changed by a test. */
final class RuleSetCopy {

    private final Path root;

    private RuleSetCopy(Path root) {
        this.root = root;
    }

    static RuleSetCopy of(Path directory) {
        RuleSetFiles embedded = RuleSetFiles.embedded();
        for (String file : embedded.list().orElseThrow()) {
            write(directory.resolve(file), embedded.read(file).orElseThrow());
        }
        return new RuleSetCopy(directory);
    }

    Path root() {
        return root;
    }

    RuleSetCopy replace(String file, String from, String to) {
        String text = read(file);
        if (!text.contains(from)) {
            throw new IllegalArgumentException(file + " does not contain " + from);
        }
        write(root.resolve(file), text.replace(from, to));
        return this;
    }

    RuleSetCopy append(String file, String text) {
        write(root.resolve(file), read(file) + text);
        return this;
    }

    RuleSetCopy delete(String file) {
        try {
            Files.delete(root.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    String read(String file) {
        try {
            return Files.readString(root.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the line, from 1, of the first line of {@code file} that contains {@code text} */
    int lineOf(String file, String text) {
        List<String> lines = read(file).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }

    /** @return the problems for which the router refuses to load this rule set; fails if it loads */
    List<KnowledgeBaseProblem> problems() {
        Throwable thrown = catchThrowable(() -> DroolsRouter.fromDirectory(root));
        assertThat(thrown).isInstanceOf(KnowledgeBaseException.class);
        return ((KnowledgeBaseException) thrown).problems();
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
