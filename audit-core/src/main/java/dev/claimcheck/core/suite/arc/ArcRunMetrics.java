package dev.claimcheck.core.suite.arc;

import dev.claimcheck.core.grade.ArcGrader;
import dev.claimcheck.core.model.Estimate;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Verdict;
import dev.claimcheck.core.stats.ClusteredMean;
import dev.claimcheck.core.stats.PassAtKEstimator;
import dev.claimcheck.core.stats.ScoreInterval;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * ARC's figures from sample lines alone: attempts grouped by test input (the task id {@code <file>/<index>}) and test
 * inputs by task file, then ARC Prize's rule: a task's score is the mean over its test inputs, the benchmark's the
 * mean over tasks. Errored attempts are not graded and count for nothing either way; a test input with fewer than two
 * graded attempts has no pass@2 and is left out of it (docs/grading/arc.md).
 */
final class ArcRunMetrics {
    private ArcRunMetrics() {
    }

    /** The figures of a run with at least one graded attempt. */
    static ArcMetrics of(Collection<Sample> samples) {
        // Sorted, so the figures do not depend on journal order.
        Map<String, Map<String, int[]>> byFile = new TreeMap<>();
        int k = 0;
        int wrongShape = 0;
        int noGrid = 0;
        for (Sample s : samples) {
            k = Math.max(k, s.attempt() + 1);
            if (!s.graded()) {
                continue;
            }
            int[] counts = byFile.computeIfAbsent(ArcTaskFile.fileOf(s.taskId()), f -> new TreeMap<>())
                    .computeIfAbsent(s.taskId(), t -> new int[2]);
            counts[0]++;
            counts[1] += s.verdict().correct() ? 1 : 0;
            String detail = detail(s);
            if (detail.startsWith(ArcGrader.WRONG_SHAPE)) {
                wrongShape++;
            } else if (detail.startsWith(ArcGrader.NO_GRID) || detail.startsWith(ArcGrader.MALFORMED)) {
                noGrid++;
            }
        }
        List<double[]> pass1 = new ArrayList<>();
        List<double[]> pass2 = new ArrayList<>();
        int testInputs = 0;
        for (Map<String, int[]> inputs : byFile.values()) {
            double sum1 = 0;
            double sum2 = 0;
            int with2 = 0;
            for (int[] nc : inputs.values()) {
                sum1 += (double) nc[1] / nc[0];
                if (nc[0] >= 2) {
                    sum2 += PassAtKEstimator.of(nc[0], nc[1], 2);
                    with2++;
                }
            }
            testInputs += inputs.size();
            pass1.add(new double[] {sum1 / inputs.size()});
            if (with2 > 0) {
                pass2.add(new double[] {sum2 / with2});
            }
        }
        return new ArcMetrics(k, pass2.isEmpty() ? null : overTasks(pass2), overTasks(pass1),
                byFile.size(), testInputs, wrongShape, noGrid);
    }

    /** The mean over task files with a t interval over them: one value per cluster. */
    private static Estimate overTasks(List<double[]> perTask) {
        ScoreInterval i = ClusteredMean.of(perTask);
        return new Estimate(i.estimate(), i.low(), i.high(), i.clusters());
    }

    /** The grader's detail without the truncation mark, which the run engine may put in front of it. */
    private static String detail(Sample s) {
        String d = s.verdict().detail() == null ? "" : s.verdict().detail();
        return d.startsWith(Verdict.TRUNCATED) ? d.substring(Verdict.TRUNCATED.length()) : d;
    }
}
