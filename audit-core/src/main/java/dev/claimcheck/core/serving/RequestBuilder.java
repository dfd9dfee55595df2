package dev.claimcheck.core.serving;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.LoadPoint;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.sim.Simulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the HTTP requests of a bench: a streamed chat completion whose output length is pinned ({@code max_tokens}
 * plus vLLM/SGLang's {@code min_tokens} and {@code ignore_eos}) and whose usage comes on every chunk
 * ({@code stream_options.continuous_usage_stats}), with a prompt of exactly the point's input tokens.
 */
final class RequestBuilder {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI chatUri;
    private final String model;
    private final PromptFactory prompts;
    private final BenchSpec spec;
    private final String head;

    /** @param emitStamps ask the simulator for its emit stamps (EmitStamps: only a simulator on this host, never an engine) */
    RequestBuilder(URI baseUrl, BenchSpec spec, PromptFactory prompts, boolean emitStamps) {
        this.chatUri = URI.create(baseUrl.toString().replaceAll("/+$", "") + "/chat/completions");
        this.model = spec.model();
        this.prompts = prompts;
        this.spec = spec;
        StringBuilder h = new StringBuilder();
        h.append("POST ").append(chatUri.getRawPath()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(chatUri.getHost()).append(chatUri.getPort() < 0 ? "" : ":" + chatUri.getPort()).append("\r\n")
                .append("Content-Type: application/json\r\nAccept: text/event-stream\r\nUser-Agent: claimcheck-bench\r\n");
        if (spec.apiKey() != null) {
            h.append("Authorization: Bearer ").append(spec.apiKey()).append("\r\n");
        }
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(spec.headers()).entrySet()) {
            h.append(e.getKey()).append(": ").append(e.getValue()).append("\r\n");
        }
        if (emitStamps) {
            h.append(Simulator.EMIT_STAMPS_HEADER).append(": 1\r\n");
        }
        this.head = h.toString();
    }

    /** The body sent for a point, minus messages (run.json's request template and each sample's request). */
    ObjectNode template(LoadPoint p) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        body.put("max_tokens", p.outputTokens());
        body.put("min_tokens", p.outputTokens());
        body.put("ignore_eos", true);
        body.put("stream", true);
        ObjectNode options = body.putObject("stream_options");
        options.put("include_usage", true);
        options.put("continuous_usage_stats", true);
        return body;
    }

    /** Request {@code n} of point {@code p}. */
    BenchRequest build(LoadPoint p, int n, boolean warmup, long dueNanos) {
        String taskId = String.format(Locale.ROOT, "p%03d-%06d", p.index(), n);
        String prompt = prompts.prompt(spec.seed(), spec.promptSalt(), ((long) p.index() << 32) | n, p.inputTokens(), spec.prefixShare());
        List<ChatMessage> messages = List.of(ChatMessage.user(prompt));
        ObjectNode template = template(p);
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        body.putArray("messages").addObject().put("role", "user").put("content", prompt);
        template.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("model")) {
                body.set(e.getKey(), e.getValue());
            }
        });
        try {
            byte[] json = JSON.writeValueAsBytes(body);
            ByteArrayOutputStream out = new ByteArrayOutputStream(json.length + head.length() + 32);
            out.write((head + "Content-Length: " + json.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(json);
            return new BenchRequest(taskId, PromptHash.of(messages), template, out.toByteArray(), warmup, dueNanos);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
