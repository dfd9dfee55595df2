package dev.claimcheck.core.endpoint;

import java.util.regex.Pattern;

/**
 * A request refused because its prompt plus {@code max_tokens} exceed the model's context: recognised in an error
 * body by the engines' wording. vLLM ("This model's maximum context length is C tokens. However, you requested …", and
 * since 0.10 "'max_tokens' or 'max_completion_tokens' is too large: N. This model's maximum context length is C tokens
 * and your request has P input tokens"), OpenAI ({@code context_length_exceeded}), SGLang ("longer than the model's
 * context length"), llama.cpp's {@code llama-server} (type {@code exceed_context_size_error}, "the request exceeds
 * the available context size"; sent as HTTP 500 by the builds that introduced it, 400 later, and as a stream's error
 * event once streaming has begun).
 */
public final class ContextLengthError {
    private static final Pattern WORDING = Pattern.compile(
            "maximum context length|context_length_exceeded|longer than the model's context length"
                    + "|exceeds the available context size", Pattern.CASE_INSENSITIVE);
    /** llama.cpp's error type: unambiguous whatever the status. */
    private static final Pattern LLAMA_CPP_TYPE = Pattern.compile("exceed_context_size_error");

    private ContextLengthError() {
    }

    /** Whether an HTTP status and its error body say the context length was exceeded. */
    public static boolean matches(int status, String body) {
        if (body == null) {
            return false;
        }
        if (status >= 400 && LLAMA_CPP_TYPE.matcher(body).find()) {
            return true;
        }
        return (status == 400 || status == 413 || status == 422) && WORDING.matcher(body).find();
    }

    /** Whether a stream's error event (its JSON text) says the context length was exceeded. */
    public static boolean matchesEvent(String error) {
        return error != null && (LLAMA_CPP_TYPE.matcher(error).find() || WORDING.matcher(error).find());
    }
}
