package org.ceerules.drools;

import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.kie.api.KieBase;

/**
 * The knowledge base the build compiled, for a rule set in a directory whose DRL is the embedded
 * rule set's: the same {@code .drl} files under the same paths, byte for byte. Compiling that DRL
 * would make the knowledge base the build already made from it ({@code PrecompiledRulesTest} pins
 * that the two are alike), and compiling takes nearly all the time {@code check} and every command
 * given {@code --rules DIR} spend loading a rule set. A rule author who changes only data files
 * (a heading moved, a delegation, a source) then waits for no compilation. Only the compilation is
 * skipped: the loader still reads and checks every data file and every check on the DRL text, as
 * for any rule set. DRL that differs in any byte, or a build without compiled rules, is compiled.
 *
 * <p>Stateless and thread-safe; the embedded DRL is read once.
 */
final class PrecompiledMatch {

    private PrecompiledMatch() {
    }

    /** The embedded rule set's DRL files, by path: read on first use. */
    private static final class Embedded {
        static final Map<String, byte[]> DRL = drl(RuleSetFiles.embedded());
    }

    /**
     * @param files a rule set's files
     * @return the embedded rule set's compiled knowledge base if the files' DRL is the embedded
     *         DRL; empty otherwise, or where that cannot be told (a file that cannot be read: the
     *         loader then reports it), or the build compiled no rules
     */
    static Optional<KieBase> of(RuleSetFiles files) {
        try {
            Map<String, byte[]> drl = drl(files);
            if (drl.isEmpty() || !sameDrl(drl, Embedded.DRL)) {
                return Optional.empty();
            }
            return PrecompiledRules.load(PrecompiledMatch.class.getClassLoader());
        } catch (UncheckedIOException | IllegalStateException e) {
            // compiling reports what is wrong, with its file and line
            return Optional.empty();
        }
    }

    /** Whether two rule sets have the same DRL files, path for path and byte for byte. */
    static boolean sameDrl(Map<String, byte[]> a, Map<String, byte[]> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        return a.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), b.get(e.getKey())));
    }

    /** Every {@code .drl} file of a rule set, by path, as bytes. */
    static Map<String, byte[]> drl(RuleSetFiles files) {
        Map<String, byte[]> drl = new TreeMap<>();
        List<String> listed = files.list().orElse(List.of());
        for (String path : listed) {
            if (path.endsWith(".drl")) {
                Optional<byte[]> bytes = files.bytes(path);
                if (bytes.isEmpty()) {
                    return Map.of();
                }
                drl.put(path, bytes.get());
            }
        }
        return drl;
    }
}
