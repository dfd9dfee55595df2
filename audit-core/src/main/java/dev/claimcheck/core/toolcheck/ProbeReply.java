package dev.claimcheck.core.toolcheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimcheck.core.endpoint.ChatOutcome;
import dev.claimcheck.core.model.Response;
import dev.claimcheck.core.model.ToolCall;
import java.util.ArrayList;
import java.util.List;

/**
 * What one endpoint answered to one probe, judged on its own: the calls made and whether each is schema-valid (a
 * tool offered, arguments a JSON object that fits its parameter schema), and whether the reply is empty — no content
 * and no {@code tool_calls}, the sign of a server whose tool-call parser dropped the calls.
 *
 * @param error the error cause when the request failed after its retries, else null
 * @param calls the tool calls, name and arguments text, in order
 * @param invalid one line per schema violation of any call
 */
record ProbeReply(String probe, int attempt, String error, String finishReason, List<ToolCall> calls, List<String> invalid,
                  boolean empty, long promptTokens, long completionTokens, Double e2eMs) {
    private static final ObjectMapper JSON = new ObjectMapper();

    ProbeReply {
        calls = calls == null ? List.of() : List.copyOf(calls);
        invalid = invalid == null ? List.of() : List.copyOf(invalid);
    }

    boolean ok() {
        return error == null;
    }

    /** The tool names called, in order: what two endpoints must agree on to have taken the same decision. */
    List<String> decision() {
        return calls.stream().map(ToolCall::name).toList();
    }

    /** The calls as (name, parsed arguments), for comparing arguments across endpoints regardless of key order. */
    List<Object> parsedCalls() {
        List<Object> out = new ArrayList<>();
        for (ToolCall c : calls) {
            out.add(List.of(c.name(), parse(c.arguments())));
        }
        return out;
    }

    static ProbeReply of(ToolProbe probe, int attempt, ChatOutcome outcome) {
        long prompt = outcome.usage().promptTokens();
        long completion = outcome.usage().completionTokens();
        Double e2e = outcome.timing() == null ? null : outcome.timing().e2eMs();
        if (outcome instanceof ChatOutcome.Failure f) {
            return new ProbeReply(probe.id(), attempt, f.error().cause().id(), null, List.of(), List.of(), false,
                    prompt, completion, e2e);
        }
        Response r = ((ChatOutcome.Success) outcome).response();
        List<String> invalid = new ArrayList<>();
        for (ToolCall c : r.toolCalls()) {
            invalid.addAll(violations(probe, c));
        }
        boolean empty = r.toolCalls().isEmpty() && r.content().isBlank();
        return new ProbeReply(probe.id(), attempt, null, r.finishReason(), r.toolCalls(), invalid, empty, prompt, completion, e2e);
    }

    /** Why a call is not schema-valid (empty when it is). */
    static List<String> violations(ToolProbe probe, ToolCall call) {
        JsonNode schema = null;
        for (JsonNode t : probe.tools()) {
            if (t.at("/function/name").asText().equals(call.name())) {
                schema = t.at("/function/parameters");
            }
        }
        if (schema == null) {
            return List.of(call.name() + ": not an offered tool");
        }
        JsonNode args = parse(call.arguments());
        if (args == null || !args.isObject()) {
            return List.of(call.name() + ": arguments are not a JSON object");
        }
        return ArgumentSchema.violations(schema, args).stream().map(v -> call.name() + v).toList();
    }

    private static JsonNode parse(String text) {
        try {
            return text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (Exception e) {
            return null;
        }
    }
}
