package dev.claimcheck.core.suite.swebench;

import java.util.Optional;

/** The per-test statuses the harness's log parsers report; XFAIL counts as a pass, as in the harness. */
public enum TestStatus {
    FAILED, PASSED, SKIPPED, ERROR, XFAIL;

    public boolean passed() {
        return this == PASSED || this == XFAIL;
    }

    /** The status a line starts with (pytest's {@code -rA} summary: "PASSED tests/test_a.py::test_x"). */
    static Optional<TestStatus> leading(String line) {
        for (TestStatus s : values()) {
            if (line.startsWith(s.name())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
