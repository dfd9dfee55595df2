package dev.claimcheck.core.suite.code;

import dev.claimcheck.core.model.Estimate;
import dev.claimcheck.core.model.PassAtK;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The code workload's figures beside the shared ones ({@code metrics.code} in run.json; null for other workloads).
 * The score itself (pass@1, the mean of binary verdicts) stays {@link Metrics#score()}.
 *
 * @param k the most attempts any task has
 * @param passAtK unbiased pass@j for j = 1, 2, 4, … below k, and k itself
 * @param verdicts graded attempts by program verdict (accepted, wrongAnswer, timeLimit, …)
 * @param testsRun tests executed over all graded attempts (runs stop at the first failure)
 * @param sandboxErrors graded attempts that could not be executed (counted in the score as not solved)
 * @param byDifficulty pass@1 over the tasks of each difficulty (as the dataset spells it)
 * @param byMonth pass@1 over the tasks of each contest month (YYYY-MM): the date-window view against contamination
 */
public record CodeMetrics(int k, List<PassAtK> passAtK, Map<String, Integer> verdicts, int testsRun, int sandboxErrors,
                          Map<String, Estimate> byDifficulty, Map<String, Estimate> byMonth) {
    public CodeMetrics {
        passAtK = passAtK == null ? List.of() : List.copyOf(passAtK);
        verdicts = verdicts == null ? Map.of() : new TreeMap<>(verdicts);
        byDifficulty = byDifficulty == null ? Map.of() : new TreeMap<>(byDifficulty);
        byMonth = byMonth == null ? Map.of() : new TreeMap<>(byMonth);
    }
}
