package dev.claimcheck.core.model;

/**
 * An engine's own latency means over one load point, from its Prometheus histograms differenced across the point
 * (vLLM's and SGLang's {@code time_to_first_token_seconds} and {@code time_per_output_token_seconds} or
 * {@code inter_token_latency_seconds}: {@code Δ_sum / Δ_count}). The same on each record of the point, like
 * {@link ClientLoad}; compared with the client's means in {@code metrics.calibration.engineMeans}.
 *
 * @param requests requests the TTFT histogram counted over the point (warm-up included, as the engine saw them)
 * @param ttftMs mean time to first token on the engine's clock, null when its histogram did not move
 * @param tpotMs mean time per output token (per token gap), null when its histogram did not move
 */
public record ServerMeans(long requests, Double ttftMs, Double tpotMs) {
}
