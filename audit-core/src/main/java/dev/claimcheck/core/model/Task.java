package dev.claimcheck.core.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One problem of a suite, ready to send.
 *
 * @param id stable id within the suite and dataset
 * @param messages the prompt
 * @param expected the reference answer (graders compare against it)
 * @param redistributable whether the prompt text may be stored in a sample line
 * @param meta suite-specific facts (difficulty, length, depth, ...)
 */
public record Task(String id, List<ChatMessage> messages, String expected, boolean redistributable,
                   Map<String, String> meta) {
    public Task {
        Objects.requireNonNull(id, "id");
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("task " + id + " has no messages");
        }
        meta = meta == null ? Map.of() : Map.copyOf(meta);
    }

    /** The hash the simulator's oracle and non-redistributable sample lines use. */
    public String promptSha256() {
        return PromptHash.of(messages);
    }
}
