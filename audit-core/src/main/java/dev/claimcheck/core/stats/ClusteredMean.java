package dev.claimcheck.core.stats;

import java.util.List;

/**
 * The mean of per-attempt scores with a cluster-robust (by task) 95% interval (docs/architecture.md §5.3).
 *
 * <p>Attempts of one task are correlated (an easy problem is solved on every attempt), so the
 * variance is estimated from per-task residual sums: V = G/(G−1) · Σ_g (Σ_j (y_gj − ȳ))² / N², and
 * the interval is ȳ ± t(0.975, G−1)·√V, clipped to [0, 1]. With k = 1 this is the usual
 * standard error of a mean with a t quantile.
 */
public final class ClusteredMean {
    private ClusteredMean() {
    }

    /**
     * @param clusters per task, the scores of its graded attempts; tasks without graded attempts are ignored
     */
    public static ScoreInterval of(List<double[]> clusters) {
        return compute(clusters, true);
    }

    /**
     * The same estimator for values that are not fractions (tokens, tokens per second): the interval is
     * not clipped, except that it never goes below 0.
     */
    public static ScoreInterval unbounded(List<double[]> clusters) {
        return compute(clusters, false);
    }

    private static ScoreInterval compute(List<double[]> clusters, boolean fraction) {
        long n = 0;
        double sum = 0;
        int groups = 0;
        for (double[] scores : clusters) {
            if (scores.length == 0) {
                continue;
            }
            groups++;
            for (double y : scores) {
                n++;
                sum += y;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("no observations");
        }
        double mean = sum / n;
        if (groups < 2) {
            return new ScoreInterval(mean, null, null, groups, (int) n);
        }
        double variance = variance(clusters, mean, groups, n);
        double half = StudentT.quantile(0.975, groups - 1) * StrictMath.sqrt(variance);
        if (!fraction) {
            return new ScoreInterval(mean, Math.max(0, mean - half), mean + half, groups, (int) n);
        }
        return new ScoreInterval(mean, clip(mean - half), clip(mean + half), groups, (int) n);
    }

    /** The cluster-robust variance of the mean: G/(G−1) · Σ_g (Σ_j (y_gj − ȳ))² / N² (needs G ≥ 2). */
    public static double variance(List<double[]> clusters, double mean, int groups, long n) {
        double ss = 0;
        for (double[] scores : clusters) {
            double residual = 0;
            for (double y : scores) {
                residual += y - mean;
            }
            ss += residual * residual;
        }
        return (double) groups / (groups - 1) * ss / ((double) n * n);
    }

    public static double clip(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
