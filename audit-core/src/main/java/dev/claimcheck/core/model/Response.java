package dev.claimcheck.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What the model answered, reassembled from a stream or read from one body.
 *
 * @param reasoningSplit the server sent the reasoning inside {@code content} between {@code <think>} tags (no
 *                       reasoning parser ran) and the client split it off into {@code reasoning}: content + reasoning
 *                       are still every character the server sent, and the record says the split was ours
 */
public record Response(String content, String reasoning, List<ToolCall> toolCalls, String finishReason,
                       @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean reasoningSplit) {
    public Response {
        content = content == null ? "" : content;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    /** A response whose reasoning (if any) came in a reasoning field, as the server parsed it. */
    public Response(String content, String reasoning, List<ToolCall> toolCalls, String finishReason) {
        this(content, reasoning, toolCalls, finishReason, false);
    }

    /** The model stopped because it hit max_tokens. */
    public boolean truncated() {
        return "length".equals(finishReason);
    }
}
