package dev.claimcheck.core.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.ToolCall;
import dev.claimcheck.core.tokens.Tokenizer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;

/**
 * Keeps {@code max_tokens} inside the served context: an engine refuses a request whose prompt plus {@code max_tokens}
 * exceed its context (vLLM's {@code max_model_len}), so the lane defaults (65,536 thinking) would fail every attempt on
 * a 32K server. Each attempt's {@code max_tokens} is capped to the context minus the prompt's tokens, estimated on the
 * high side: the run's tokenizer (o200k_base) counts the text, a quarter more is allowed for a vocabulary that splits
 * finer, plus chat-template tokens per message, and never more than the prompt's UTF-8 bytes plus that overhead (a
 * byte-level BPE token covers at least one byte). A prompt that alone fills the context is sent as it is, so the
 * engine's refusal is what the sample records.
 */
final class MaxTokensCap {
    /** Chat-template tokens allowed per message (role markers, separators) and once per request (a default system turn). */
    static final int PER_MESSAGE = 16;
    static final int PER_REQUEST = 64;

    private static final MaxTokensCap NONE = new MaxTokensCap(0, null);

    private final long context;
    private final Tokenizer tokenizer;

    private MaxTokensCap(long context, Tokenizer tokenizer) {
        this.context = context;
        this.tokenizer = tokenizer;
    }

    /** A cap to {@code servedContext}, or none when the endpoint advertised no context. */
    static MaxTokensCap of(Long servedContext) {
        return servedContext == null || servedContext <= 0 ? NONE
                : new MaxTokensCap(servedContext, Tokenizer.named(Tokenizer.DEFAULT));
    }

    /** What run.json records as {@code request.servedContext}: the advertised context when the template sets max_tokens. */
    static Long servedContext(ObjectNode template, OptionalLong advertised) {
        return advertised.isPresent() && template != null && template.path("max_tokens").canConvertToLong()
                ? advertised.getAsLong() : null;
    }

    /** {@code template} itself when it fits, else a copy whose {@code max_tokens} leaves room for the prompt. */
    ObjectNode apply(ObjectNode template, List<ChatMessage> messages) {
        if (this == NONE || template == null || !template.path("max_tokens").canConvertToLong()) {
            return template;
        }
        long maxTokens = template.path("max_tokens").asLong();
        long overhead = PER_REQUEST + (long) PER_MESSAGE * messages.size();
        StringBuilder text = new StringBuilder();
        for (ChatMessage m : messages) {
            text.append(m.content() == null ? "" : m.content()).append('\n');
            for (ToolCall c : m.toolCalls()) {
                text.append(c.name()).append(' ').append(c.arguments()).append('\n');
            }
        }
        long byteBound = text.toString().getBytes(StandardCharsets.UTF_8).length + overhead;
        if (byteBound + maxTokens <= context) {
            return template; // fits even if every byte were a token: no need to tokenize
        }
        long counted = tokenizer.count(text.toString());
        long prompt = Math.min(byteBound, (long) Math.ceil(counted * 1.25) + overhead);
        long cap = context - prompt;
        if (cap >= maxTokens || cap < 1) {
            return template;
        }
        ObjectNode capped = template.deepCopy();
        capped.put("max_tokens", cap);
        return capped;
    }
}
