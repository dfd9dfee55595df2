package dev.claimcheck.core.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Whether a progress display may redraw a line on the stream it writes to. The question is about that stream:
 * {@code System.console()} answers for stdin and stdout, so {@code bench > table.txt} on a terminal or
 * {@code 2> log} would be judged wrongly. Java 17 has no isatty; on Linux {@code /proc/self/fd/2} names the device.
 */
final class Terminal {
    private static final Path STDERR_FD = Path.of("/proc/self/fd/2");

    private Terminal() {
    }

    /** True when {@code stream} is this process's stderr and that is a terminal (not TERM=dumb). */
    static boolean isTerminal(PrintStream stream) {
        return isTerminal(stream == System.err, System.getenv(), STDERR_FD);
    }

    /** The decision with its inputs given: whether the stream is fd 2, the environment, and fd 2's /proc link. */
    static boolean isTerminal(boolean isStderr, Map<String, String> env, Path fd) {
        if (!isStderr || "dumb".equals(env.get("TERM"))) {
            return false;
        }
        try {
            String device = Files.readSymbolicLink(fd).toString();
            return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty") || device.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false; // not Linux, or no /proc: plain lines are always safe
        }
    }
}
