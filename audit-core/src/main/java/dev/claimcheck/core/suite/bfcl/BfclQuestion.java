package dev.claimcheck.core.suite.bfcl;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.claimcheck.core.model.ChatMessage;
import java.util.List;
import java.util.Objects;

/**
 * One BFCL question as published: its id, the category its file names, the first (only) turn's messages, the
 * functions offered and, where the category has one, the possible answer's {@code ground_truth}.
 */
record BfclQuestion(String id, String category, List<ChatMessage> messages, ArrayNode functions, ArrayNode groundTruth) {
    BfclQuestion {
        Objects.requireNonNull(id, "id");
        messages = List.copyOf(messages);
        Objects.requireNonNull(functions, "functions");
    }
}
