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
}
