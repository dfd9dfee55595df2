package dev.claimcheck.core.toolcheck;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.ToolCall;
import java.util.List;
import java.util.Objects;

/**
 * One tool-calling request sent alike to every endpoint: the conversation and the OpenAI {@code tools} offered.
 *
 * @param reference the calls a correct model makes (the simulator is scripted with them); empty when no tool fits
 */
record ToolProbe(String id, List<ChatMessage> messages, ArrayNode tools, List<ToolCall> reference) {
    ToolProbe {
        Objects.requireNonNull(id, "id");
        messages = List.copyOf(messages);
        Objects.requireNonNull(tools, "tools");
        reference = List.copyOf(reference);
    }

    boolean expectsCall() {
        return !reference.isEmpty();
    }
}
