package dev.claimcheck.core.stats;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * When an instant answer is escalated to the thinking model (docs/routing.md). The JSON spelling is {@link #id()}.
 */
public enum RoutingStrategy {
    /** Never escalate. */
    INSTANT_ONLY("instant-only"),
    /** Always ask the thinking model (the instant call is not made). */
    THINKING_ONLY("thinking-only"),
    /** Escalate exactly when the instant answer is wrong: the upper bound no real router reaches. */
    ORACLE("oracle"),
    /** Escalate when the instant answer could not be read, was cut at max_tokens, or the attempt errored. */
    ESCALATE_ON_UNPARSED("escalate-on-unparsed"),
    /** Escalate a task when its k instant answers do not all agree (needs k ≥ 2; with k = 1 it never escalates). */
    ESCALATE_ON_DISAGREEMENT("escalate-on-disagreement"),
    /** Escalate when the instant output exceeds a token budget (one row per budget: the curve). */
    ESCALATE_OVER_BUDGET("escalate-over-budget");

    private final String id;

    RoutingStrategy(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }
}
