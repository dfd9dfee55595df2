package dev.claimcheck.core.stats;

import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Workload;
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
 * 1k output tokens, plus the workload's own block. Errors are counted, never scored as wrong answers.
 */
public final class RunMetrics {
    private RunMetrics() {
    }

    /**
     * Every figure of run.json {@code metrics}, recomputed from the samples alone: the one function both
     * the audit and {@code verify} call.
     *
     * @param workload the run's workload; adds the workload's own block (math: {@link MathRunMetrics}, code: {@link CodeRunMetrics},
     *        longctx: {@link LongctxRunMetrics}, docs: {@link DocsRunMetrics}, agent: {@link AgentRunMetrics},
     *        throughput: {@link ThroughputMetrics}, with a null score)
     */
    public static Metrics of(Workload workload, Collection<Sample> samples) {
        // Primitive per-task score lists and token arrays: verify recomputes this for every run of a root.
        Map<String, Scores> byTask = new LinkedHashMap<>();
        Map<String, Integer> errors = new TreeMap<>();
        long[] output = new long[samples.size()];
        long[] reasoning = new long[samples.size()];
        int graded = 0;
        int truncated = 0;
        for (Sample s : samples) {
            Scores scores = byTask.computeIfAbsent(s.taskId(), id -> new Scores());
            if (s.graded()) {
                scores.add(s.verdict().score());
                if (s.response() != null && s.response().truncated()) {
                    truncated++;
                }
                output[graded] = s.usage().completionTokens();
                reasoning[graded] = s.usage().reasoningTokens();
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
        // Long context scores the mean over (length, depth) cells, so a cell with more attempts weighs no more.
        LongctxRunMetrics.Result longctx = workload == Workload.LONGCTX && graded > 0 ? LongctxRunMetrics.of(samples) : null;
        if (longctx != null) {
            score = longctx.score().estimate();
            low = longctx.score().low();
            high = longctx.score().high();
        }
        var outputSummary = Percentiles.summary(Arrays.copyOf(output, graded));
        var reasoningSummary = Percentiles.summary(Arrays.copyOf(reasoning, graded));
        ThroughputMetrics.Figures throughput = null;
        if (workload == Workload.THROUGHPUT) {
            // A serving bench has no score (ARCHITECTURE.md §4); its verdicts only mark complete requests.
            score = null;
            low = null;
            high = null;
            throughput = ThroughputMetrics.of(samples);
        }
        Double perK = score == null || outputSummary.mean() == 0 ? null : score / (outputSummary.mean() / 1000.0);
        AgentRunMetrics.Figures agent = workload == Workload.AGENT && graded > 0 ? AgentRunMetrics.of(samples) : null;
        return new Metrics(score, low, high, byTask.size(), samples.size(), graded, errors, truncated,
                outputSummary, reasoningSummary, perK,
                workload == Workload.MATH && graded > 0 ? MathRunMetrics.of(samples) : null,
                workload == Workload.CODE && graded > 0 ? CodeRunMetrics.of(samples) : null,
                longctx == null ? null : longctx.cells(), longctx == null ? null : longctx.longctx(),
                workload == Workload.DOCS && graded > 0 ? DocsRunMetrics.of(samples) : null,
                agent == null ? null : agent.agent(), agent == null ? null : agent.passHatK(),
                agent == null ? null : agent.byFault(),
                throughput == null ? null : throughput.points(), throughput == null ? null : throughput.calibration());
    }

    /** The graded scores of one task, in journal order. */
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
