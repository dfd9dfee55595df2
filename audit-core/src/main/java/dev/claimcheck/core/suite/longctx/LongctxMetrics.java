package dev.claimcheck.core.suite.longctx;

import dev.claimcheck.core.model.Estimate;
import dev.claimcheck.core.model.MeanInterval;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The long-context workload's figures beside {@link Metrics#cells()} ({@code metrics.longctx} in run.json; null
 * for other workloads). Definitions: docs/workloads/longctx.md.
 *
 * @param byFormat accuracy by the format of the section holding the planted material
 * @param byDensity accuracy by distractor density (distractor needles per 8k tokens)
 * @param byKind accuracy by task kind
 * @param effectiveLength the longest length whose accuracy, and that of every shorter length, stays at or above a threshold
 * @param promptTokensRatio the server's {@code usage.promptTokens} over {@code targetTokens}, per attempt that reports usage
 * @param byLength accuracy, server prompt tokens and time to first token per length (the prefill cost)
 */
public record LongctxMetrics(Map<String, Estimate> byFormat, Map<String, Estimate> byDensity, Map<String, Estimate> byKind,
                             EffectiveLength effectiveLength, MeanInterval promptTokensRatio, List<LengthCost> byLength) {
    public LongctxMetrics {
        byFormat = byFormat == null ? Map.of() : new TreeMap<>(byFormat);
        byDensity = byDensity == null ? Map.of() : new TreeMap<>(byDensity);
        byKind = byKind == null ? Map.of() : new TreeMap<>(byKind);
        byLength = byLength == null ? List.of() : List.copyOf(byLength);
    }

    /**
     * RULER-style effective length.
     *
     * @param threshold the accuracy a length must reach
     * @param length the longest length that reaches it with every shorter length; null when the shortest does not
     */
    public record EffectiveLength(double threshold, Integer length) {
    }

    /**
     * One length's cost and accuracy.
     *
     * @param promptTokens the server's reported prompt tokens (null when it reported none)
     * @param ttftMs time to first token (null when no attempt measured one)
     */
    public record LengthCost(int length, Estimate accuracy, MeanInterval promptTokens, MeanInterval ttftMs) {
    }
}
