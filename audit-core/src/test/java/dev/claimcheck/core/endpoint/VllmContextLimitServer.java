package dev.claimcheck.core.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.sim.SimHttp;
import dev.claimcheck.core.tokens.Tokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * vLLM serving a model with {@code --max-model-len}: {@code /v1/models} lists the model with {@code max_model_len},
 * {@code /version} answers, and a chat request whose prompt tokens plus {@code max_tokens} exceed the context is
 * refused with HTTP 400 in vLLM's current wording ("'max_tokens' or 'max_completion_tokens' is too large: N. This
 * model's maximum context length is C tokens and your request has P input tokens (N > C - P)") before anything is
 * generated. Prompt tokens are counted with o200k_base plus 4 template tokens per message (a stand-in for the
 * model's own tokenizer). Accepted requests stream a short answer with usage.
 */
public final class VllmContextLimitServer extends LoopbackEngine {
    private static final Tokenizer TOKENIZER = Tokenizer.named(Tokenizer.DEFAULT);
    private final int maxModelLen;

    public VllmContextLimitServer(int maxModelLen) throws IOException {
        this.maxModelLen = maxModelLen;
    }

    @Override
    protected Reply answer(SimHttp.Request request, int chat) {
        String path = request.path();
        if (path.equals("/v1/models")) {
            return Reply.json(200, "{\"object\":\"list\",\"data\":[{\"id\":\"org/small\",\"object\":\"model\",\"owned_by\":\"vllm\","
                    + "\"root\":\"org/small\",\"max_model_len\":" + maxModelLen + "}]}");
        }
        if (path.equals("/version")) {
            return Reply.json(200, "{\"version\":\"0.11.0\"}");
        }
        if (chat < 0) {
            return Reply.json(404, "{\"detail\":\"Not Found\"}");
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
        long maxTokens = body.path("max_tokens").asLong(maxModelLen - prompt);
        if (prompt + maxTokens > maxModelLen) {
            return Reply.json(400, "{\"error\":{\"message\":\"'max_tokens' or 'max_completion_tokens' is too large: " + maxTokens
                    + ". This model's maximum context length is " + maxModelLen + " tokens and your request has " + prompt
                    + " input tokens (" + maxTokens + " > " + maxModelLen + " - " + prompt + "). None\","
                    + "\"type\":\"BadRequestError\",\"param\":null,\"code\":400}}");
        }
        return Reply.sse(contentStream(prompt, 3));
    }
}
