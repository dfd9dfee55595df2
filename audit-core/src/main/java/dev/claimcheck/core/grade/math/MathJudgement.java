package dev.claimcheck.core.grade.math;

/**
 * The outcome of comparing one response with one gold answer.
 *
 * @param outcome equal, notEqual, or unknown (a budget ran out; counted apart, graded as not correct)
 * @param extracted the answer read from the response (null when none)
 * @param goldNormalized the gold answer as read and normalized
 * @param detail extraction rules and the reason for the outcome, one line
 */
public record MathJudgement(Outcome outcome, String extracted, String goldNormalized, String detail) {
    /** Closed set of outcomes. */
    public enum Outcome { EQUAL, NOT_EQUAL, UNKNOWN }

    public boolean equal() {
        return outcome == Outcome.EQUAL;
    }
}
