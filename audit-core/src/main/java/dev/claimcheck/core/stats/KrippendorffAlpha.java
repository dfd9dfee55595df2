package dev.claimcheck.core.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * Krippendorff's α for interval data: agreement between graders who scored the same units (problems), with missing
 * scores allowed. α = 1 − D<sub>o</sub>/D<sub>e</sub>, observed over expected squared disagreement among the pairable
 * values (those in units scored by at least two graders). 1 is perfect agreement, 0 is what chance gives.
 */
public final class KrippendorffAlpha {
    /** Bootstrap resamples for {@link #bootstrap}; fixed so a re-computation gives the same interval. */
    public static final int RESAMPLES = 2000;

    private KrippendorffAlpha() {
    }

    /**
     * α over units, each the list of its graders' values (null where a grader gave none); empty when undefined (fewer
     * than two pairable values, or no variation at all, where D<sub>e</sub> is 0).
     */
    public static OptionalDouble interval(List<List<Double>> units) {
        List<double[]> pairable = new ArrayList<>();
        for (List<Double> unit : units) {
            double[] values = unit.stream().filter(v -> v != null).mapToDouble(Double::doubleValue).toArray();
            if (values.length >= 2) {
                pairable.add(values);
            }
        }
        int n = pairable.stream().mapToInt(v -> v.length).sum();
        if (n < 2) {
            return OptionalDouble.empty();
        }
        double observed = 0;
        double[] all = new double[n];
        int at = 0;
        for (double[] values : pairable) {
            observed += orderedPairSquares(values) / (values.length - 1);
            System.arraycopy(values, 0, all, at, values.length);
            at += values.length;
        }
        observed /= n;
        double expected = orderedPairSquares(all) / ((double) n * (n - 1));
        if (expected == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(1 - observed / expected);
    }

    /**
     * A percentile bootstrap 95% interval of α over units resampled with replacement (seeded, {@link #RESAMPLES}
     * draws); resamples where α is undefined are skipped. Null when fewer than half the resamples define α.
     */
    public static double[] bootstrap(List<List<Double>> units, long seed) {
        if (units.isEmpty()) {
            return null;
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Double> alphas = new ArrayList<>();
        for (int r = 0; r < RESAMPLES; r++) {
            List<List<Double>> sample = new ArrayList<>(units.size());
            for (int i = 0; i < units.size(); i++) {
                sample.add(units.get(random.nextInt(units.size())));
            }
            interval(sample).ifPresent(alphas::add);
        }
        if (alphas.size() < RESAMPLES / 2) {
            return null;
        }
        double[] sorted = alphas.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new double[] {quantile(sorted, 0.025), quantile(sorted, 0.975)};
    }

    /** Linear interpolation between closest ranks, as {@link Percentiles} does for longs. */
    private static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Σ over ordered pairs i ≠ j of (v<sub>i</sub> − v<sub>j</sub>)², in O(n) through the sum and sum of squares. */
    private static double orderedPairSquares(double[] v) {
        double sum = 0;
        double squares = 0;
        for (double x : v) {
            sum += x;
            squares += x * x;
        }
        return 2 * (v.length * squares - sum * sum);
    }
}
