package dev.claimcheck.core.grade;

import dev.claimcheck.core.model.Response;
import dev.claimcheck.core.model.Verdict;

/**
 * Judges one attempt against a reference answer. Implementations are deterministic and bounded
 * by step and size budgets, never by wall-clock time, so a re-grade gives the same verdict on any
 * machine (docs/architecture.md §5.2). {@code grade} never throws on bad model output: a response that
 * cannot be read is a verdict with a reason in {@code detail}.
 */
public interface Grader {
    /** Stable id, as used by {@code grade@. <id>} and recorded in every verdict. */
    String id();

    /** Version recorded in every verdict; bumped whenever a verdict could change. */
    String version();

    /**
     * Grades one response.
     *
     * @param response the model's final content (never the separate reasoning field)
     * @param expected the reference answer (a bare answer or a worked solution)
     */
    Verdict grade(String response, String expected);

    /**
     * Grades one whole response. By default its content alone; a grader of tool calls (BFCL's FC mode) reads the
     * response's {@code toolCalls} too. The engine's suites and {@code verify}'s re-grade both come through here.
     */
    default Verdict gradeResponse(Response response, String expected) {
        return grade(response == null ? "" : response.content(), expected);
    }

    /**
     * The reference answer as this grader reads it (for the {@code goldNormalized} column of
     * {@code grade@.}); by default the answer itself.
     */
    default String normalizeExpected(String expected) {
        return expected;
    }

    /**
     * {@link #grade} and {@link #normalizeExpected} together, for {@code grade@.}'s verdict lines; a grader that reads
     * the reference while grading overrides it to read the reference once.
     */
    default Graded gradeWithReference(String response, String expected) {
        return new Graded(grade(response, expected), normalizeExpected(expected));
    }

    /** A verdict with the reference as the grader read it. */
    record Graded(Verdict verdict, String goldNormalized) {
    }
}
