package dev.claimcheck.site.throughput;

import java.util.Map;

/**
 * One load point of a throughput run, as served in {@code /api/leaderboard.json}'s {@code throughput} array and
 * {@code /api/throughput.csv} (docs/site.md). Throughput runs have no score, so they are never leaderboard rows.
 *
 * @param lane the hardware lane's title ({@link ThroughputLaneKey#title()}); rows are comparable only within a lane
 * @param valid false when the client was the bottleneck or nothing completed: the numbers are not the model's
 */
public record ThroughputRow(String lane, String runId, String modelId, String modelSlug, boolean simulated, String trust,
                            String hardware, String hardwareSource, Integer nodes, Map<String, String> settings,
                            String engine, String engineVersion, String abArm, int point, Integer concurrency, Double rate,
                            String arrival, int inputTokens, int outputTokens, int requests, int completed, int errors,
                            int earlyEnded, Double ttftMsP50, Double ttftMsP99, Double tpotMsP50, Double tpotMsP99,
                            Double itlMsP99, Double e2eMsP50, double requestsPerSecond, double outputTokensPerSecond,
                            Double goodputRequestsPerSecond, boolean clientBound, boolean valid, String finishedAt) {
    public ThroughputRow {
        settings = Map.copyOf(settings);
    }
}
