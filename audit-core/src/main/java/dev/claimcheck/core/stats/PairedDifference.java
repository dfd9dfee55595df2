package dev.claimcheck.core.stats;

import dev.claimcheck.core.model.Sample;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A paired comparison of two runs on the same problems: per task, the mean verdict score over graded
 * attempts in run A minus that in run B; the mean of these differences with a t interval on the
 * paired differences (t quantile on tasks − 1 degrees of freedom). Pairing removes the between-task
 * variance that dominates two separate intervals, so it can separate models whose intervals overlap.
 *
 * @param difference mean over paired tasks of (A's task mean − B's task mean), in [−1, 1]
 * @param ci95Low lower end of the 95% interval (not clipped); null with fewer than 2 paired tasks
 * @param ci95High upper end, likewise
 * @param tasks tasks with graded attempts in both runs
 * @param unpaired tasks with graded attempts in only one of the runs (left out)
 */
public record PairedDifference(double difference, Double ci95Low, Double ci95High, int tasks, int unpaired) {

    /** Compares the graded samples of run A with those of run B, task by task. */
    public static PairedDifference of(Collection<Sample> a, Collection<Sample> b) {
        return ofTaskMeans(taskMeans(a), taskMeans(b));
    }

    /** The same from per-task mean scores (task id → mean). */
    public static PairedDifference ofTaskMeans(Map<String, Double> a, Map<String, Double> b) {
        Map<String, Double> sortedA = new TreeMap<>(a);
        List<Double> diffs = new ArrayList<>();
        int unpaired = 0;
        for (Map.Entry<String, Double> e : sortedA.entrySet()) {
            Double other = b.get(e.getKey());
            if (other == null) {
                unpaired++;
            } else {
                diffs.add(e.getValue() - other);
            }
        }
        for (String id : b.keySet()) {
            if (!a.containsKey(id)) {
                unpaired++;
            }
        }
        if (diffs.isEmpty()) {
            throw new IllegalArgumentException("the two runs have no task with graded attempts in common");
        }
        int n = diffs.size();
        double mean = 0;
        for (double d : diffs) {
            mean += d;
        }
        mean /= n;
        if (n < 2) {
            return new PairedDifference(mean, null, null, n, unpaired);
        }
        double ss = 0;
        for (double d : diffs) {
            ss += (d - mean) * (d - mean);
        }
        double se = StrictMath.sqrt(ss / (n - 1) / n);
        double half = StudentT.quantile(0.975, n - 1) * se;
        return new PairedDifference(mean, mean - half, mean + half, n, unpaired);
    }

    /** Per task id, the mean verdict score over its graded attempts (tasks without one are absent), sorted by id. */
    public static Map<String, Double> taskMeans(Collection<Sample> samples) {
        Map<String, double[]> sums = new TreeMap<>();
        for (Sample s : samples) {
            if (s.graded()) {
                double[] v = sums.computeIfAbsent(s.taskId(), id -> new double[2]);
                v[0] += s.verdict().score();
                v[1]++;
            }
        }
        Map<String, Double> means = new TreeMap<>();
        sums.forEach((id, v) -> means.put(id, v[0] / v[1]));
        return means;
    }
}
