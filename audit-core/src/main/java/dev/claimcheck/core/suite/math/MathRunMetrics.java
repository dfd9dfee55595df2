package dev.claimcheck.core.suite.math;

import dev.claimcheck.core.model.Estimate;
import dev.claimcheck.core.model.PassAtK;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.stats.ClusteredMean;
import dev.claimcheck.core.stats.MajorityVote;
import dev.claimcheck.core.stats.PassAtKEstimator;
import dev.claimcheck.core.stats.ScoreInterval;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The math workload's figures (pass@k, cons@k, unknown verdicts, parse failures, tokens per correct
 * answer) from a run's samples; called by the workload's {@link Figures} (its suite package). Verdict details are read as the math
 * grader writes them: {@code unknown:} for an exhausted budget, {@code response: no answer} when
 * nothing could be read (docs/grading/math.md).
 */
public final class MathRunMetrics {
    static final String UNKNOWN_PREFIX = "unknown:";
    static final String NO_ANSWER_PREFIX = "response: no answer";

    private MathRunMetrics() {
    }

    public static MathMetrics of(Collection<Sample> samples) {
        // Sorted by task id so the figures do not depend on journal order.
        Map<String, List<Sample>> byTask = new TreeMap<>();
        int correct = 0;
        int unknown = 0;
        int parseFailures = 0;
        long outputTokens = 0;
        int k = 0;
        for (Sample s : samples) {
            k = Math.max(k, s.attempt() + 1);
            if (!s.graded()) {
                continue;
            }
            byTask.computeIfAbsent(s.taskId(), id -> new ArrayList<>()).add(s);
            outputTokens += s.usage().completionTokens();
            String detail = s.verdict().detail() == null ? "" : s.verdict().detail();
            if (MathJudged.correct(s)) {
                correct++;
            } else if (MathJudged.judgeDecided(s)) {
                continue; // decided incorrect by the judge: neither unknown nor a parse failure
            } else if (detail.startsWith(UNKNOWN_PREFIX)) {
                unknown++;
            } else if (detail.startsWith(NO_ANSWER_PREFIX) && !(s.response() != null && s.response().truncated())) {
                parseFailures++;
            }
        }
        List<PassAtK> passAtK = new ArrayList<>();
        for (int j : PassAtKEstimator.ks(k)) {
            List<double[]> perTask = new ArrayList<>();
            for (List<Sample> attempts : byTask.values()) {
                if (attempts.size() >= j) {
                    int c = (int) attempts.stream().filter(MathJudged::correct).count();
                    perTask.add(new double[] {PassAtKEstimator.of(attempts.size(), c, j)});
                }
            }
            if (!perTask.isEmpty()) {
                passAtK.add(new PassAtK(j, overTasks(perTask)));
            }
        }
        List<double[]> votes = new ArrayList<>();
        for (List<Sample> attempts : byTask.values()) {
            votes.add(new double[] {MajorityVote.correct(attempts, MathJudged::correct) ? 1 : 0});
        }
        Estimate cons = votes.isEmpty() ? null : overTasks(votes);
        Double perCorrect = correct == 0 ? null : (double) outputTokens / correct;
        return new MathMetrics(k, passAtK, cons, correct, unknown, parseFailures, perCorrect, MathJudgeRunMetrics.of(samples));
    }


    /**
     * The score under {@link MathJudged}'s policy with its clustered interval, as the shared score is computed; null
     * when no attempt is judge-decided (the shared score is then already the policy's).
     */
    static ScoreInterval judgedScore(Collection<Sample> samples) {
        if (samples.stream().noneMatch(MathJudged::judgeDecided)) {
            return null;
        }
        Map<String, List<Double>> byTask = new TreeMap<>();
        for (Sample s : samples) {
            if (s.graded()) {
                byTask.computeIfAbsent(s.taskId(), t -> new ArrayList<>()).add(MathJudged.score(s));
            }
        }
        return ClusteredMean.of(byTask.values().stream().map(v -> v.stream().mapToDouble(Double::doubleValue).toArray()).toList());
    }

    /** Mean over tasks with a t interval: the clustered interval with one value per cluster. */
    private static Estimate overTasks(List<double[]> perTask) {
        ScoreInterval i = ClusteredMean.of(perTask);
        return new Estimate(i.estimate(), i.low(), i.high(), i.clusters());
    }
}
