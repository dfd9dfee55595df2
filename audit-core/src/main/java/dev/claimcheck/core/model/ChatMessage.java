package dev.claimcheck.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * One chat message as sent to an OpenAI-compatible endpoint.
 *
 * @param role system, user, assistant or tool
 * @param content the text (may be null for an assistant message that only calls tools)
 * @param toolCalls calls made by an assistant message, else empty
 * @param toolCallId for a tool message, the call it answers
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ChatMessage(String role, String content, List<ToolCall> toolCalls, String toolCallId) {
    public ChatMessage {
        Objects.requireNonNull(role, "role");
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    public static ChatMessage system(String content) {
        return new ChatMessage("system", content, List.of(), null);
    }

    public static ChatMessage user(String content) {
        return new ChatMessage("user", content, List.of(), null);
    }

    /** An assistant turn: its text (may be empty) and the tools it calls. */
    public static ChatMessage assistant(String content, List<ToolCall> toolCalls) {
        return new ChatMessage("assistant", content, toolCalls, null);
    }

    /** A tool's result, answering the call with this id. */
    public static ChatMessage tool(String toolCallId, String content) {
        return new ChatMessage("tool", content, List.of(), toolCallId);
    }

    /** The messages with an optional system prompt in front (null: unchanged), as a run sends them. */
    public static List<ChatMessage> withSystemPrompt(String systemPrompt, List<ChatMessage> messages) {
        if (systemPrompt == null) {
            return messages;
        }
        List<ChatMessage> all = new java.util.ArrayList<>(messages.size() + 1);
        all.add(system(systemPrompt));
        all.addAll(messages);
        return all;
    }
}
