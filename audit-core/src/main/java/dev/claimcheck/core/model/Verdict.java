package dev.claimcheck.core.model;

import java.util.Objects;

/**
 * A grader's judgement of one attempt.
 *
 * @param correct whether the attempt counts as solved
 * @param score in [0, 1]; 1 or 0 for binary graders
 * @param extracted what the grader read from the response (null when nothing could be read)
 * @param expected the reference answer, kept so the attempt can be re-graded without the dataset
 * @param grader grader id
 * @param graderVersion grader version, so a committed run re-grades with the version it used
 * @param detail how the verdict was reached (extraction rule, reason for a mismatch)
 */
public record Verdict(boolean correct, double score, String extracted, String expected,
                      String grader, String graderVersion, String detail) {
    public Verdict {
        Objects.requireNonNull(grader, "grader");
        Objects.requireNonNull(graderVersion, "graderVersion");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be in [0, 1]: " + score);
        }
    }

    /** The prefix of {@code detail} for a response cut at max_tokens: truncated, not wrong-by-parse. */
    public static final String TRUNCATED = "truncated (finish_reason length): ";

    /**
     * The same judgement, marked as coming from a response that stopped at max_tokens, so a missing
     * answer reads as truncation rather than as a parse failure (metrics count the two apart).
     */
    public Verdict markedTruncated() {
        return detail != null && detail.startsWith(TRUNCATED) ? this
                : new Verdict(correct, score, extracted, expected, grader, graderVersion, TRUNCATED + detail);
    }

    public boolean truncated() {
        return detail != null && detail.startsWith(TRUNCATED);
    }
}
