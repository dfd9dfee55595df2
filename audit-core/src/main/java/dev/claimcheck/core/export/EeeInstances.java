package dev.claimcheck.core.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.ToolCall;
import dev.claimcheck.core.store.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Every Eval Ever's instance-level rows ({@code instance_level_eval.schema.json}): one row per journal line, so each
 * attempt of k is its own row ({@code metadata.attempt}). A single-request attempt is {@code single_turn} with its
 * output; an agent episode is {@code agentic} with its messages. Errored attempts are kept, with {@code error} set
 * and score 0, and marked {@code metadata.graded=false}: claimcheck's score is over graded attempts only.
 */
final class EeeInstances {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private EeeInstances() {
    }

    static List<ObjectNode> of(ExportedRun run) {
        List<ObjectNode> rows = new ArrayList<>();
        for (Sample s : run.samples()) {
            rows.add(row(run.manifest(), s));
        }
        return rows;
    }

    private static ObjectNode row(RunManifest m, Sample s) {
        ObjectNode r = F.objectNode();
        r.put("schema_version", EeeExport.INSTANCE_SCHEMA_VERSION);
        r.put("evaluation_id", EeeRecord.evaluationId(m));
        r.put("model_id", m.model().id());
        r.put("evaluation_name", EeeRecord.evaluationName(m));
        r.put("evaluation_result_id", EeeRecord.resultId(m));
        r.put("sample_id", s.taskId());
        r.put("sample_hash", s.promptSha256());
        boolean agentic = s.transcript() != null && !s.transcript().isEmpty();
        r.put("interaction_type", agentic ? "agentic" : "single_turn");
        ObjectNode input = r.putObject("input");
        input.put("raw", prompt(s));
        ArrayNode reference = input.putArray("reference");
        if (s.verdict() != null && s.verdict().expected() != null) {
            reference.add(s.verdict().expected());
        }
        int toolCalls = 0;
        if (agentic) {
            r.putNull("output");
            ArrayNode messages = r.putArray("messages");
            List<ChatMessage> all = new ArrayList<>(s.messages() == null ? List.of() : s.messages());
            all.addAll(s.transcript());
            for (ChatMessage msg : all) {
                toolCalls += message(messages, msg);
            }
        } else {
            ObjectNode output = r.putObject("output");
            ArrayNode raw = output.putArray("raw");
            if (s.response() != null && s.response().content() != null) {
                raw.add(s.response().content());
            }
            if (s.response() != null && s.response().reasoning() != null) {
                output.putArray("reasoning_trace").add(s.response().reasoning());
            }
            r.putNull("messages");
        }
        ArrayNode attribution = r.putArray("answer_attribution");
        if (s.verdict() != null) {
            ObjectNode a = attribution.addObject();
            a.put("turn_idx", agentic ? Math.max(0, r.path("messages").size() - 1) : 0);
            a.put("source", agentic ? "messages[turn_idx].content" : "output.raw");
            a.put("extracted_value", s.verdict().extracted() == null ? "" : s.verdict().extracted());
            a.put("extraction_method", s.verdict().grader() + "@" + s.verdict().graderVersion());
            a.put("is_terminal", true);
        }
        ObjectNode evaluation = r.putObject("evaluation");
        evaluation.put("score", s.verdict() == null ? 0 : s.verdict().score());
        evaluation.put("is_correct", s.verdict() != null && s.verdict().correct());
        if (agentic) {
            long turns = s.transcript().stream().filter(msg -> "assistant".equals(msg.role())).count();
            evaluation.put("num_turns", Math.max(1, turns));
            evaluation.put("tool_calls_count", toolCalls);
        }
        ObjectNode usage = r.putObject("token_usage");
        usage.put("input_tokens", s.usage().promptTokens());
        usage.put("output_tokens", s.usage().completionTokens());
        usage.put("total_tokens", s.usage().promptTokens() + s.usage().completionTokens());
        usage.put("input_tokens_cache_read", s.usage().cachedTokens());
        usage.put("reasoning_tokens", s.usage().reasoningTokens());
        ObjectNode perf = r.putObject("performance");
        if (s.timing().e2eMs() != null) {
            perf.put("latency_ms", s.timing().e2eMs());
        }
        if (s.timing().ttftMs() != null) {
            perf.put("time_to_first_token_ms", s.timing().ttftMs());
        }
        if (s.error() != null) {
            r.put("error", s.error().cause().id() + ": " + s.error().message());
        }
        ObjectNode meta = r.putObject("metadata");
        meta.put("attempt", Integer.toString(s.attempt()));
        meta.put("graded", Boolean.toString(s.verdict() != null));
        meta.put("simulated", Boolean.toString(m.simulated()));
        meta.put("prompt_sha256", s.promptSha256());
        if (s.response() != null && s.response().finishReason() != null) {
            meta.put("finish_reason", s.response().finishReason());
        }
        if (s.verdict() != null && s.verdict().detail() != null) {
            meta.put("verdict_detail", s.verdict().detail());
        }
        return r;
    }

    /** The prompt as sent; a prompt the journal keeps only by hash (not redistributable, generated) is named by it. */
    private static String prompt(Sample s) {
        if (s.messages() == null || s.messages().isEmpty()) {
            return "sha256:" + s.promptSha256() + " (prompt not stored in the run: see docs/exports.md)";
        }
        if (s.messages().size() == 1) {
            return String.valueOf(s.messages().get(0).content());
        }
        StringBuilder sb = new StringBuilder();
        for (ChatMessage msg : s.messages()) {
            sb.append(msg.role()).append(": ").append(msg.content()).append('\n');
        }
        return sb.toString().strip();
    }

    /** Appends one message; returns its number of tool calls. */
    private static int message(ArrayNode messages, ChatMessage msg) {
        ObjectNode o = messages.addObject();
        o.put("turn_idx", messages.size() - 1);
        o.put("role", msg.role());
        o.put("content", msg.content());
        if (msg.toolCalls() != null && !msg.toolCalls().isEmpty()) {
            ArrayNode calls = o.putArray("tool_calls");
            for (ToolCall call : msg.toolCalls()) {
                ObjectNode c = calls.addObject();
                c.put("id", call.id() == null ? "" : call.id());
                c.put("name", call.name());
                c.set("arguments", stringArguments(call.arguments()));
            }
        }
        if (msg.toolCallId() != null) {
            o.putArray("tool_call_id").add(msg.toolCallId());
        }
        return msg.toolCalls() == null ? 0 : msg.toolCalls().size();
    }

    /** EEE wants argument values as strings: a JSON object's values are written as their JSON text; other input as {"raw": …}. */
    static ObjectNode stringArguments(String arguments) {
        ObjectNode out = F.objectNode();
        if (arguments == null || arguments.isBlank()) {
            return out;
        }
        try {
            JsonNode parsed = Json.mapper().readTree(arguments);
            if (parsed.isObject()) {
                parsed.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
                return out;
            }
        } catch (java.io.IOException | RuntimeException e) {
            // malformed arguments are what the model sent; they are kept as they are
        }
        out.put("raw", arguments);
        return out;
    }
}
