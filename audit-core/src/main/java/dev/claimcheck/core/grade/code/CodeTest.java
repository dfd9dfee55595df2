package dev.claimcheck.core.grade.code;

import java.util.Objects;

/**
 * One test case. For {@link Kind#STDIN} the input is fed to standard input and the output compared line by line;
 * for {@link Kind#CALL} the input is one JSON value per line (the arguments of {@code fn}) and the output a JSON value.
 *
 * @param fn the function or {@code Solution} method called; required for call tests
 */
public record CodeTest(String input, String output, Kind kind, String fn) {
    /** How a test feeds the program. */
    public enum Kind { STDIN, CALL }

    public CodeTest {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.CALL && (fn == null || !fn.matches("[A-Za-z_][A-Za-z0-9_]{0,99}"))) {
            throw new IllegalArgumentException("a call test needs a function name, got " + fn);
        }
    }
}
