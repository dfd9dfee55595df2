package dev.claimcheck.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Token usage as reported by the endpoint.
 *
 * @param completionTokens all generated tokens, reasoning included
 * @param reasoningTokens the reasoning part of {@code completionTokens}: as the server reported it
 *     ({@code usage.completion_tokens_details.reasoning_tokens}), else the reasoning text counted with the run's
 *     tokenizer ({@code reasoningCounted}); 0 when neither
 * @param cachedTokens prompt tokens served from a prefix cache
 * @param reasoningCounted {@code reasoningTokens} was counted by the harness, not reported by the server (written
 *     only when true, so earlier runs read as reported)
 */
public record Usage(long promptTokens, long completionTokens, long reasoningTokens, long cachedTokens,
                    @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean reasoningCounted) {
    public static final Usage NONE = new Usage(0, 0, 0, 0);

    /** Figures as the server reported them. */
    public Usage(long promptTokens, long completionTokens, long reasoningTokens, long cachedTokens) {
        this(promptTokens, completionTokens, reasoningTokens, cachedTokens, false);
    }

    public Usage {
        if (promptTokens < 0 || completionTokens < 0 || reasoningTokens < 0 || cachedTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative");
        }
    }
}
