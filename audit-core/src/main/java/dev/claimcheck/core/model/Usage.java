package dev.claimcheck.core.model;

/**
 * Token usage as reported by the endpoint.
 *
 * @param completionTokens all generated tokens, reasoning included
 * @param reasoningTokens the reasoning part of {@code completionTokens} (0 when not reported)
 * @param cachedTokens prompt tokens served from a prefix cache
 */
public record Usage(long promptTokens, long completionTokens, long reasoningTokens, long cachedTokens) {
    public static final Usage NONE = new Usage(0, 0, 0, 0);

    public Usage {
        if (promptTokens < 0 || completionTokens < 0 || reasoningTokens < 0 || cachedTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative");
        }
    }
}
