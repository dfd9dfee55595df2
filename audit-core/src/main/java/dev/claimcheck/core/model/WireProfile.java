package dev.claimcheck.core.model;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * run.json {@code endpoint.wireProfile}: how the engine spelled what the OpenAI format leaves open, as the client saw it
 * over a run's responses (docs/throughput.md "Engine wire profiles"). Each part is what every response that showed it
 * agreed on; responses that disagreed make it {@code mixed}, responses that never showed it leave it {@code none}.
 *
 * @param reasoning where the reasoning text came
 * @param usage where the token counts came
 * @param toolCalls how tool calls were streamed
 * @param responses responses observed
 */
public record WireProfile(Reasoning reasoning, UsageLayout usage, ToolCallDeltas toolCalls, long responses) {
    public static final WireProfile NONE = new WireProfile(Reasoning.NONE, UsageLayout.NONE, ToolCallDeltas.NONE, 0);

    public WireProfile {
        reasoning = reasoning == null ? Reasoning.NONE : reasoning;
        usage = usage == null ? UsageLayout.NONE : usage;
        toolCalls = toolCalls == null ? ToolCallDeltas.NONE : toolCalls;
    }

    /** One response's profile. */
    public static WireProfile of(Reasoning reasoning, UsageLayout usage, ToolCallDeltas toolCalls) {
        return new WireProfile(reasoning, usage, toolCalls, 1);
    }

    /** The profile of both sets of responses. */
    public WireProfile merge(WireProfile o) {
        if (o == null) {
            return this;
        }
        return new WireProfile(pick(reasoning, o.reasoning, Reasoning.NONE, Reasoning.MIXED),
                pick(usage, o.usage, UsageLayout.NONE, UsageLayout.MIXED),
                pick(toolCalls, o.toolCalls, ToolCallDeltas.NONE, ToolCallDeltas.MIXED), responses + o.responses);
    }

    private static <E> E pick(E a, E b, E none, E mixed) {
        return a == none ? b : b == none || a == b ? a : mixed;
    }

    /** The reasoning's spelling on the wire. */
    public enum Reasoning {
        /** {@code reasoning_content}: SGLang's and DeepSeek-style parsers, older vLLM. */
        REASONING_CONTENT("reasoning_content"),
        /** {@code reasoning}: current vLLM. */
        REASONING("reasoning"),
        /** {@code <think>…</think>} left in {@code content} (no reasoning parser ran); the client split it. */
        THINK_TAGS("think-tags"),
        MIXED("mixed"),
        NONE("none");

        private final String id;

        Reasoning(String id) {
            this.id = id;
        }

        @JsonValue
        public String id() {
            return id;
        }
    }

    /** Where the token counts came. */
    public enum UsageLayout {
        /** OpenAI's: one {@code usage} object, on the last chunk ({@code stream_options.include_usage}) or the body. */
        FINAL("final"),
        /** {@code usage} on every chunk, running totals (vLLM's {@code stream_options.continuous_usage_stats}). */
        EVERY_CHUNK("every-chunk"),
        /** Only llama.cpp's {@code timings} ({@code prompt_n + cache_n}, {@code predicted_n}). */
        TIMINGS("timings"),
        /** OpenAI usage and llama.cpp's {@code timings} (the engine's own clock) beside it. */
        FINAL_WITH_TIMINGS("final+timings"),
        /** Only SGLang's native {@code meta_info} ({@code prompt_tokens}, {@code completion_tokens}, {@code cached_tokens}). */
        META_INFO("meta_info"),
        MIXED("mixed"),
        NONE("none");

        private final String id;

        UsageLayout(String id) {
            this.id = id;
        }

        @JsonValue
        public String id() {
            return id;
        }
    }

    /** How a tool call's deltas arrived. */
    public enum ToolCallDeltas {
        /** Each call whole in one delta (id, name and all its arguments). */
        WHOLE("whole"),
        /** Arguments split across deltas, the id and name on the first only (vLLM, SGLang, llama.cpp). */
        PIECES("pieces"),
        /** Arguments split across deltas with the id repeated on each. */
        PIECES_ID_REPEATED("pieces-id-repeated"),
        MIXED("mixed"),
        NONE("none");

        private final String id;

        ToolCallDeltas(String id) {
            this.id = id;
        }

        @JsonValue
        public String id() {
            return id;
        }
    }
}
