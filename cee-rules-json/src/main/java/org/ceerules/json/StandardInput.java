package org.ceerules.json;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether standard input was closed when the JVM started ({@code cee-rules route - <&-}). A
 * process started with file descriptor 0 closed gets, as fd 0, the first file it opens: for the
 * JVM its own {@code lib/modules}, which {@code System.in} then reads as if it were the input
 * (855,861 lines of error objects). On Linux, {@code /proc/self/fd/0} names the file: when it is
 * one of the JVM's own (under {@code java.home}, or the class path's jar) the input is closed, not
 * that file (an input redirected from one of the JVM's own files, {@code < $JAVA_HOME/lib/modules},
 * is refused the same way: it holds no request anyway). Elsewhere (no {@code /proc}) nothing is
 * known and nothing is refused: a closed fd 0 there fails the read with an {@code IOException} of
 * its own.
 *
 * <p>Whether a stream reads fd 0 is told by the file offset of fd 0 ({@code /proc/self/fdinfo/0},
 * {@code pos}): reading {@code System.in} moves it, the JVM's own reading of {@code lib/modules}
 * (mapped, or read at an offset) does not, and a file named on the command line has a descriptor
 * of its own. Stateless; the file behind fd 0 is looked up once.
 */
final class StandardInput {

    private static final Path FD_0 = Path.of("/proc/self/fd/0");
    private static final Path FD_0_INFO = Path.of("/proc/self/fdinfo/0");

    /** The JVM's own file that took fd 0, if it did: looked up once, fd 0 does not change. */
    private static final Optional<Path> HELD_BY_THE_JVM = heldByTheJvm();

    private StandardInput() {
    }

    /** @return the JVM's own file that took file descriptor 0, standard input having been closed; empty otherwise */
    static Optional<Path> takenByTheJvm() {
        return HELD_BY_THE_JVM;
    }

    /** @return the file offset of file descriptor 0, or -1 when it cannot be read */
    static long offset() {
        try {
            for (String line : Files.readAllLines(FD_0_INFO, StandardCharsets.US_ASCII)) {
                if (line.startsWith("pos:")) {
                    return Long.parseLong(line.substring(4).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc: nothing is known
        }
        return -1;
    }

    /**
     * @param target the file fd 0 is open on
     * @return whether it is one of the JVM's own files: under {@code java.home}, or a jar of the class path
     */
    static boolean isTheJvmsOwn(Path target) {
        Path file = target.toAbsolutePath().normalize();
        String home = System.getProperty("java.home");
        if (home != null && file.startsWith(real(Path.of(home)))) {
            return true;
        }
        String classPath = System.getProperty("java.class.path", "");
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isEmpty() && entry.endsWith(".jar") && file.equals(real(Path.of(entry)))) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Path> heldByTheJvm() {
        try {
            Path target = Files.readSymbolicLink(FD_0);
            // pipe:[123], socket:[123], anon_inode:...: not a path, never the JVM's own
            return target.isAbsolute() && isTheJvmsOwn(target) ? Optional.of(target) : Optional.empty();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
