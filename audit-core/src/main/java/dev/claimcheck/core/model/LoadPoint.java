package dev.claimcheck.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One load point of a serving bench as asked (docs/architecture.md §3.4 {@code bench}): closed loop at a fixed
 * {@code concurrency}, or open loop at {@code rate} requests per second with an arrival process. Every
 * per-request record repeats it, so the run's metrics are recomputable from the records alone.
 *
 * @param index position in the run's sweep (0-based); records are grouped by it
 * @param concurrency requests kept in flight (closed loop), or null for open loop
 * @param rate mean arrivals per second (open loop), or null for closed loop
 * @param arrival {@code constant}, {@code poisson} or {@code gamma} (open loop), null for closed loop
 * @param burstiness gamma shape (1 = Poisson; below 1 burstier), null unless arrival is gamma
 * @param inputTokens exact prompt length in the run's tokenizer
 * @param outputTokens requested output length (max_tokens, with min_tokens and ignore_eos)
 * @param sloTtftMs the goodput SLO's time-to-first-token bound, or null without an SLO
 * @param sloTpotMs the goodput SLO's time-per-output-token bound, or null
 * @param prefixShare the share of each prompt made the same on purpose ({@code --prefix-share}), null for none: what
 *                    a prefix cache may serve without the point reading as a cache replay
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LoadPoint(int index, Integer concurrency, Double rate, String arrival, Double burstiness, int inputTokens,
                        int outputTokens, Double sloTtftMs, Double sloTpotMs, Double prefixShare) {
    public LoadPoint {
        if (prefixShare != null && prefixShare == 0) {
            prefixShare = null; // one spelling of "none", so records written before the field read the same
        }
        if ((concurrency == null) == (rate == null)) {
            throw new IllegalArgumentException("a load point has exactly one of concurrency and rate");
        }
        if (concurrency != null && concurrency < 1 || rate != null && !(rate > 0)) {
            throw new IllegalArgumentException("concurrency and rate must be positive");
        }
        if (inputTokens < 1 || outputTokens < 1) {
            throw new IllegalArgumentException("input and output tokens must be at least 1");
        }
    }

    public boolean openLoop() {
        return rate != null;
    }

    /** The share a prefix cache is meant to serve: 0 unless {@code --prefix-share} asked for one. */
    public double intendedCachedShare() {
        return prefixShare == null ? 0 : prefixShare;
    }

    public boolean hasSlo() {
        return sloTtftMs != null || sloTpotMs != null;
    }
}
