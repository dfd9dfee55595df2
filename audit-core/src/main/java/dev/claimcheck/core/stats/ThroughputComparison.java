package dev.claimcheck.core.stats;

import dev.claimcheck.core.model.ThroughputPoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Context-length A/B: two throughput runs of the same sweep, repeated and interleaved ({@code bench --model-b}),
 * compared per load (input length × concurrency or rate). Prefill (TTFT) and decode (TPOT) are reported apart;
 * the output-throughput ratio B/A is the geometric mean of the paired repeats' ratios with a 95% t interval on their
 * logarithms (repeats − 1 degrees of freedom). Computed from the two runs' points; {@code bench} stores the result as
 * {@link Report} in each arm's {@code comparison.json} so the site can show it (docs/throughput.md).
 * Memory access is not measurable from the client and is reported as such.
 */
public final class ThroughputComparison {
    public static final String MEMORY_ACCESS = "not measurable from the client";
    /** The file {@code bench} writes the {@link Report} to, in each A/B arm's run folder. */
    public static final String FILE = "comparison.json";

    private ThroughputComparison() {
    }

    /**
     * One load's comparison.
     *
     * @param repeats paired repeats (points of the same load, matched in run order)
     * @param ttftMsP50A mean over repeats of arm A's TTFT p50 (prefill); likewise the others
     * @param ratio output tokens per second, B over A (geometric mean of the repeats)
     * @param ratioCi95Low null with fewer than 2 repeats or a repeat without throughput
     */
    public record Row(int inputTokens, Integer concurrency, Double rate, int repeats, double ttftMsP50A, double ttftMsP50B,
                      double tpotMsP50A, double tpotMsP50B, double outputTokensPerSecondA, double outputTokensPerSecondB,
                      Double ratio, Double ratioCi95Low, Double ratioCi95High, boolean allValid) {
    }

    /**
     * What {@code comparison.json} holds, the same file in both arms' folders: which run is which arm, and the rows
     * {@link #of} computed from their points.
     */
    public record Report(String schema, String runA, String runB, String modelA, String modelB, int repeats,
                         String memoryAccess, List<Row> rows) {
        public static final String SCHEMA = "claimcheck/ab-comparison/v1";

        public Report {
            rows = List.copyOf(rows);
        }

        public static Report of(String runA, String modelA, List<ThroughputPoint> a, String runB, String modelB,
                                List<ThroughputPoint> b, int repeats) {
            return new Report(SCHEMA, runA, runB, modelA, modelB, repeats, MEMORY_ACCESS, ThroughputComparison.of(a, b));
        }
    }

    public static List<Row> of(List<ThroughputPoint> a, List<ThroughputPoint> b) {
        Map<String, List<ThroughputPoint>> byLoadA = group(a);
        Map<String, List<ThroughputPoint>> byLoadB = group(b);
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, List<ThroughputPoint>> e : byLoadA.entrySet()) {
            List<ThroughputPoint> pa = e.getValue();
            List<ThroughputPoint> pb = byLoadB.getOrDefault(e.getKey(), List.of());
            int n = Math.min(pa.size(), pb.size());
            if (n == 0) {
                continue;
            }
            double[] logs = new double[n];
            boolean ratios = true;
            boolean valid = true;
            double ttftA = 0;
            double ttftB = 0;
            double tpotA = 0;
            double tpotB = 0;
            double tpsA = 0;
            double tpsB = 0;
            for (int i = 0; i < n; i++) {
                ThroughputPoint x = pa.get(i);
                ThroughputPoint y = pb.get(i);
                valid &= x.valid() && y.valid();
                ttftA += nz(x.ttftMsP50()) / n;
                ttftB += nz(y.ttftMsP50()) / n;
                tpotA += nz(x.tpotMsP50()) / n;
                tpotB += nz(y.tpotMsP50()) / n;
                tpsA += x.outputTokensPerSecond() / n;
                tpsB += y.outputTokensPerSecond() / n;
                if (x.outputTokensPerSecond() > 0 && y.outputTokensPerSecond() > 0) {
                    logs[i] = Math.log(y.outputTokensPerSecond() / x.outputTokensPerSecond());
                } else {
                    ratios = false;
                }
            }
            Double ratio = null;
            Double low = null;
            Double high = null;
            if (ratios) {
                double mean = 0;
                for (double l : logs) {
                    mean += l / n;
                }
                ratio = Math.exp(mean);
                if (n >= 2) {
                    double ss = 0;
                    for (double l : logs) {
                        ss += (l - mean) * (l - mean);
                    }
                    double half = StudentT.quantile(0.975, n - 1) * Math.sqrt(ss / (n - 1) / n);
                    low = Math.exp(mean - half);
                    high = Math.exp(mean + half);
                }
            }
            ThroughputPoint p = pa.get(0);
            rows.add(new Row(p.inputTokens(), p.concurrency(), p.rate(), n, ttftA, ttftB, tpotA, tpotB, tpsA, tpsB, ratio,
                    low, high, valid));
        }
        return rows;
    }

    private static Map<String, List<ThroughputPoint>> group(List<ThroughputPoint> points) {
        Map<String, List<ThroughputPoint>> out = new LinkedHashMap<>();
        for (ThroughputPoint p : points) {
            String key = p.inputTokens() + "|" + p.outputTokens() + "|" + Objects.toString(p.concurrency()) + "|"
                    + Objects.toString(p.rate()) + "|" + Objects.toString(p.arrival());
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
        }
        return out;
    }

    private static double nz(Double v) {
        return v == null ? Double.NaN : v;
    }
}
