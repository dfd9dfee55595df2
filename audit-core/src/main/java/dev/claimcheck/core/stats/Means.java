package dev.claimcheck.core.stats;

import dev.claimcheck.core.model.MeanInterval;
import java.util.List;

/** The mean of unbounded observations (milliseconds, ratios) with a t interval; not clipped. */
public final class Means {
    private Means() {
    }

    /** Null for no observations; the interval is null for fewer than 2. */
    public static MeanInterval of(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        int n = values.size();
        double mean = sum / n;
        if (n < 2) {
            return new MeanInterval(mean, null, null, n);
        }
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double half = StudentT.quantile(0.975, n - 1) * StrictMath.sqrt(ss / (n - 1) / n);
        return new MeanInterval(mean, mean - half, mean + half, n);
    }
}
