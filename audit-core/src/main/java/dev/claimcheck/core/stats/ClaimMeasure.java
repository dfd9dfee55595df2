package dev.claimcheck.core.stats;

import dev.claimcheck.core.model.ClaimMetric;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.Sample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * A claimed metric as a reproduction measures it, each with its own cluster-robust (by task) 95% interval:
 * accuracy is the run's score and interval; mean output tokens and per-request output speed are
 * recomputed from the samples (docs/claims.md).
 */
public final class ClaimMeasure {
    private ClaimMeasure() {
    }

    /**
     * @param samples the run's journal; needed for token and speed metrics (empty: those are not measured)
     * @return the measurement, or empty when this run does not measure the metric
     */
    public static Optional<ScoreInterval> of(ClaimMetric metric, RunManifest run, List<Sample> samples) {
        return switch (metric) {
            case ACCURACY -> accuracy(run.metrics());
            case OUTPUT_TOKENS_MEAN -> perAttempt(samples, s -> s.usage().completionTokens() > 0,
                    s -> s.usage().completionTokens());
            case OUTPUT_TOKENS_PER_SECOND -> perAttempt(samples,
                    s -> s.usage().completionTokens() > 0 && s.timing().e2eMs() != null && s.timing().e2eMs() > 0,
                    s -> s.usage().completionTokens() * 1000.0 / s.timing().e2eMs());
            case OUTPUT_THROUGHPUT, CONTEXT_TOKENS, PARAMETERS_TOTAL, PARAMETERS_ACTIVE, COMPETITION_POINTS, SPEEDUP -> Optional.empty();
        };
    }

    private static Optional<ScoreInterval> accuracy(Metrics m) {
        if (m == null || m.score() == null) {
            return Optional.empty();
        }
        return Optional.of(new ScoreInterval(m.score(), m.ci95Low(), m.ci95High(), m.tasks(), m.graded()));
    }

    private static Optional<ScoreInterval> perAttempt(List<Sample> samples, java.util.function.Predicate<Sample> usable,
                                                      ToDoubleFunction<Sample> value) {
        Map<String, List<Double>> byTask = new LinkedHashMap<>();
        for (Sample s : samples) {
            if (s.graded() && usable.test(s)) {
                byTask.computeIfAbsent(s.taskId(), t -> new ArrayList<>()).add(value.applyAsDouble(s));
            }
        }
        if (byTask.isEmpty()) {
            return Optional.empty();
        }
        List<double[]> clusters = byTask.values().stream()
                .map(l -> l.stream().mapToDouble(Double::doubleValue).toArray()).toList();
        return Optional.of(ClusteredMean.unbounded(clusters));
    }
}
