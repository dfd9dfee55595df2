package dev.claimcheck.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A progress display redraws only when the stream it writes to is fd 2 and fd 2 is a terminal device. */
class TerminalTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "stderr={0} TERM={1} fd2 -> {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            true  | xterm | /dev/pts/3     | true
            true  | xterm | /dev/tty1      | true
            true  | ''    | /dev/pts/0     | true
            false | xterm | /dev/pts/3     | false
            true  | dumb  | /dev/pts/3     | false
            true  | xterm | /tmp/bench.log | false
            true  | xterm | pipe:[40123]   | false
            true  | xterm | /dev/null      | false
            true  | xterm | (regular file) | false
            """)
    void decides(boolean isStderr, String term, String fd2, boolean expected) throws Exception {
        Path fd = dir.resolve("2");
        if (fd2.equals("(regular file)")) {
            Files.writeString(fd, "");
        } else {
            Files.createSymbolicLink(fd, Path.of(fd2));
        }
        assertThat(Terminal.isTerminal(isStderr, Map.of("TERM", term), fd)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void aCapturedStreamIsNeverATerminal() {
        assertThat(Terminal.isTerminal(new java.io.PrintStream(new java.io.ByteArrayOutputStream()))).isFalse();
    }
}
