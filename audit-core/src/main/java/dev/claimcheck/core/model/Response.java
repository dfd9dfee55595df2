package dev.claimcheck.core.model;

import java.util.List;

/** What the model answered, reassembled from a stream or read from one body. */
public record Response(String content, String reasoning, List<ToolCall> toolCalls, String finishReason) {
    public Response {
        content = content == null ? "" : content;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    /** The model stopped because it hit max_tokens. */
    public boolean truncated() {
        return "length".equals(finishReason);
    }
}
