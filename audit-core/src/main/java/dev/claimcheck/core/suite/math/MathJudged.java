package dev.claimcheck.core.suite.math;

import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Verdict;

/**
 * The math workload's scoring policy with an answer judge (docs/grading/math.md#judge): the rule verdict scores every
 * answer it decides, even when the judge was asked too ({@code --judge-all}); an answer the rules leave
 * {@code unknown} takes the judge's parsed verdict and is counted apart as judge-decided. With no parsed judge verdict
 * (no judge, a parse failure, an error) it stays unknown: graded not correct.
 */
final class MathJudged {
    private MathJudged() {
    }

    /** The rule grader could not decide: its budget ran out ({@code unknown:}). */
    static boolean undecided(Verdict rule) {
        return rule.detail() != null && rule.detail().startsWith(MathRunMetrics.UNKNOWN_PREFIX);
    }

    /** The judge's verdict scores this attempt. */
    static boolean judgeDecided(Sample s) {
        return s.graded() && undecided(s.verdict()) && s.judge() != null && s.judge().graded();
    }

    /** Whether the attempt counts as solved under the policy. */
    static boolean correct(Sample s) {
        return judgeDecided(s) ? s.judge().correct() : s.verdict().correct();
    }

    /** The attempt's score under the policy: the judge's 1 or 0 where it decides, else the rule verdict's score. */
    static double score(Sample s) {
        return judgeDecided(s) ? (s.judge().correct() ? 1 : 0) : s.verdict().score();
    }
}
