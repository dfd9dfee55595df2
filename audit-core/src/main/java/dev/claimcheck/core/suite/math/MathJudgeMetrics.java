package dev.claimcheck.core.suite.math;

import dev.claimcheck.core.model.Estimate;

/**
 * The answer judge's figures in {@code metrics.math.judge} (null for a run without {@code --judge}; definitions in
 * docs/grading/math.md#judge).
 *
 * @param judge the judge as given ({@code BASE_URL=MODEL}), from the samples
 * @param prompt the judge prompt's version
 * @param asked graded attempts the judge was asked about
 * @param graded replies read in the fixed shape
 * @param parseFailures replies not in that shape: counted, never read as a verdict
 * @param errors requests that got no reply
 * @param judgeDecided attempts the rules left unknown that the judge's verdict scores
 * @param judgeDecidedCorrect of those, the ones it judged correct
 * @param stillUnknown attempts the rules left unknown without a parsed judge verdict (graded not correct)
 * @param completionTokens tokens the judge generated over the run
 * @param agreement rule against judge on the attempts both decided; null when there are none
 */
public record MathJudgeMetrics(String judge, String prompt, int asked, int graded, int parseFailures, int errors,
                               int judgeDecided, int judgeDecidedCorrect, int stillUnknown, long completionTokens,
                               Agreement agreement) {
    /**
     * Agreement between the rule verdict and the judge's, over attempts where the rules decided and the judge's reply
     * parsed.
     *
     * @param pairs such attempts
     * @param agreements those where both say the same
     * @param raw agreements / pairs, with the cluster-robust (by task) 95% interval, as the score's
     * @param bothCorrect both say correct
     * @param onlyRuleCorrect the rules say correct, the judge incorrect
     * @param onlyJudgeCorrect the judge says correct, the rules incorrect
     * @param alpha Krippendorff's α of the two binary verdicts (nominal, which for 0/1 is the interval α); null when
     *              undefined (no variation)
     * @param alphaLow percentile bootstrap 95% interval of α over attempts (null when undefined)
     * @param alphaHigh upper end, likewise
     * @param resamples bootstrap draws
     * @param seed bootstrap seed (fixed, so a recomputation gives the same interval)
     */
    public record Agreement(int pairs, int agreements, Estimate raw, int bothCorrect, int onlyRuleCorrect,
                            int onlyJudgeCorrect, Double alpha, Double alphaLow, Double alphaHigh, int resamples, long seed) {
    }
}
