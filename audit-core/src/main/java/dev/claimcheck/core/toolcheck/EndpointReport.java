package dev.claimcheck.core.toolcheck;

import dev.claimcheck.core.model.Estimate;
import java.util.Map;
import java.util.TreeMap;

/**
 * One endpoint's figures in a tool-call check (docs/toolcheck.md). Rates carry a 95% interval clustered by probe.
 *
 * @param endpoint the base URL (or the simulator spec) as given
 * @param reference whether this is the reference endpoint (the first), which the others are compared with
 * @param requests requests sent; {@code errors} of them failed after their retries
 * @param toolCallReplies replies with at least one tool call
 * @param schemaValid among replies with tool calls, the share whose every call names an offered tool with arguments
 *                    that fit its schema (null when no reply called a tool)
 * @param callWhenExpected among replies to probes a tool fits, the share that called one
 * @param emptyReplies replies with neither content nor tool calls: a parser that drops tool calls
 * @param finishReasons count per finish reason ("none" when the server sent none)
 * @param sameDecision share of probes (per attempt, both answered) where this endpoint called the same tools, in the
 *                     same order, as the reference (1 for the reference itself)
 * @param sameArguments likewise, also with equal arguments (as JSON values)
 * @param meanPromptTokens mean prompt tokens per answered request, as the server reported them
 * @param meanCompletionTokens mean completion tokens
 * @param latencyP50Ms median end-to-end latency; {@code latencyMeanMs} the mean
 * @param flag why the endpoint is flagged, null when it is not
 */
public record EndpointReport(String endpoint, boolean reference, int requests, int errors, int toolCallReplies,
                             Estimate schemaValid, Estimate callWhenExpected, int emptyReplies,
                             Map<String, Long> finishReasons, Estimate sameDecision, Estimate sameArguments,
                             double meanPromptTokens, double meanCompletionTokens, Double latencyP50Ms, Double latencyMeanMs,
                             String flag) {
    public EndpointReport {
        finishReasons = finishReasons == null ? Map.of() : new TreeMap<>(finishReasons);
    }

    public boolean flagged() {
        return flag != null;
    }
}
