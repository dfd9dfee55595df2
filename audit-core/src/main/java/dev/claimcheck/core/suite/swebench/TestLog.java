package dev.claimcheck.core.suite.swebench;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One instance's evaluation log ({@code test_output.txt}) read as the harness reads it: a log that reports a failed
 * patch, reset, errored or timed-out tests, or lacks the start/end test-output markers, counts as "patch not applied"
 * with no test statuses; otherwise the marked test output goes through the repository's {@link LogParser}.
 */
public record TestLog(Optional<String> notApplied, Map<String, TestStatus> statuses) {
    static final String START = ">>>>> Start Test Output";
    static final String END = ">>>>> End Test Output";
    private static final List<String> BAD_CODES = List.of(">>>>> Patch Apply Failed", ">>>>> Reset Failed",
            ">>>>> Tests Errored", ">>>>> Tests Timed Out");

    public TestLog {
        statuses = Map.copyOf(statuses);
    }

    public static TestLog parse(String content, LogParser parser) {
        for (String code : BAD_CODES) {
            if (content.contains(code)) {
                return new TestLog(Optional.of("the log reports \"" + code + "\""), Map.of());
            }
        }
        int start = content.lastIndexOf(START);
        int end = content.lastIndexOf(END);
        if (start < 0 || end < start) {
            return new TestLog(Optional.of("the log has no \"" + START + "\" … \"" + END + "\" section"), Map.of());
        }
        // The harness parses what follows the test command's echo; the marked section holds exactly that output.
        return new TestLog(Optional.empty(), parser.parse(content.substring(start + START.length(), end)));
    }
}
