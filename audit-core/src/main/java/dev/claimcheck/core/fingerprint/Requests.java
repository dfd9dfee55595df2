package dev.claimcheck.core.fingerprint;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.endpoint.ChatRequest;
import dev.claimcheck.core.endpoint.OpenAiChatEndpoint;
import dev.claimcheck.core.model.ChatMessage;
import java.util.List;

/** The bodies of the probe requests: the model, temperature 0, a small max_tokens, and nothing of the run's template. */
final class Requests {
    /** The one-function tool list of the tool probe. */
    static final ArrayNode TOOLS = tools();

    private Requests() {
    }

    static ChatRequest plain(String model, int maxTokens, List<ChatMessage> messages) {
        return new ChatRequest(messages, base(model, maxTokens), 0);
    }

    static ChatRequest withTools(String model, int maxTokens, String user) {
        ObjectNode t = base(model, maxTokens);
        t.set("tools", TOOLS.deepCopy());
        return new ChatRequest(List.of(ChatMessage.user(user)), t, 0);
    }

    static ChatRequest thinking(String model, int maxTokens, String user) {
        ObjectNode t = base(model, maxTokens);
        t.putObject("chat_template_kwargs").put("enable_thinking", true);
        return new ChatRequest(List.of(ChatMessage.user(user)), t, 0);
    }

    private static ObjectNode base(String model, int maxTokens) {
        ObjectNode t = OpenAiChatEndpoint.JSON.createObjectNode();
        t.put("model", model);
        t.put("temperature", 0);
        t.put("max_tokens", maxTokens);
        return t;
    }

    private static ArrayNode tools() {
        ArrayNode tools = OpenAiChatEndpoint.JSON.createArrayNode();
        ObjectNode fn = tools.addObject().put("type", "function").putObject("function");
        fn.put("name", ProbePlan.TOOL_NAME).put("description", "Returns the current time.");
        fn.putObject("parameters").put("type", "object").putObject("properties");
        return tools;
    }
}
