package dev.claimcheck.core.suite.code;

import dev.claimcheck.core.model.CodeDetail;
import dev.claimcheck.core.model.Estimate;
import dev.claimcheck.core.model.PassAtK;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.stats.ClusteredMean;
import dev.claimcheck.core.stats.PassAtKEstimator;
import dev.claimcheck.core.stats.ScoreInterval;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The code workload's figures (pass@k, verdict breakdown, tests run) from a run's samples, read from the per-test
 * verdicts recorded in {@code verdict.detail} ({@link CodeDetail}); called by the workload's {@link Figures} (its suite package). A detail that does
 * not parse counts under the verdict "unreadable".
 */
public final class CodeRunMetrics {
    private CodeRunMetrics() {
    }

    public static CodeMetrics of(Collection<Sample> samples) {
        Map<String, int[]> byTask = new TreeMap<>();
        Map<String, String> difficulty = new TreeMap<>();
        Map<String, String> month = new TreeMap<>();
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
            detail.map(CodeDetail::difficulty).ifPresent(d -> difficulty.putIfAbsent(s.taskId(), d));
            detail.map(CodeDetail::contestDate).filter(d -> d.length() >= 7)
                    .ifPresent(d -> month.putIfAbsent(s.taskId(), d.substring(0, 7)));
        }
        List<PassAtK> passAtK = new ArrayList<>();
        for (int j : PassAtKEstimator.ks(k)) {
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
        return new CodeMetrics(k, passAtK, verdicts, testsRun, verdicts.getOrDefault("sandboxError", 0),
                passAt1By(byTask, difficulty), passAt1By(byTask, month));
    }

    /** pass@1 (mean per-task pass rate) with a t interval over tasks, for each group of tasks. */
    private static Map<String, Estimate> passAt1By(Map<String, int[]> byTask, Map<String, String> groupOf) {
        Map<String, List<double[]>> groups = new TreeMap<>();
        byTask.forEach((task, nc) -> {
            String g = groupOf.get(task);
            if (g != null) {
                groups.computeIfAbsent(g, x -> new ArrayList<>()).add(new double[] {(double) nc[1] / nc[0]});
            }
        });
        Map<String, Estimate> out = new TreeMap<>();
        groups.forEach((g, perTask) -> {
            ScoreInterval i = ClusteredMean.of(perTask);
            out.put(g, new Estimate(i.estimate(), i.low(), i.high(), i.clusters()));
        });
        return out;
    }
}
