package dev.claimcheck.core.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.sim.SimHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * vLLM with automatic prefix caching and {@code --enable-prompt-tokens-details}: the KV cache is kept in blocks of 16
 * tokens, a block is reused when the whole prompt up to its end was computed before (on any earlier request, for as
 * long as the server runs), and the stream's usage reports the reused tokens as
 * {@code usage.prompt_tokens_details.cached_tokens}. The prompt is the chat template's opening (8 tokens, the same for
 * every request) followed by the user message, one token per space-separated word (the bench's prompts are exactly
 * that in its tokenizer). At least the last prompt token is always computed, as in vLLM.
 */
public final class VllmPrefixCacheServer extends LoopbackEngine {
    static final int BLOCK = 16;
    static final int TEMPLATE_TOKENS = 8;
    private final Set<String> blocks = ConcurrentHashMap.newKeySet();

    public VllmPrefixCacheServer() throws IOException {
        super();
    }

    @Override
    protected Reply answer(SimHttp.Request request, int chat) {
        if (chat < 0) {
            return Reply.json(404, "{\"error\":{\"message\":\"Not Found\",\"type\":\"NotFoundError\",\"code\":404}}");
        }
        JsonNode body;
        try {
            body = OpenAiChatEndpoint.JSON.readTree(request.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < TEMPLATE_TOKENS; i++) {
            tokens.add("<t" + i + ">");
        }
        for (JsonNode m : body.path("messages")) {
            for (String w : m.path("content").asText().trim().split(" +")) {
                tokens.add(w);
            }
        }
        int cached = 0;
        StringBuilder prefix = new StringBuilder();
        boolean hit = true;
        for (int end = BLOCK; end < tokens.size(); end += BLOCK) { // < : the last token is always computed
            for (int i = end - BLOCK; i < end; i++) {
                prefix.append(tokens.get(i)).append('\u0001');
            }
            String key = prefix.toString();
            if (hit && blocks.contains(key)) {
                cached = end;
            } else {
                hit = false;
                blocks.add(key);
            }
        }
        int words = body.path("max_tokens").asInt(4);
        List<String> events = new ArrayList<>(contentStream(tokens.size(), words));
        String usage = events.remove(events.size() - 1);
        events.add(usage.replace("}}", ",\"prompt_tokens_details\":{\"cached_tokens\":" + cached + "}}}"));
        return Reply.sse(events);
    }
}
