package dev.claimcheck.core.stats;

import dev.claimcheck.core.model.CodeDetail;
import dev.claimcheck.core.model.CodeMetrics;
import dev.claimcheck.core.model.Estimate;
import dev.claimcheck.core.model.PassAtK;
import dev.claimcheck.core.model.Sample;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The code workload's figures (pass@k, verdict breakdown, tests run) from a run's samples, read from the per-test
 * verdicts recorded in {@code verdict.detail} ({@link CodeDetail}); called by {@link RunMetrics}. A detail that does
 * not parse counts under the verdict "unreadable".
 */
final class CodeRunMetrics {
    private CodeRunMetrics() {
    }

    static CodeMetrics of(Collection<Sample> samples) {
        Map<String, int[]> byTask = new TreeMap<>();
        Map<String, Integer> verdicts = new TreeMap<>();
        int k = 0;
        int testsRun = 0;
        for (Sample s : samples) {
            k = Math.max(k, s.attempt() + 1);
            if (!s.graded()) {
                continue;
            }
            int[] nc = byTask.computeIfAbsent(s.taskId(), id -> new int[2]);
            nc[0]++;
            nc[1] += s.verdict().correct() ? 1 : 0;
            var detail = CodeDetail.parse(s.verdict().detail());
            verdicts.merge(detail.map(CodeDetail::verdict).orElse("unreadable"), 1, Integer::sum);
            testsRun += detail.map(d -> d.tests().size()).orElse(0);
        }
        List<PassAtK> passAtK = new ArrayList<>();
        for (int j : MathRunMetrics.ks(k)) {
            List<double[]> perTask = new ArrayList<>();
            for (int[] nc : byTask.values()) {
                if (nc[0] >= j) {
                    perTask.add(new double[] {PassAtKEstimator.of(nc[0], nc[1], j)});
                }
            }
            if (!perTask.isEmpty()) {
                ScoreInterval i = ClusteredMean.of(perTask);
                passAtK.add(new PassAtK(j, new Estimate(i.estimate(), i.low(), i.high(), i.clusters())));
            }
        }
        return new CodeMetrics(k, passAtK, verdicts, testsRun, verdicts.getOrDefault("sandboxError", 0));
    }
}
