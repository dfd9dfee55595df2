package dev.claimcheck.core.stats;

import dev.claimcheck.core.model.TokenSummary;
import java.util.Arrays;

/** Percentiles by linear interpolation between closest ranks (R's type 7, numpy's default). */
public final class Percentiles {
    private Percentiles() {
    }

    /** The q-quantile (0 ≤ q ≤ 1) of the values; the input is not modified. */
    public static double of(long[] values, double q) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sortedQuantile(sorted, q);
    }

    private static double sortedQuantile(long[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Mean, p50 and p90; {@link TokenSummary#EMPTY} for no values. */
    public static TokenSummary summary(long[] values) {
        if (values.length == 0) {
            return TokenSummary.EMPTY;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (long v : sorted) {
            sum += v;
        }
        return new TokenSummary(sum / sorted.length, sortedQuantile(sorted, 0.5), sortedQuantile(sorted, 0.9));
    }
}
