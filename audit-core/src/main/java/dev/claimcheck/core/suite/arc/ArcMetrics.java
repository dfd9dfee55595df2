package dev.claimcheck.core.suite.arc;

import dev.claimcheck.core.model.Estimate;

/**
 * The ARC workload's figures ({@code metrics.arc} in run.json). The run's score is {@code passAt2}; definitions in
 * docs/grading/arc.md. Each estimate is ARC Prize's task score: per task file, the mean over its test inputs; then the
 * mean over task files, with a t interval over task files.
 *
 * @param k the most attempts any test input has (the run's {@code --k} for a complete run)
 * @param passAt2 per test input, the chance that one of two attempts is right (with k = 2 exactly "attempt 1 or
 *        attempt 2 is right"; with k &gt; 2 the unbiased estimator over all k); null when no test input has two
 *        graded attempts (k = 1)
 * @param passAt1 per test input, the fraction of its graded attempts that are right
 * @param tasks task files with a graded attempt
 * @param testInputs test inputs with a graded attempt
 * @param wrongShape graded attempts whose grid has another height or width than the expected one
 * @param noGrid graded attempts with no readable grid (none found, or the last one malformed)
 */
public record ArcMetrics(int k, Estimate passAt2, Estimate passAt1, int tasks, int testInputs, int wrongShape,
                         int noGrid) {
}
