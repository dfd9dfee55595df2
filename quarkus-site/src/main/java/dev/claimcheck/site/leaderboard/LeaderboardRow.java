package dev.claimcheck.site.leaderboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.claimcheck.site.cost.RowEconomics;
import dev.claimcheck.core.suite.agent.FaultMetrics;
import dev.claimcheck.core.suite.agent.PassHatK;
import java.util.List;
import java.util.Map;

/**
 * One row of the leaderboard as served by {@code /api/leaderboard.json} and {@code .csv}: the latest run
 * of a model for one workload, suite, dataset and lane. Field names are documented in docs/site.md.
 *
 * @param band rank band within its lane table (1 = best; rows whose CIs overlap the band leader's share it)
 * @param trust signature status: verified, unverified or invalid
 * @param badges badge kinds in display order (simulated first when simulated)
 * @param claimVerdict docs/architecture.md §8.1 spelling, or null when no claim matches
 * @param passHatK agent runs: pass^1 … pass^k as in run.json {@code metrics.passHatK}; absent for other workloads
 * @param byFault agent runs: success and recovery rate per injected fault as in run.json {@code metrics.byFault};
 *        absent for other workloads
 * @param economics cost and speed, written as the row's own fields ({@code usdPerTask}, {@code meanLatencyMs}, …)
 */
public record LeaderboardRow(String workload, String suite, String dataset, String datasetSha256, String lane, int band,
                             String modelId, String modelSlug, String runId, boolean simulated, String trust,
                             List<String> badges, Double score, Double ci95Low, Double ci95High, int tasks, int attempts,
                             int graded, int errors, int truncated, double meanOutputTokens, Double scorePer1kOutputTokens,
                             String hardware, String hardwareSource, String finishedAt, String claimId, Double claimValue,
                             String claimVerdict,
                             @JsonInclude(JsonInclude.Include.NON_NULL) List<PassHatK> passHatK,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, FaultMetrics> byFault,
                             @JsonUnwrapped RowEconomics economics) {
    public LeaderboardRow {
        badges = List.copyOf(badges);
    }

    /** The same row with its band set. */
    LeaderboardRow withBand(int b) {
        return new LeaderboardRow(workload, suite, dataset, datasetSha256, lane, b, modelId, modelSlug, runId, simulated,
                trust, badges, score, ci95Low, ci95High, tasks, attempts, graded, errors, truncated, meanOutputTokens,
                scorePer1kOutputTokens, hardware, hardwareSource, finishedAt, claimId, claimValue, claimVerdict, passHatK,
                byFault, economics);
    }

    double lo() {
        return ci95Low != null ? ci95Low : score != null ? score : 0;
    }

    double hi() {
        return ci95High != null ? ci95High : score != null ? score : 0;
    }
}
