package dev.claimcheck.core.model;

/**
 * A request's timings on the engine's own clock, as llama.cpp's {@code llama-server} reports them in the {@code timings}
 * object of its last chunk or body (a bench record's {@code serverTiming}). The client's TTFT and TPOT are compared with
 * them in {@code metrics.calibration.engineClock}.
 *
 * @param promptMs {@code prompt_ms}: evaluating the prompt, ending when the first token is sampled (the engine's TTFT,
 *     without the HTTP exchange and any wait for a slot)
 * @param predictedMs {@code predicted_ms}: generating the {@code predictedTokens}
 * @param predictedTokens {@code predicted_n}
 */
public record ServerTiming(double promptMs, double predictedMs, long predictedTokens) {
    /** llama.cpp's own time per output token ({@code predicted_per_token_ms}); null without output tokens. */
    public Double tpotMs() {
        return predictedTokens > 0 ? predictedMs / predictedTokens : null;
    }
}
