package dev.claimcheck.core.stats;

import dev.claimcheck.core.model.AttemptKey;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.Sample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The metrics every workload shares, computed from a run's samples: score (mean verdict score over
 * graded attempts) with its clustered CI, errors by cause, truncations, token summaries and score per
 * 1k output tokens, plus the block the workload's {@link Figures} adds. Errors are counted, never scored as wrong answers.
 */
public final class RunMetrics {
    private RunMetrics() {
    }

    /**
     * Every figure of run.json {@code metrics}, recomputed from the samples alone: the one function both
     * the audit and {@code verify} call.
     *
     * <p>The samples are taken in the canonical order ({@link AttemptKey#SAMPLE_ORDER}), so sums of floating-point
     * values come out the same bits whatever order the attempts finished in, and a run merged from shards has exactly
     * the metrics of the same run made in one piece. A collection already in that order (a merged journal read
     * from disk) is not copied.
     *
     * @param figures the run's workload figures (its suite's {@code figures()}), which add the workload's block(s)
     */
    public static Metrics of(Collection<Sample> journal, Figures figures) {
        Collection<Sample> samples = inCanonicalOrder(journal);
        // Primitive per-task score lists and token arrays: verify recomputes this for every run of a root.
        Map<String, Scores> byTask = new LinkedHashMap<>();
        Map<String, Integer> errors = new TreeMap<>();
        long[] output = new long[samples.size()];
        long[] reasoning = new long[samples.size()];
        int graded = 0;
        int truncated = 0;
        int reasoningCounted = 0;
        for (Sample s : samples) {
            Scores scores = byTask.computeIfAbsent(s.taskId(), id -> new Scores());
            if (s.graded()) {
                scores.add(s.verdict().score());
                if (s.response() != null && s.response().truncated()) {
                    truncated++;
                }
                output[graded] = s.usage().completionTokens();
                reasoning[graded] = s.usage().reasoningTokens();
                reasoningCounted += s.usage().reasoningCounted() ? 1 : 0;
                graded++;
            } else {
                errors.merge(s.error().cause().id(), 1, Integer::sum);
            }
        }
        Double score = null;
        Double low = null;
        Double high = null;
        if (graded > 0) {
            List<double[]> clusters = new ArrayList<>(byTask.size());
            for (Scores scores : byTask.values()) {
                clusters.add(scores.toArray());
            }
            ScoreInterval interval = ClusteredMean.of(clusters);
            score = interval.estimate();
            low = interval.low();
            high = interval.high();
        }
        var outputSummary = Percentiles.summary(Arrays.copyOf(output, graded));
        var reasoningSummary = Percentiles.summary(Arrays.copyOf(reasoning, graded)).withCounted(reasoningCounted);
        Metrics shared = Metrics.shared(score, low, high, byTask.size(), samples.size(), graded, errors, truncated,
                outputSummary, reasoningSummary, null);
        Metrics full = figures.addTo(shared, samples);
        // Derived after the workload's figures, which may replace the score (long context, throughput).
        Double perK = full.score() == null || outputSummary.mean() == 0 ? null : full.score() / (outputSummary.mean() / 1000.0);
        return full.withScore(full.score(), full.ci95Low(), full.ci95High(), perK);
    }

    private static Collection<Sample> inCanonicalOrder(Collection<Sample> samples) {
        Sample previous = null;
        for (Sample s : samples) {
            if (previous != null && AttemptKey.SAMPLE_ORDER.compare(previous, s) > 0) {
                List<Sample> sorted = new ArrayList<>(samples);
                sorted.sort(AttemptKey.SAMPLE_ORDER);
                return sorted;
            }
            previous = s;
        }
        return samples;
    }

    /** The graded scores of one task, in canonical order. */
    private static final class Scores {
        private double[] values = new double[4];
        private int size;

        void add(double v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        double[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
