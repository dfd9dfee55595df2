package dev.claimcheck.core.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * The unbiased pass@k estimator of Chen et al. (2021): 1 − C(n−c, k) / C(n, k) for a task with n
 * graded attempts of which c are correct. Computed as the product 1 − Π_{i=n−c+1..n} (1 − k/i), which
 * never forms a large binomial coefficient.
 */
public final class PassAtKEstimator {
    private PassAtKEstimator() {
    }

    /** pass@k of one task; needs 0 ≤ c ≤ n and 1 ≤ k ≤ n. */
    public static double of(int n, int c, int k) {
        if (c < 0 || c > n || k < 1 || k > n) {
            throw new IllegalArgumentException("need 0 <= c <= n and 1 <= k <= n, got n=" + n + " c=" + c + " k=" + k);
        }
        if (n - c < k) {
            return 1.0;
        }
        double allWrong = 1.0;
        for (int i = n - c + 1; i <= n; i++) {
            allWrong *= 1.0 - (double) k / i;
        }
        return 1.0 - allWrong;
    }

    /** The k at which pass@k is reported: 1, 2, 4, … below k, then k. */
    public static List<Integer> ks(int k) {
        List<Integer> ks = new ArrayList<>();
        for (int j = 1; j < k; j *= 2) {
            ks.add(j);
        }
        if (k >= 1) {
            ks.add(k);
        }
        return ks;
    }
}
