package dev.claimcheck.core.suite.bfcl;

import dev.claimcheck.core.grade.bfcl.BfclDetail;
import dev.claimcheck.core.model.Estimate;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.stats.ClusteredMean;
import dev.claimcheck.core.stats.ScoreInterval;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The BFCL figures from sample lines alone: each graded attempt's category and mode from its {@link BfclDetail}; an
 * attempt without a readable detail counts under "unknown".
 */
final class BfclRunMetrics {
    private static final double Z95 = 1.959963984540054;

    private BfclRunMetrics() {
    }

    static BfclMetrics of(Collection<Sample> samples, Map<String, String> notRun) {
        Map<String, Map<String, List<Double>>> byCategory = new TreeMap<>();
        String mode = null;
        for (Sample s : samples) {
            if (!s.graded()) {
                continue;
            }
            BfclDetail d = BfclDetail.parse(s.verdict().detail()).orElse(null);
            String category = d == null || d.category() == null ? "unknown" : d.category();
            mode = mode == null && d != null ? d.mode() : mode;
            byCategory.computeIfAbsent(category, c -> new TreeMap<>()).computeIfAbsent(s.taskId(), t -> new ArrayList<>())
                    .add(s.verdict().correct() ? 1.0 : 0.0);
        }
        Map<String, Estimate> estimates = new TreeMap<>();
        byCategory.forEach((c, byTask) -> estimates.put(c, estimate(byTask)));
        return new BfclMetrics(mode, estimates, categoryMean(byCategory), notRun);
    }

    private static Estimate estimate(Map<String, List<Double>> byTask) {
        List<double[]> clusters = new ArrayList<>(byTask.size());
        byTask.values().forEach(v -> clusters.add(v.stream().mapToDouble(Double::doubleValue).toArray()));
        ScoreInterval i = ClusteredMean.of(clusters);
        return new Estimate(i.estimate(), i.low(), i.high(), i.clusters());
    }

    /** Unweighted mean over categories of the per-question means; variance Σ s_c²/n_c / C² (null with a 1-question category). */
    static Estimate categoryMean(Map<String, Map<String, List<Double>>> byCategory) {
        if (byCategory.isEmpty()) {
            return null;
        }
        double sum = 0;
        double variance = 0;
        boolean defined = true;
        int tasks = 0;
        for (Map<String, List<Double>> byTask : byCategory.values()) {
            double[] means = byTask.values().stream().mapToDouble(v -> v.stream().mapToDouble(Double::doubleValue).average().orElse(0)).toArray();
            int n = means.length;
            tasks += n;
            double mean = java.util.Arrays.stream(means).average().orElse(0);
            sum += mean;
            if (n < 2) {
                defined = false;
                continue;
            }
            double ss = 0;
            for (double m : means) {
                ss += (m - mean) * (m - mean);
            }
            variance += ss / (n - 1) / n;
        }
        int c = byCategory.size();
        double value = sum / c;
        if (!defined) {
            return new Estimate(value, null, null, tasks);
        }
        double half = Z95 * Math.sqrt(variance) / c;
        return new Estimate(value, Math.max(0, value - half), Math.min(1, value + half), tasks);
    }
}
