package dev.claimcheck.core.suite.math;

import dev.claimcheck.core.model.Estimate;
import dev.claimcheck.core.model.JudgeVerdict;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.stats.ClusteredMean;
import dev.claimcheck.core.stats.KrippendorffAlpha;
import dev.claimcheck.core.stats.ScoreInterval;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/** The answer judge's figures ({@link MathJudgeMetrics}) from a run's samples; null when no sample was judged. */
final class MathJudgeRunMetrics {
    /** Fixed so that verify's recomputation gives the same interval. */
    static final long BOOTSTRAP_SEED = 17;

    private MathJudgeRunMetrics() {
    }

    static MathJudgeMetrics of(Collection<Sample> samples) {
        String judge = null;
        String prompt = null;
        int asked = 0;
        int graded = 0;
        int parseFailures = 0;
        int errors = 0;
        int decided = 0;
        int decidedCorrect = 0;
        int stillUnknown = 0;
        long tokens = 0;
        int[] table = new int[4]; // index: rule correct ×2 + judge correct
        Map<String, List<Double>> agreeByTask = new TreeMap<>();
        List<List<Double>> units = new ArrayList<>();
        for (Sample s : samples) {
            if (!s.graded()) {
                continue;
            }
            boolean undecided = MathJudged.undecided(s.verdict());
            JudgeVerdict j = s.judge();
            if (j == null) {
                stillUnknown += undecided ? 1 : 0;
                continue;
            }
            judge = judge == null ? j.judge() : judge;
            prompt = prompt == null ? j.prompt() : prompt;
            asked++;
            tokens += j.completionTokens();
            switch (j.status()) {
                case GRADED -> graded++;
                case PARSE_FAILURE -> parseFailures++;
                case ERROR -> errors++;
            }
            if (undecided) {
                if (j.graded()) {
                    decided++;
                    decidedCorrect += j.correct() ? 1 : 0;
                } else {
                    stillUnknown++;
                }
            } else if (j.graded()) {
                boolean rule = s.verdict().correct();
                table[(rule ? 2 : 0) + (j.correct() ? 1 : 0)]++;
                agreeByTask.computeIfAbsent(s.taskId(), t -> new ArrayList<>()).add(rule == j.correct() ? 1.0 : 0.0);
                units.add(List.of(rule ? 1.0 : 0.0, j.correct() ? 1.0 : 0.0));
            }
        }
        if (asked == 0) {
            return null;
        }
        return new MathJudgeMetrics(judge, prompt, asked, graded, parseFailures, errors, decided, decidedCorrect,
                stillUnknown, tokens, agreement(table, agreeByTask, units));
    }

    private static MathJudgeMetrics.Agreement agreement(int[] table, Map<String, List<Double>> byTask, List<List<Double>> units) {
        if (units.isEmpty()) {
            return null;
        }
        List<double[]> clusters = byTask.values().stream()
                .map(v -> v.stream().mapToDouble(Double::doubleValue).toArray()).toList();
        ScoreInterval i = ClusteredMean.of(clusters);
        Estimate raw = new Estimate(i.estimate(), i.low(), i.high(), i.clusters());
        OptionalDouble alpha = KrippendorffAlpha.interval(units);
        double[] ci = alpha.isEmpty() ? null : KrippendorffAlpha.bootstrap(units, BOOTSTRAP_SEED);
        return new MathJudgeMetrics.Agreement(units.size(), table[0] + table[3], raw, table[3], table[2], table[1],
                alpha.isEmpty() ? null : alpha.getAsDouble(), ci == null ? null : ci[0], ci == null ? null : ci[1],
                KrippendorffAlpha.RESAMPLES, BOOTSTRAP_SEED);
    }
}
