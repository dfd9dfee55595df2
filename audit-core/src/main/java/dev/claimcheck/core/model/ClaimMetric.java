package dev.claimcheck.core.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The metric vocabulary of claims (docs/claims.md). A metric an audit run measures is compared with the
 * reproduction; one it cannot measure (model size, context window, competition points graded by the vendor)
 * is transcribed for the record and stays {@code notReproduced}.
 */
public enum ClaimMetric {
    /** Fraction of tasks answered correctly (the run's score: avg@k for math). Unit {@code fraction}. */
    ACCURACY("accuracy", true),
    /** Mean completion tokens per attempt, reasoning included. Unit {@code tokens}. */
    OUTPUT_TOKENS_MEAN("outputTokensMean", true),
    /** Output tokens per second of one request (completion tokens / end-to-end seconds). Unit {@code tokens/s}. */
    OUTPUT_TOKENS_PER_SECOND("outputTokensPerSecond", true),
    /**
     * Output tokens per second of a whole benchmark run, all requests together (what {@code bench_sglang.py} prints
     * as "Output throughput"). It depends on concurrency and hardware, so an accuracy run does not measure it; the
     * throughput workload does. Unit {@code tokens/s}.
     */
    OUTPUT_THROUGHPUT("outputThroughput", false),
    /** Longest supported context. Unit {@code tokens}. */
    CONTEXT_TOKENS("contextTokens", false),
    /** Total parameters. Unit {@code parameters}. */
    PARAMETERS_TOTAL("parametersTotal", false),
    /** Parameters active per token. Unit {@code parameters}. */
    PARAMETERS_ACTIVE("parametersActive", false),
    /** Points on a proof competition as graded by the vendor. Unit {@code points of N}. */
    COMPETITION_POINTS("competitionPoints", false),
    /** A ratio against a baseline the source names (e.g. throughput versus a previous model). Unit {@code x}. */
    SPEEDUP("speedup", false);

    private final String id;
    private final boolean measurable;

    ClaimMetric(String id, boolean measurable) {
        this.id = id;
        this.measurable = measurable;
    }

    /** The JSON spelling. */
    public String id() {
        return id;
    }

    /** Whether an audit run measures it, so a reproduction can confirm or refute it. */
    public boolean measurable() {
        return measurable;
    }

    public static Optional<ClaimMetric> byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }
}
