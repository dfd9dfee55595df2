package dev.claimcheck.core.endpoint;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.model.ChatMessage;
import java.util.List;
import java.util.Objects;

/**
 * One chat completion to send.
 *
 * @param messages the prompt
 * @param template the rest of the body (model, sampling, tools, chat_template_kwargs, extra body); never messages
 * @param attempt the attempt index; sent only as a header, and only to a server seeded per attempt
 *                ({@link ClientConfig#attemptHeaders()}), so its draws are deterministic per (seed, prompt, attempt,
 *                retry) — no expected answer ever travels with it
 */
public record ChatRequest(List<ChatMessage> messages, ObjectNode template, int attempt) {
    public ChatRequest {
        messages = List.copyOf(messages);
        Objects.requireNonNull(template, "template");
    }
}
