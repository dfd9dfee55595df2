package dev.claimcheck.core.grade.code;

import java.util.List;

/**
 * The judgement of one program: the first failing test's verdict (or accepted), the per-test results up to and
 * including the first failure, and a message that names no hidden test content.
 *
 * @param testsTotal how many tests the spec has (results stop at the first failure)
 * @param interpreter which interpreter ran, e.g. "/usr/bin/python3 (Python 3.11.2)"
 */
public record CodeJudgement(CodeVerdict verdict, List<TestResult> tests, int testsTotal, String message,
                            String interpreter) {
    public CodeJudgement {
        tests = List.copyOf(tests);
    }

    public boolean passed() {
        return verdict == CodeVerdict.ACCEPTED;
    }
}
