package dev.claimcheck.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The per-request facts of a serving bench (a sample line's {@code load}). Times are microseconds on the
 * monotonic clock since the start of the record's load point; a time is null when the event never happened.
 *
 * @param point the load point this request belongs to
 * @param warmup sent during warm-up: recorded, never aggregated
 * @param scheduledUs when the request was due (open loop: the arrival schedule; closed loop: when a slot freed)
 * @param sentUs first byte of the request written
 * @param headersUs response status line and headers read
 * @param firstEventUs first server-sent event (any kind)
 * @param firstTokenUs first event carrying a token (reasoning or content)
 * @param firstContentUs first event carrying content (after any reasoning)
 * @param lastTokenUs last event carrying a token
 * @param doneUs the stream's end ([DONE], or the connection's end for a broken stream)
 * @param status HTTP status (0 when no response)
 * @param gapsUs for each token event after the first, the time since the previous token event
 * @param eventTokens tokens carried by each token event (from the server's per-chunk usage); null when each carried one
 * @param countedTokens tokens counted from the events (the sum of {@code eventTokens}, else the event count)
 * @param tokenizerTokens the received text re-counted with the run's tokenizer (a cross-check, not a metric)
 * @param simulatedTokens tokens the simulator says it sent (null against a real server)
 * @param receiveLagsUs per token event: client receive minus simulator emit, same clock (null against a real server)
 * @param earlyEnd the response finished normally with fewer tokens than requested
 * @param client how busy the client was during this record's point
 * @param epochUs the point's start on the wall clock (µs since the epoch), so records of shards run on several
 *     client machines can be put on one time base when they are merged
 * @param shard {@code i/n} when this record came from shard i of n ({@code bench --shard}), else null
 * @param serverTiming the engine's own timings of this request (llama.cpp's {@code timings}); null when not reported
 * @param simulatedTtftUs the TTFT the simulator was configured to answer in (null against a real server)
 * @param serverMeans the engine's own latency means over this record's point, from its Prometheus histograms (the same
 *     on each record of the point); null when it has none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LoadRecord(LoadPoint point, boolean warmup, long scheduledUs, Long sentUs, Long headersUs, Long firstEventUs,
                         Long firstTokenUs, Long firstContentUs, Long lastTokenUs, Long doneUs, int status, int[] gapsUs,
                         int[] eventTokens, long countedTokens, Long tokenizerTokens, Long simulatedTokens,
                         int[] receiveLagsUs, boolean earlyEnd, ClientLoad client, Long epochUs, String shard,
                         ServerTiming serverTiming, Long simulatedTtftUs, ServerMeans serverMeans) {
    /** Without server timings or simulator truth. */
    public LoadRecord(LoadPoint point, boolean warmup, long scheduledUs, Long sentUs, Long headersUs, Long firstEventUs,
                      Long firstTokenUs, Long firstContentUs, Long lastTokenUs, Long doneUs, int status, int[] gapsUs,
                      int[] eventTokens, long countedTokens, Long tokenizerTokens, Long simulatedTokens,
                      int[] receiveLagsUs, boolean earlyEnd, ClientLoad client, Long epochUs, String shard) {
        this(point, warmup, scheduledUs, sentUs, headersUs, firstEventUs, firstTokenUs, firstContentUs, lastTokenUs, doneUs,
                status, gapsUs, eventTokens, countedTokens, tokenizerTokens, simulatedTokens, receiveLagsUs, earlyEnd, client,
                epochUs, shard, null, null, null);
    }

    /** The same record with the engine's means over its point (known only once the point has ended). */
    public LoadRecord withServerMeans(ServerMeans means) {
        return new LoadRecord(point, warmup, scheduledUs, sentUs, headersUs, firstEventUs, firstTokenUs, firstContentUs,
                lastTokenUs, doneUs, status, gapsUs, eventTokens, countedTokens, tokenizerTokens, simulatedTokens, receiveLagsUs,
                earlyEnd, client, epochUs, shard, serverTiming, simulatedTtftUs, means);
    }

    public LoadRecord {
        java.util.Objects.requireNonNull(point, "point");
        java.util.Objects.requireNonNull(client, "client");
        gapsUs = gapsUs == null ? new int[0] : gapsUs;
    }

    /** The same record with every time moved by {@code deltaUs} and the given start and shard (merging shards). */
    public LoadRecord shifted(long deltaUs, Long newEpochUs, String newShard) {
        return new LoadRecord(point, warmup, scheduledUs + deltaUs, plus(sentUs, deltaUs), plus(headersUs, deltaUs),
                plus(firstEventUs, deltaUs), plus(firstTokenUs, deltaUs), plus(firstContentUs, deltaUs),
                plus(lastTokenUs, deltaUs), plus(doneUs, deltaUs), status, gapsUs, eventTokens, countedTokens,
                tokenizerTokens, simulatedTokens, receiveLagsUs, earlyEnd, client, newEpochUs, newShard, serverTiming,
                simulatedTtftUs, serverMeans);
    }

    private static Long plus(Long t, long d) {
        return t == null ? null : t + d;
    }

    /** Tokens carried by token event {@code i}. */
    public int tokensOf(int i) {
        return eventTokens == null ? 1 : eventTokens[i];
    }

    /** Whether the counted tokens disagree with the simulator's count (when known) or the server's usage. */
    public boolean tokenMismatch(long usageCompletionTokens) {
        return countedTokens != usageCompletionTokens || simulatedTokens != null && simulatedTokens != countedTokens;
    }
}
