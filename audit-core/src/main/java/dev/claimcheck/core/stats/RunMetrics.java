package dev.claimcheck.core.stats;

import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Workload;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The metrics every workload shares, computed from a run's samples: score (mean verdict score over
 * graded attempts) with its clustered CI, errors by cause, truncations, token summaries and score per
 * 1k output tokens, plus the workload's own block. Errors are counted, never scored as wrong answers.
 */
public final class RunMetrics {
    private RunMetrics() {
    }

    /**
     * Every figure of run.json {@code metrics}, recomputed from the samples alone: the one function both
     * the audit and {@code verify} call.
     *
     * @param workload the run's workload; adds the workload's own block (math: {@link MathRunMetrics}, code: {@link CodeRunMetrics})
     */
    public static Metrics of(Workload workload, Collection<Sample> samples) {
        Map<String, List<Double>> byTask = new LinkedHashMap<>();
        Map<String, Integer> errors = new TreeMap<>();
        List<Long> output = new ArrayList<>();
        List<Long> reasoning = new ArrayList<>();
        int graded = 0;
        int truncated = 0;
        for (Sample s : samples) {
            List<Double> scores = byTask.computeIfAbsent(s.taskId(), id -> new ArrayList<>());
            if (s.graded()) {
                graded++;
                scores.add(s.verdict().score());
                if (s.response() != null && s.response().truncated()) {
                    truncated++;
                }
                output.add(s.usage().completionTokens());
                reasoning.add(s.usage().reasoningTokens());
            } else {
                errors.merge(s.error().cause().id(), 1, Integer::sum);
            }
        }
        Double score = null;
        Double low = null;
        Double high = null;
        if (graded > 0) {
            List<double[]> clusters = new ArrayList<>(byTask.size());
            for (List<Double> scores : byTask.values()) {
                clusters.add(scores.stream().mapToDouble(Double::doubleValue).toArray());
            }
            ScoreInterval interval = ClusteredMean.of(clusters);
            score = interval.estimate();
            low = interval.low();
            high = interval.high();
        }
        var outputSummary = Percentiles.summary(output.stream().mapToLong(Long::longValue).toArray());
        var reasoningSummary = Percentiles.summary(reasoning.stream().mapToLong(Long::longValue).toArray());
        Double perK = score == null || outputSummary.mean() == 0 ? null : score / (outputSummary.mean() / 1000.0);
        return new Metrics(score, low, high, byTask.size(), samples.size(), graded, errors, truncated,
                outputSummary, reasoningSummary, perK,
                workload == Workload.MATH && graded > 0 ? MathRunMetrics.of(samples) : null,
                workload == Workload.CODE && graded > 0 ? CodeRunMetrics.of(samples) : null);
    }
}
