package dev.claimcheck.core.suite.proofs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * run.json {@code metrics.proofs}: each judge's points per problem and in total, their spread and agreement, the total
 * with the range the graders span, and the verdict on the vendor's self-graded claim (docs/workloads/proofs.md).
 *
 * @param problems problems in the set (a row is missing for one no attempt reached)
 * @param maxTotal the points all problems are worth
 * @param judges one row per judge, in --judge order
 * @param byProblem one row per problem, in problem set order
 * @param graders judges that graded every problem (the independent graders the total and the verdict rest on)
 * @param total Σ over problems of the graders' mean points (null with no grader)
 * @param totalLow Σ over problems of the lowest grader's points: the interval reflects grader disagreement
 * @param totalHigh Σ over problems of the highest grader's points
 * @param agreement Krippendorff's α between the judges over problems, with its bootstrap interval (null when undefined)
 * @param claim the vendor's self-grade and the verdict on it (null when there is no claim for every problem)
 * @param inputs every input file with its hash, once each
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProofMetrics(int problems, double maxTotal, List<JudgeRow> judges, List<ProblemRow> byProblem, int graders,
                           Double total, Double totalLow, Double totalHigh, Agreement agreement, ClaimCheck claim,
                           List<InputHash> inputs) {
    /**
     * One judge's figures.
     *
     * @param total Σ over problems of its mean points (null unless it graded every problem)
     * @param graded grades read, @param parseFailures replies not in the fixed shape, @param errors requests that failed
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record JudgeRow(String judge, Double total, int graded, int parseFailures, int errors, boolean simulated) {
    }

    /**
     * One problem: each judge's mean points over its attempts (absent where it graded none), their mean and spread
     * (highest − lowest), and the vendor's stated points.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProblemRow(String problem, double maxPoints, Map<String, Double> points, Double mean, Double spread,
                             Double claimedPoints, String claimSource) {
    }

    /** Krippendorff's α (interval) with a percentile bootstrap 95% interval over problems. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Agreement(String measure, Double alpha, Double ci95Low, Double ci95High, int units, int resamples, long seed) {
    }

    /**
     * The claim under test and its verdict.
     *
     * @param verdict {@code consistent}, {@code refuted} or {@code notReproduced}
     * @param rule the rule that gave it, in words
     */
    public record ClaimCheck(double claimedTotal, String verdict, String rule, int graders) {
    }
}
