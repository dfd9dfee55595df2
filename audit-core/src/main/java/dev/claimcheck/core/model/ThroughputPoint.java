package dev.claimcheck.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One measured load point in run.json {@code metrics.points[]}, aggregated from its non-warm-up per-request records
 * (docs/throughput.md defines every figure). Latencies are milliseconds; percentiles come from an HdrHistogram of
 * microsecond values (3 significant digits). A latency is null when no request produced it; every field is written,
 * nulls included, so each point has the same keys (e.g. {@code concurrency: null} for an open-loop point).
 *
 * @param requests measured (non-warm-up) requests sent
 * @param completed measured requests that ended with [DONE] and HTTP 200
 * @param errors measured requests that errored (HTTP error, broken stream, timeout)
 * @param earlyEnded completed requests with fewer output tokens than requested
 * @param tokenMismatches requests whose counted tokens differ from the server's usage or the simulator's count
 * @param missingUsage completed requests whose stream carried no usage
 * @param windowS the steady-state window: first measured send to last measured end, in seconds
 * @param tpotMsP50 time per output token: (last token − first token) / (output tokens − 1)
 * @param itlMsP99 inter-token latency per token: each event gap divided by the tokens the event carried
 * @param goodputRequestsPerSecond completed requests meeting the SLO per second of the window (null without an SLO)
 * @param sendLagMsP99 open loop: how late requests were sent against the arrival schedule (null for closed loop)
 * @param clientBound the client was the bottleneck (CPU share or loop lag over the limits in docs/throughput.md)
 * @param cachedShare prompt tokens the engine reported as served from its prefix cache, over all prompt tokens of the
 *                    completed requests (0 where the engine reports none)
 * @param cacheReplay more was served from the cache than the point meant to share (a rerun of the same prompts:
 *                    docs/throughput.md "Prefix caches"), so its TTFT measures cache hits
 * @param valid the point measured the server: it completed requests, the client was not the bottleneck and the
 *              prompts were not served from a prefix cache beyond the intended share
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ThroughputPoint(int index, Integer concurrency, Double rate, String arrival, Double burstiness,
                              int inputTokens, int outputTokens, int requests, int warmup, int completed, int errors,
                              int earlyEnded, int tokenMismatches, int missingUsage, double windowS,
                              Double ttftMsP50, Double ttftMsP90, Double ttftMsP95, Double ttftMsP99, Double ttftMsP999,
                              Double firstContentMsP50, Double firstContentMsP99,
                              Double tpotMsP50, Double tpotMsP90, Double tpotMsP95, Double tpotMsP99, Double tpotMsP999,
                              Double itlMsP50, Double itlMsP90, Double itlMsP95, Double itlMsP99, Double itlMsP999,
                              Double e2eMsP50, Double e2eMsP90, Double e2eMsP95, Double e2eMsP99, Double e2eMsP999,
                              double requestsPerSecond, double outputTokensPerSecond, double totalTokensPerSecond,
                              Double goodputRequestsPerSecond, Double sendLagMsP99, double clientCpuShare,
                              double loopLagMsP99, boolean clientBound, double cachedShare,
                              boolean cacheReplay, boolean valid) {
}
