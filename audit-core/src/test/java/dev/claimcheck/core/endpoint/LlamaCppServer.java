package dev.claimcheck.core.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.sim.SimHttp;
import dev.claimcheck.core.tokens.Tokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * llama.cpp's {@code llama-server}: no {@code /version}; {@code /props} with {@code default_generation_settings.n_ctx}
 * (the context of a slot), {@code build_info}, {@code model_path} and the (long) chat template; {@code /v1/models}
 * entries {@code owned_by: "llamacpp"}; {@code Server: llama.cpp} on every answer. A prompt that does not fit the
 * slot's context is refused with {@code {"error": {"code": C, "message": "the request exceeds the available context
 * size, try increasing it", "type": "exceed_context_size_error", "n_prompt_tokens": P, "n_ctx": N}}}, C and the HTTP
 * status being 400 in current builds and 500 in those that introduced the type.
 */
public final class LlamaCppServer extends LoopbackEngine {
    public static final int N_CTX = 4096;
    public static final String BUILD = "b6500-1a2b3c4d";
    private static final Tokenizer TOKENIZER = Tokenizer.named(Tokenizer.DEFAULT);
    private final int contextErrorStatus;

    /** @param contextErrorStatus 400 (current builds) or 500 (the builds that introduced exceed_context_size_error) */
    public LlamaCppServer(int contextErrorStatus) throws IOException {
        this.contextErrorStatus = contextErrorStatus;
    }

    @Override
    protected String serverHeaders() {
        return "Server: llama.cpp\r\n";
    }

    @Override
    protected Reply answer(SimHttp.Request request, int chat) {
        switch (request.path()) {
            case "/v1/models":
                return Reply.json(200, "{\"object\":\"list\",\"data\":[{\"id\":\"tiny.gguf\",\"object\":\"model\",\"created\":1,"
                        + "\"owned_by\":\"llamacpp\",\"meta\":{\"n_ctx_train\":32768,\"n_params\":1000000}}]}");
            case "/props":
                return Reply.json(200, "{\"default_generation_settings\":{\"n_ctx\":" + N_CTX + ",\"temperature\":0.8},"
                        + "\"total_slots\":1,\"model_path\":\"/models/tiny.gguf\",\"build_info\":\"" + BUILD + "\","
                        + "\"chat_template\":\"" + "{% for message in messages %}".repeat(50) + "\"}");
            case "/health":
                return Reply.json(200, "{\"status\":\"ok\"}");
            default:
                break;
        }
        if (chat < 0) {
            return Reply.json(404, "{\"error\":{\"code\":404,\"message\":\"File Not Found\",\"type\":\"not_found_error\"}}");
        }
        JsonNode body;
        try {
            body = OpenAiChatEndpoint.JSON.readTree(request.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int prompt = 0;
        for (JsonNode m : body.path("messages")) {
            prompt += 4 + TOKENIZER.count(m.path("content").asText(""));
        }
        if (prompt >= N_CTX) {
            return Reply.json(contextErrorStatus, "{\"error\":{\"code\":" + contextErrorStatus + ",\"message\":\"the request "
                    + "exceeds the available context size, try increasing it\",\"type\":\"exceed_context_size_error\","
                    + "\"n_prompt_tokens\":" + prompt + ",\"n_ctx\":" + N_CTX + "}}");
        }
        return Reply.sse(contentStream(prompt, 3));
    }
}
