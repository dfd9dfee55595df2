package dev.claimcheck.core.grade.math;

/**
 * What was read from a response or a gold solution.
 *
 * @param answer the answer text (null when nothing could be read)
 * @param rule which rule found it: boxed, boxed-chain, cue, math-segment, whole, last-number, text,
 *     choice, malformed-box, empty
 * @param lastBoxOnly for a chain of several boxes, the last box alone (graded as an alternative)
 */
public record Extraction(String answer, String rule, String lastBoxOnly) {
    static Extraction none(String rule) {
        return new Extraction(null, rule, null);
    }
}
