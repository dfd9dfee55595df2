package dev.claimcheck.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/**
 * What the code grader records in {@code verdict.detail} (compact JSON): the program's verdict and the per-test
 * verdicts, from which {@code verify} recomputes everything without the hidden tests, which are never stored
 * (docs/architecture.md §4.3, "Code verdicts").
 *
 * @param verdict accepted | wrongAnswer | timeLimit | memoryLimit | runtimeError | compileError | sandboxError
 * @param tests per-test results in order, up to and including the first failure
 * @param testsTotal tests the problem has
 * @param message why, naming a test index and an exception type at most, never test content
 * @param interpreter which interpreter ran, e.g. "/usr/bin/python3 (Python 3.11.2)"
 * @param extraction how the program was read from the response
 * @param difficulty the problem's difficulty as the dataset states it (added by the suite; null from {@code grade@.})
 * @param contestDate the problem's contest date, YYYY-MM-DD (added by the suite), for metrics by date window
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CodeDetail(String verdict, List<Test> tests, int testsTotal, String message, String interpreter,
                         String extraction, String difficulty, String contestDate) {
    public static final String ACCEPTED = "accepted";

    /** One test's recorded outcome. */
    public record Test(boolean passed, String verdict, long timeMs) {
    }

    public CodeDetail {
        tests = tests == null ? List.of() : List.copyOf(tests);
    }

    /** A detail for a program judged outside a suite (no problem facts). */
    public CodeDetail(String verdict, List<Test> tests, int testsTotal, String message, String interpreter,
                      String extraction) {
        this(verdict, tests, testsTotal, message, interpreter, extraction, null, null);
    }

    /** This detail with the problem's facts, which the suite knows and the grader does not. */
    public CodeDetail withProblem(String difficulty, String contestDate) {
        return new CodeDetail(verdict, tests, testsTotal, message, interpreter, extraction,
                difficulty == null || difficulty.isEmpty() ? null : difficulty,
                contestDate == null || contestDate.isEmpty() ? null : contestDate);
    }

    public String toJson() {
        return DetailJson.write(this);
    }

    /** The detail of a code verdict, or empty when the text is not one. */
    public static Optional<CodeDetail> parse(String detail) {
        return DetailJson.read(detail, CodeDetail.class).filter(d -> d.verdict() != null);
    }
}
