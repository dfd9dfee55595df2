package dev.claimcheck.core.suite.longctx;

import dev.claimcheck.core.model.Estimate;
import dev.claimcheck.core.model.MeanInterval;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.stats.ClusteredMean;
import dev.claimcheck.core.stats.Means;
import dev.claimcheck.core.stats.ScoreInterval;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The MRCR figures from sample lines alone (the facts are in the task ids, {@link MrcrTaskKey}). */
public final class MrcrRunMetrics {
    private MrcrRunMetrics() {
    }

    /** Null when no graded sample has an MRCR task id. */
    public static MrcrMetrics of(Collection<Sample> samples) {
        Map<Integer, Map<String, List<Double>>> byNeedles = new TreeMap<>();
        Map<Integer, Map<String, List<Double>>> byBin = new TreeMap<>();
        Map<Integer, List<Double>> promptTokens = new TreeMap<>();
        Map<Integer, String> labels = new TreeMap<>();
        for (Sample s : samples) {
            Optional<MrcrTaskKey> key = MrcrTaskKey.parse(s.taskId());
            if (key.isEmpty() || !s.graded()) {
                continue;
            }
            MrcrTaskKey k = key.get();
            double score = s.verdict().score();
            byNeedles.computeIfAbsent(k.needles(), n -> new TreeMap<>()).computeIfAbsent(s.taskId(), t -> new ArrayList<>()).add(score);
            byBin.computeIfAbsent(k.binOrder(), n -> new TreeMap<>()).computeIfAbsent(s.taskId(), t -> new ArrayList<>()).add(score);
            labels.put(k.binOrder(), k.bin());
            List<Double> tokens = promptTokens.computeIfAbsent(k.binOrder(), n -> new ArrayList<>());
            if (s.usage().promptTokens() > 0) {
                tokens.add((double) s.usage().promptTokens());
            }
        }
        if (byNeedles.isEmpty()) {
            return null;
        }
        List<MrcrMetrics.Needles> needles = new ArrayList<>();
        byNeedles.forEach((n, byTask) -> needles.add(new MrcrMetrics.Needles(n, estimate(byTask))));
        List<MrcrMetrics.Bin> bins = new ArrayList<>();
        byBin.forEach((order, byTask) -> {
            MeanInterval tokens = Means.of(promptTokens.get(order));
            bins.add(new MrcrMetrics.Bin(labels.get(order), estimate(byTask), tokens));
        });
        return new MrcrMetrics(needles, bins);
    }

    private static Estimate estimate(Map<String, List<Double>> byTask) {
        List<double[]> clusters = new ArrayList<>(byTask.size());
        byTask.values().forEach(scores -> clusters.add(scores.stream().mapToDouble(Double::doubleValue).toArray()));
        ScoreInterval i = ClusteredMean.of(clusters);
        return new Estimate(i.estimate(), i.low(), i.high(), i.clusters());
    }
}
