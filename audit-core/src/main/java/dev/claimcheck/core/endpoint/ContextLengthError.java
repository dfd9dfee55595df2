package dev.claimcheck.core.endpoint;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A request refused because its prompt plus {@code max_tokens} exceed the model's context: recognised in a 4xx body
 * by the engines' wording (vLLM and OpenAI "maximum context length", OpenAI's code {@code context_length_exceeded},
 * SGLang "longer than the model's context length"), and written by the simulator in vLLM's shape.
 */
public final class ContextLengthError {
    private static final Pattern WORDING = Pattern.compile(
            "maximum context length|context_length_exceeded|longer than the model's context length", Pattern.CASE_INSENSITIVE);

    private ContextLengthError() {
    }

    /** Whether an HTTP status and its error body say the context length was exceeded. */
    public static boolean matches(int status, String body) {
        return (status == 400 || status == 413 || status == 422) && body != null && WORDING.matcher(body).find();
    }

    /** vLLM's 400 body for a prompt of {@code promptTokens} plus {@code maxTokens} (null: not given) over {@code maxModelLen}. */
    static String body(long maxModelLen, long promptTokens, Integer maxTokens) {
        long completion = maxTokens == null ? 0 : Math.max(0, maxTokens);
        String message = String.format(Locale.ROOT, "This model's maximum context length is %d tokens. However, you requested "
                + "%d tokens (%d in the messages, %d in the completion). Please reduce the length of the messages or completion.",
                maxModelLen, promptTokens + completion, promptTokens, completion);
        return "{\"error\":{\"message\":" + SimHttp.quote(message) + ",\"type\":\"BadRequestError\",\"param\":null,\"code\":400}}";
    }
}
