package dev.claimcheck.core.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;

/** The request parameters the simulator checks as OpenAI and vLLM do, and its refusals (HTTP 400 naming the parameter). */
final class SimParams {
    private SimParams() {
    }

    /** A request parameter the simulator refuses, as OpenAI does: HTTP 400 naming the parameter. */
    static final class Refused extends Exception {
        final String param;

        Refused(String param, String message) {
            super(message);
            this.param = param;
        }
    }

    static int intParam(JsonNode body, String name, int absent, int min, int maxValue) throws Refused {
        JsonNode v = body.get(name);
        if (v == null || v.isNull()) {
            return absent;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < min || v.asInt() > maxValue) {
            throw new Refused(name, name + " must be an integer in [" + min + ", " + maxValue + "]");
        }
        return v.asInt();
    }

    /** {@code stop}: absent, one string or a list of up to 4 strings (OpenAI's limit). */
    static List<String> stops(JsonNode stop) throws Refused {
        if (stop == null || stop.isNull()) {
            return List.of();
        }
        if (stop.isTextual()) {
            return List.of(stop.asText());
        }
        if (stop.isArray() && stop.size() <= 4) {
            List<String> out = new java.util.ArrayList<>();
            for (JsonNode s : stop) {
                if (!s.isTextual()) {
                    throw new Refused("stop", "stop must be a string or a list of up to 4 strings");
                }
                out.add(s.asText());
            }
            return out;
        }
        throw new Refused("stop", "stop must be a string or a list of up to 4 strings");
    }

    /** -1 without logprobs; else the alternatives per token (chat: top_logprobs 0..20; completions: logprobs 0..5). */
    static int logprobs(JsonNode body, boolean chat) throws Refused {
        if (!chat) {
            return intParam(body, "logprobs", -1, 0, 5);
        }
        boolean on = body.path("logprobs").asBoolean(false);
        int top = intParam(body, "top_logprobs", 0, 0, 20);
        if (!on && body.hasNonNull("top_logprobs")) {
            throw new Refused("top_logprobs", "top_logprobs needs logprobs: true");
        }
        return on ? top : -1;
    }

    /** vLLM's {@code min_tokens}, or all of {@code max_tokens} under {@code ignore_eos}: the pinned output length. */
    static int minTokens(JsonNode body, Integer maxTokens) {
        int min = body.path("min_tokens").canConvertToInt() ? Math.max(0, body.get("min_tokens").asInt()) : 0;
        if (body.path("ignore_eos").asBoolean(false) && maxTokens != null) {
            min = Math.max(min, maxTokens);
        }
        return maxTokens == null ? min : Math.min(min, maxTokens);
    }

    /** vLLM's 400 body for a prompt of {@code promptTokens} plus {@code maxTokens} (null: not given) over {@code maxModelLen}. */
    static String contextLengthBody(long maxModelLen, long promptTokens, Integer maxTokens) {
        long completion = maxTokens == null ? 0 : Math.max(0, maxTokens);
        String message = String.format(Locale.ROOT, "This model's maximum context length is %d tokens. However, you requested "
                + "%d tokens (%d in the messages, %d in the completion). Please reduce the length of the messages or completion.",
                maxModelLen, promptTokens + completion, promptTokens, completion);
        return "{\"error\":{\"message\":" + SimHttp.quote(message) + ",\"type\":\"BadRequestError\",\"param\":null,\"code\":400}}";
    }
}
