package dev.claimcheck.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What an endpoint looked like at one moment of a run: what it says it serves, how it counts tokens, what its chat
 * template does, and how it answers fixed prompts at temperature 0 (docs/fingerprint.md). Two fingerprints of one
 * model behind one engine agree; a relabelled build, another tokenizer or a swapped template shows as a difference.
 *
 * @param takenAt when the probes started (ISO-8601)
 * @param served what the server reports about itself
 * @param tokenizer the tokenizer probe
 * @param template the chat-template probe
 * @param canaries temperature-0 answers to fixed prompts, as hashes
 * @param cost what the probes spent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Fingerprint(String takenAt, Served served, TokenizerProbe tokenizer, TemplateProbe template,
                          List<Canary> canaries, Cost cost) {
    public Fingerprint {
        Objects.requireNonNull(served, "served");
        Objects.requireNonNull(tokenizer, "tokenizer");
        Objects.requireNonNull(template, "template");
        canaries = canaries == null ? List.of() : List.copyOf(canaries);
        Objects.requireNonNull(cost, "cost");
    }

    /**
     * What the server reports: {@code /v1/models} ids, the served context, the engine and, where the engine reports them,
     * its precision and parallelism ({@code quantization}, {@code dtype}, {@code kvCacheDtype}, {@code tp}, {@code pp}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Served(List<String> modelIds, Long contextLength, String engine, String engineVersion,
                         Map<String, String> precision) {
        public Served {
            modelIds = modelIds == null ? List.of() : List.copyOf(modelIds);
            precision = precision == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(precision));
        }
    }

    /**
     * {@code usage.prompt_tokens} of each probe string minus that of the baseline prompt, so the chat template's
     * constant overhead cancels and what remains is the tokenizer's count of the text.
     *
     * @param deltas probe id to prompt-token difference (a probe that failed is absent)
     * @param family the known family whose counts all deltas match, or null when none does
     * @param nearest the known family with the fewest differing probes
     * @param differing how many probes differ from {@code nearest}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TokenizerProbe(Map<String, Long> deltas, String family, String nearest, int differing) {
        public TokenizerProbe {
            deltas = deltas == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(deltas));
        }
    }

    /**
     * What the chat template does.
     *
     * @param systemTokens prompt tokens a system prompt adds (0: the template drops it); null when the probe failed
     * @param toolsTokens prompt tokens a one-function tool list adds (0: the template does not render tools)
     * @param reasoning where reasoning appears when {@code enable_thinking} is asked for
     * @param toolCalls how an instruction to call the offered function comes back
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TemplateProbe(Long systemTokens, Long toolsTokens, ReasoningPlacement reasoning, ToolCallParsing toolCalls) {
        public TemplateProbe {
            Objects.requireNonNull(reasoning, "reasoning");
            Objects.requireNonNull(toolCalls, "toolCalls");
        }
    }

    /** Where reasoning appeared in the thinking probe's answer. */
    public enum ReasoningPlacement {
        /** In the reasoning field ({@code reasoning_content} / {@code reasoning}): the engine's reasoning parser matched. */
        @JsonProperty("field") FIELD,
        /** As {@code <think>} text inside the content: no reasoning parser, or one that does not match the model. */
        @JsonProperty("contentTags") CONTENT_TAGS,
        /** No reasoning at all. */
        @JsonProperty("none") NONE,
        /** The request failed (e.g. a provider that refuses {@code chat_template_kwargs}). */
        @JsonProperty("failed") FAILED
    }

    /** How the tool probe's call came back. */
    public enum ToolCallParsing {
        /** As {@code tool_calls}: the engine's tool-call parser matched. */
        @JsonProperty("native") NATIVE,
        /** As call markup in the content ({@code <tool_call>}, a JSON object naming the function): the parser did not match. */
        @JsonProperty("contentMarkup") CONTENT_MARKUP,
        /** No call, no markup. */
        @JsonProperty("none") NONE,
        /** The request failed. */
        @JsonProperty("failed") FAILED
    }

    /**
     * One canary prompt's temperature-0 answer.
     *
     * @param sha256 of the content, a NUL, and the reasoning; null when the request failed
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Canary(String id, String sha256) {
        public Canary {
            Objects.requireNonNull(id, "id");
        }
    }

    /** What the probes spent: requests sent (failed ones included) and the tokens the server reported. */
    public record Cost(int requests, int failed, long promptTokens, long completionTokens) {
    }
}
