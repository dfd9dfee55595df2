package dev.claimcheck.core.suite.longctx;

import dev.claimcheck.core.model.Estimate;
import dev.claimcheck.core.model.LongctxTaskKey;
import dev.claimcheck.core.model.MeanInterval;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.stats.ClusteredMean;
import dev.claimcheck.core.stats.Means;
import dev.claimcheck.core.stats.ScoreInterval;
import dev.claimcheck.core.stats.StudentT;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The long-context figures, from sample lines alone (the facts are in the task ids, {@link LongctxTaskKey}):
 * accuracy per (length, depth) cell, by format, density and kind, the effective length, the server's prompt
 * tokens over the target, and time to first token per length. The run's score is the mean over cells
 * (docs/workloads/longctx.md) with a stratified interval: Var = Σ_c V_c / C², each V_c cluster-robust by task.
 */
public final class LongctxRunMetrics {
    /** RULER's bar (Llama-2-7B's 85.6% at 4k), rounded: a length counts as effective at or above it. */
    public static final double EFFECTIVE_THRESHOLD = 0.85;

    /** Everything the long-context workload adds to {@code metrics}. */
    public record Result(ScoreInterval score, List<LongctxCell> cells, LongctxMetrics longctx) {
    }

    private LongctxRunMetrics() {
    }

    /** Null when no graded sample has a long-context task id. */
    public static Result of(Collection<Sample> samples) {
        List<Sample> keyed = new ArrayList<>();
        List<LongctxTaskKey> keys = new ArrayList<>();
        for (Sample s : samples) {
            Optional<LongctxTaskKey> key = LongctxTaskKey.parse(s.taskId());
            if (key.isPresent() && s.graded()) {
                keyed.add(s);
                keys.add(key.get());
            }
        }
        if (keyed.isEmpty()) {
            return null;
        }
        Map<Long, Map<String, List<Double>>> byCell = group(keyed, keys, k -> ((long) k.length() << 8) | k.depth());
        List<LongctxCell> cells = new ArrayList<>();
        int c = 0;
        double sum = 0;
        double variance = 0;
        boolean defined = true;
        int tasks = 0;
        long n = 0;
        for (Map.Entry<Long, Map<String, List<Double>>> e : byCell.entrySet()) {
            List<double[]> clusters = clusters(e.getValue());
            ScoreInterval i = ClusteredMean.of(clusters);
            cells.add(new LongctxCell((int) (e.getKey() >>> 8), (int) (e.getKey() & 0xff), i.estimate(), i.low(), i.high(),
                    i.observations()));
            c++;
            sum += i.estimate();
            tasks += i.clusters();
            n += i.observations();
            if (i.clusters() < 2) {
                defined = false;
            } else {
                variance += ClusteredMean.variance(clusters, i.estimate(), i.clusters(), i.observations());
            }
        }
        double mean = sum / c;
        Double low = null;
        Double high = null;
        if (defined && tasks >= 2) {
            double half = StudentT.quantile(0.975, tasks - 1) * StrictMath.sqrt(variance / ((double) c * c));
            low = ClusteredMean.clip(mean - half);
            high = ClusteredMean.clip(mean + half);
        }
        ScoreInterval score = new ScoreInterval(mean, low, high, tasks, (int) n);

        Map<Integer, Map<String, List<Double>>> byLength = group(keyed, keys, LongctxTaskKey::length);
        List<Estimate> accuracyByLength = new ArrayList<>();
        List<LongctxMetrics.LengthCost> costs = new ArrayList<>();
        for (Map.Entry<Integer, Map<String, List<Double>>> e : byLength.entrySet()) {
            Estimate accuracy = estimate(e.getValue());
            accuracyByLength.add(accuracy);
            List<Double> prompt = new ArrayList<>();
            List<Double> ttft = new ArrayList<>();
            for (int i = 0; i < keyed.size(); i++) {
                if (keys.get(i).length() == e.getKey()) {
                    Sample s = keyed.get(i);
                    if (s.usage().promptTokens() > 0) {
                        prompt.add((double) s.usage().promptTokens());
                    }
                    if (s.timing().ttftMs() != null) {
                        ttft.add(s.timing().ttftMs());
                    }
                }
            }
            costs.add(new LongctxMetrics.LengthCost(e.getKey(), accuracy, Means.of(prompt), Means.of(ttft)));
        }
        Integer effective = null;
        int index = 0;
        for (Integer length : byLength.keySet()) {
            if (accuracyByLength.get(index++).value() < EFFECTIVE_THRESHOLD) {
                break;
            }
            effective = length;
        }
        List<Double> ratios = new ArrayList<>();
        for (Sample s : keyed) {
            if (s.targetTokens() != null && s.targetTokens() > 0 && s.usage().promptTokens() > 0) {
                ratios.add((double) s.usage().promptTokens() / s.targetTokens());
            }
        }
        LongctxMetrics longctx = new LongctxMetrics(
                estimates(group(keyed, keys, LongctxTaskKey::format)),
                estimates(group(keyed, keys, k -> Integer.toString(k.density()))),
                estimates(group(keyed, keys, LongctxTaskKey::kind)),
                new LongctxMetrics.EffectiveLength(EFFECTIVE_THRESHOLD, effective), Means.of(ratios), costs);
        return new Result(score, cells, longctx);
    }

    /** Scores by group, then by task (sorted, so nothing depends on hash order). */
    private static <K extends Comparable<K>> Map<K, Map<String, List<Double>>> group(List<Sample> samples,
                                                                                    List<LongctxTaskKey> keys,
                                                                                    Function<LongctxTaskKey, K> groupOf) {
        Map<K, Map<String, List<Double>>> out = new TreeMap<>();
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            out.computeIfAbsent(groupOf.apply(keys.get(i)), g -> new TreeMap<>())
                    .computeIfAbsent(s.taskId(), t -> new ArrayList<>()).add(s.verdict().score());
        }
        return out;
    }

    private static List<double[]> clusters(Map<String, List<Double>> byTask) {
        List<double[]> clusters = new ArrayList<>(byTask.size());
        byTask.values().forEach(scores -> clusters.add(scores.stream().mapToDouble(Double::doubleValue).toArray()));
        return clusters;
    }

    private static Estimate estimate(Map<String, List<Double>> byTask) {
        ScoreInterval i = ClusteredMean.of(clusters(byTask));
        return new Estimate(i.estimate(), i.low(), i.high(), i.clusters());
    }

    private static Map<String, Estimate> estimates(Map<?, Map<String, List<Double>>> groups) {
        Map<String, Estimate> out = new TreeMap<>();
        groups.forEach((g, byTask) -> out.put(String.valueOf(g), estimate(byTask)));
        return out;
    }
}
