package dev.claimcheck.core.endpoint;

import dev.claimcheck.core.model.ToolCall;
import java.util.List;

/**
 * The one answer every engine fixture of the wire-profile tests streams, each in its own engine's spelling: a few
 * pieces of reasoning, then two tool calls whose arguments come in pieces. Each piece is one token, so an engine's
 * {@code completion_tokens} is the number of pieces.
 */
final class EngineAnswer {
    static final int PROMPT_TOKENS = 31;
    static final List<String> REASONING = List.of("The user", " wants", " the weather", " and the time.");
    static final List<String> NAMES = List.of("get_weather", "get_time");
    /** Each call's arguments, in the pieces they stream in. */
    static final List<List<String>> ARGUMENTS = List.of(
            List.of("{\\\"city\\\": ", "\\\"Par", "is\\\"}"),
            List.of("{\\\"zone\\\": ", "\\\"Europe/", "Paris\\\"}"));

    private EngineAnswer() {
    }

    /** The calls as a client must rebuild them, with the ids the engine gave. */
    static List<ToolCall> calls(String id0, String id1) {
        return List.of(new ToolCall(id0, "get_weather", "{\"city\": \"Paris\"}"),
                new ToolCall(id1, "get_time", "{\"zone\": \"Europe/Paris\"}"));
    }

    /** Tokens generated: reasoning pieces, one delta naming each call, its argument pieces. */
    static int completionTokens() {
        return REASONING.size() + NAMES.size() + ARGUMENTS.stream().mapToInt(List::size).sum();
    }

    static String chunk(String id, String delta, String finish) {
        return "{\"id\":\"" + id + "\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
                + "\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":" + (finish == null ? "null" : "\"" + finish + "\"")
                + "}]";
    }

    static String usage(int completion) {
        return "\"usage\":{\"prompt_tokens\":" + PROMPT_TOKENS + ",\"total_tokens\":" + (PROMPT_TOKENS + completion)
                + ",\"completion_tokens\":" + completion + "}";
    }
}
