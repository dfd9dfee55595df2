package dev.claimcheck.core.endpoint;

import java.util.regex.Pattern;

/**
 * A request refused because its prompt plus {@code max_tokens} exceed the model's context: recognised in a 4xx body
 * by the engines' wording (vLLM and OpenAI "maximum context length", OpenAI's code {@code context_length_exceeded},
 * SGLang "longer than the model's context length").
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
}
