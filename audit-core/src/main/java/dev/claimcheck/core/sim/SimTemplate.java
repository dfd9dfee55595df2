package dev.claimcheck.core.sim;

import dev.claimcheck.core.BadInputException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The chat-template behaviour the simulator impersonates ({@code sim:template=...}, docs/simulator.md), so the
 * fingerprint's template probe is tested over HTTP against each.
 */
public enum SimTemplate {
    /** Message contents only, no template tokens, tools not rendered; reasoning in {@code reasoning_content}. The default. */
    PLAIN("plain"),
    /** ChatML: 4 tokens around each message and 3 to prime the answer; the tool list rendered as its JSON. */
    CHATML("chatml"),
    /** As plain, but reasoning leaks into the content between {@code <think>} tags (no reasoning parser). */
    THINK_IN_CONTENT("think-in-content"),
    /** As plain, but system messages are dropped (neither counted nor seen). */
    DROPS_SYSTEM("drops-system"),
    /** As plain, but reasoning in {@code reasoning}, the field current vLLM (0.10 and later) streams it in. */
    REASONING_FIELD("reasoning-field");

    private final String id;

    SimTemplate(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The message/delta field a reasoning parser's output goes in under this template. */
    String reasoningField() {
        return this == REASONING_FIELD ? "reasoning" : "reasoning_content";
    }

    static SimTemplate of(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst()
                .orElseThrow(() -> new BadInputException("unknown simulator template '" + id + "' (known: "
                        + Arrays.stream(values()).map(SimTemplate::id).collect(Collectors.joining(", ")) + ")"));
    }
}
