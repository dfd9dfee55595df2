package dev.claimcheck.site.throughput;

import dev.claimcheck.site.index.TrustBadge;
import java.util.List;

/**
 * The view model of the throughput section (the leaderboard's Throughput tab): runs grouped by hardware lane
 * ({@link ThroughputLaneKey}), each run's load points, two server-drawn charts per lane, and the A/B comparisons.
 * Every string already formatted; no score anywhere.
 *
 * @param memoryAccess what the site says about the memory-access part of a context-length claim
 */
public record ThroughputSection(String id, String title, String measured, List<Lane> lanes, List<Comparison> comparisons,
                                String memoryAccess) {
    /**
     * @param id the lane's anchor
     * @param outputSvg output tokens/s against load, one series per (run, input length); server-drawn SVG
     * @param ttftSvg TTFT p99 against load, the same series
     */
    public record Lane(String id, String title, String hardware, String source, String settings, String engine,
                       boolean simulated, List<Run> runs, String outputSvg, String ttftSvg) {
    }

    /** @param slo the SLO the goodput column measures ("ttft ≤ 2000 ms · tpot ≤ 80 ms"), or empty */
    public record Run(String runId, String runHref, String model, String modelHref, List<TrustBadge> badges,
                      boolean simulated, String date, String slo, String abArm, List<Point> points) {
    }

    /**
     * One load point. {@code valid} false (client-bound or nothing completed): the row is marked and its numbers are
     * the client's limit, not the server's.
     */
    public record Point(String index, String load, String inputTokens, String outputTokens, String ttftP50, String ttftP99,
                        String tpotP50, String tpotP99, String itlP99, String e2eP50, String requestsPerSecond,
                        String outputTokensPerSecond, String goodput, String completed, String errors, String earlyEnded,
                        boolean valid, boolean clientBound, String status) {
    }

    /**
     * One A/B comparison ({@code comparison.json}), shown once, from arm A's folder.
     *
     * @param note why something is missing (arm B not in the root, file unreadable), or empty
     */
    public record Comparison(String modelA, String runAHref, String modelB, String runBHref, int repeats, boolean simulated,
                             List<Ratio> rows, String note) {
    }

    /** @param ci "95% CI 1.21–1.40", or why there is none */
    public record Ratio(String inputTokens, String load, String ttftA, String ttftB, String tpotA, String tpotB,
                        String outputA, String outputB, String ratio, String ci, String note) {
    }
}
