package dev.claimcheck.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * run.json {@code metrics.calibration}: how faithfully the client observed a server whose own times are known (warm-up
 * excluded; docs/throughput.md "Calibration"). Absent when nothing is known.
 *
 * @param receiveLagMsP50 client receive minus simulator emit, per token event (same monotonic clock: the in-process
 *     simulator, or one in its own process on this host that stamps its events; else null like the other receive-lag
 *     figures)
 * @param tokenMismatches requests whose counted tokens differ from what the simulator sent
 * @param requests measured requests with a simulator trace
 * @param events token events with a receive lag
 * @param simulatorTtft per point: client TTFT against the simulator's configured TTFT (simulator only)
 * @param engineClock per point: client TTFT and TPOT against the engine's own timings (engines that report them)
 * @param engineMeans per point: client TTFT and TPOT means against the engine's Prometheus histograms (vLLM, SGLang)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Calibration(Double receiveLagMsP50, Double receiveLagMsP99, Double receiveLagMsP999, Integer tokenMismatches,
                         Integer requests, Long events, List<SimulatorTtft> simulatorTtft, List<EngineClock> engineClock,
                         List<EngineMeans> engineMeans) {
    /** The simulator's receive-lag figures alone (runs recorded before the per-point comparisons). */
    public Calibration(double receiveLagMsP50, double receiveLagMsP99, double receiveLagMsP999, int tokenMismatches,
                       int requests, long events) {
        this(receiveLagMsP50, receiveLagMsP99, receiveLagMsP999, tokenMismatches, requests, events, null, null, null);
    }

    public Calibration {
        simulatorTtft = simulatorTtft == null || simulatorTtft.isEmpty() ? null : List.copyOf(simulatorTtft);
        engineClock = engineClock == null || engineClock.isEmpty() ? null : List.copyOf(engineClock);
        engineMeans = engineMeans == null || engineMeans.isEmpty() ? null : List.copyOf(engineMeans);
    }

    /** Whether the receive-lag figures are there (a run against the in-process simulator). */
    public boolean hasReceiveLag() {
        return receiveLagMsP50 != null;
    }

    /**
     * One point's TTFT error against the simulator's truth: client TTFT − the configured {@code ttftMs} per request.
     *
     * @param requests completed measured requests
     * @param truthTtftMs what the simulator was configured to answer in
     */
    public record SimulatorTtft(int index, int requests, double truthTtftMs, double ttftErrorMsP50, double ttftErrorMsP99,
                                double ttftMsP99) {
    }

    /**
     * One point's client times against the engine's clock, over the completed measured requests that reported timings.
     *
     * @param matched requests compared
     * @param ttftDiffMsP50 client TTFT p50 − server TTFT p50: what the HTTP exchange, queueing and the client add
     * @param tpotRatio client TPOT p50 / server TPOT p50 (null without output tokens)
     */
    /**
     * One point's client means against the engine's Prometheus means ({@link ServerMeans}), over every completed
     * request of the point, warm-up included, as the engine's histograms count them. TPOT means are per token gap:
     * the client's is the decode time of all requests over their tokens after the first.
     *
     * @param requests completed requests of the point on the client's side
     * @param serverRequests requests the engine's TTFT histogram counted over the point
     */
    public record EngineMeans(int index, int requests, long serverRequests, double clientTtftMsMean, Double serverTtftMsMean,
                              Double ttftDiffMsMean, Double clientTpotMsMean, Double serverTpotMsMean, Double tpotRatio) {
    }

    public record EngineClock(int index, int matched, double clientTtftMsP50, double serverTtftMsP50, double ttftDiffMsP50,
                              Double clientTpotMsP50, Double serverTpotMsP50, Double tpotRatio) {
    }
}
