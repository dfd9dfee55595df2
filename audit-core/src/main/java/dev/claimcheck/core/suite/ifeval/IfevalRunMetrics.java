package dev.claimcheck.core.suite.ifeval;

import dev.claimcheck.core.grade.ifeval.IfevalDetail;
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
 * The IFEval figures from sample lines alone, read from each verdict's {@link IfevalDetail}. Every figure is a
 * {@link ClusteredMean} with the task as cluster: prompt level, one value per attempt; instruction level, one value
 * per instruction per attempt (so the mean is followed instructions over all instructions, as upstream reports it).
 * A graded attempt without a readable detail counts as following nothing.
 */
final class IfevalRunMetrics {
    private IfevalRunMetrics() {
    }

    static IfevalMetrics of(Collection<Sample> samples) {
        Map<String, List<Double>> promptLoose = new TreeMap<>();
        Map<String, List<Double>> strict = new TreeMap<>();
        Map<String, List<Double>> loose = new TreeMap<>();
        Map<String, Map<String, List<Double>>> byCategory = new TreeMap<>();
        for (Sample s : samples) {
            if (!s.graded()) {
                continue;
            }
            IfevalDetail d = IfevalDetail.parse(s.verdict().detail()).orElse(new IfevalDetail(List.of(), null));
            promptLoose.computeIfAbsent(s.taskId(), t -> new ArrayList<>()).add(d.allLoose() ? 1.0 : 0.0);
            List<Double> st = strict.computeIfAbsent(s.taskId(), t -> new ArrayList<>());
            List<Double> lo = loose.computeIfAbsent(s.taskId(), t -> new ArrayList<>());
            if (d.instructions().isEmpty()) {
                st.add(0.0);
                lo.add(0.0);
            }
            for (IfevalDetail.Followed f : d.instructions()) {
                st.add(f.strict() ? 1.0 : 0.0);
                lo.add(f.loose() ? 1.0 : 0.0);
                String category = f.id().contains(":") ? f.id().substring(0, f.id().indexOf(':')) : f.id();
                byCategory.computeIfAbsent(category, c -> new TreeMap<>()).computeIfAbsent(s.taskId(), t -> new ArrayList<>())
                        .add(f.strict() ? 1.0 : 0.0);
            }
        }
        Map<String, Estimate> categories = new TreeMap<>();
        byCategory.forEach((c, byTask) -> categories.put(c, estimate(byTask)));
        return new IfevalMetrics(estimate(promptLoose), estimate(strict), estimate(loose), categories);
    }

    private static Estimate estimate(Map<String, List<Double>> byTask) {
        List<double[]> clusters = new ArrayList<>(byTask.size());
        byTask.values().forEach(v -> clusters.add(v.stream().mapToDouble(Double::doubleValue).toArray()));
        ScoreInterval i = ClusteredMean.of(clusters);
        return new Estimate(i.estimate(), i.low(), i.high(), i.clusters());
    }
}
