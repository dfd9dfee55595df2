package dev.claimcheck.core.suite.math;

import dev.claimcheck.core.model.Estimate;
import dev.claimcheck.core.model.PassAtK;
import java.util.List;

/**
 * The math workload's figures beside the shared ones ({@code metrics.math} in run.json; null for other
 * workloads). The score itself (avg@k) stays {@link Metrics#score()}. Definitions: docs/statistics.md.
 *
 * @param k the most attempts any task has (the run's k for a complete run)
 * @param passAtK pass@j for j = 1, 2, 4, … below k, and k itself, in increasing j
 * @param consAtK majority vote of the extracted answers per task (ties: the answer given first)
 * @param correct graded attempts judged correct
 * @param unknown graded attempts whose grader budget ran out (graded not correct, counted apart)
 * @param parseFailures graded, not truncated attempts from which no answer could be read
 * @param tokensPerCorrect output tokens of all graded attempts divided by {@code correct}; null when none is
 * @param judge the answer judge's figures (null without {@code --judge}); with one, {@code correct}, pass@k, cons@k and
 *              the score follow {@link MathJudged}'s policy and {@code unknown} counts only what no judge decided
 */
public record MathMetrics(int k, List<PassAtK> passAtK, Estimate consAtK, int correct, int unknown,
                          int parseFailures, Double tokensPerCorrect, MathJudgeMetrics judge) {
    public MathMetrics {
        passAtK = passAtK == null ? List.of() : List.copyOf(passAtK);
    }

    /** A run without an answer judge. */
    public MathMetrics(int k, List<PassAtK> passAtK, Estimate consAtK, int correct, int unknown, int parseFailures,
                       Double tokensPerCorrect) {
        this(k, passAtK, consAtK, correct, unknown, parseFailures, tokensPerCorrect, null);
    }
}
