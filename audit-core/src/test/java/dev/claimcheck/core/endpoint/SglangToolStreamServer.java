package dev.claimcheck.core.endpoint;

import dev.claimcheck.core.sim.SimHttp;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * SGLang's OpenAI server with a reasoning parser and a tool-call parser, as its streams have been reported: the thinking
 * in {@code delta.reasoning_content}; every delta of a tool call repeats the call's {@code id}, and the second call
 * streams at {@code index} 0 again under a new id; usage only in the final chunk ({@code include_usage}).
 * {@code nativeCounts} instead leaves OpenAI's usage out and ends with the counts under SGLang's native
 * {@code meta_info} names ({@code prompt_tokens}, {@code completion_tokens}, {@code cached_tokens}), as its
 * {@code /generate} endpoint reports them.
 */
public final class SglangToolStreamServer extends LoopbackEngine {
    public static final String ID0 = "call_sg0";
    public static final String ID1 = "call_sg1";
    private final boolean nativeCounts;

    public SglangToolStreamServer(boolean nativeCounts) throws IOException {
        this.nativeCounts = nativeCounts;
    }

    @Override
    protected Reply answer(SimHttp.Request request, int chat) {
        if (chat < 0) {
            return Reply.json(404, "{\"detail\":\"Not Found\"}");
        }
        List<String> events = new ArrayList<>();
        events.add(EngineAnswer.chunk("sg", "{\"role\":\"assistant\",\"content\":null}", null) + "}");
        for (String r : EngineAnswer.REASONING) {
            events.add(EngineAnswer.chunk("sg", "{\"reasoning_content\":\"" + r + "\"}", null) + "}");
        }
        for (int call = 0; call < 2; call++) {
            String id = call == 0 ? ID0 : ID1;
            events.add(EngineAnswer.chunk("sg", "{\"tool_calls\":[{\"id\":\"" + id + "\",\"index\":0,\"type\":\"function\","
                    + "\"function\":{\"name\":\"" + EngineAnswer.NAMES.get(call) + "\",\"arguments\":\"\"}}]}", null) + "}");
            for (String piece : EngineAnswer.ARGUMENTS.get(call)) {
                events.add(EngineAnswer.chunk("sg", "{\"tool_calls\":[{\"id\":\"" + id + "\",\"index\":0,\"type\":\"function\","
                        + "\"function\":{\"name\":null,\"arguments\":\"" + piece + "\"}}]}", null) + "}");
            }
        }
        events.add(EngineAnswer.chunk("sg", "{}", "tool_calls") + "}");
        int n = EngineAnswer.completionTokens();
        events.add(nativeCounts
                ? "{\"id\":\"sg\",\"choices\":[],\"meta_info\":{\"prompt_tokens\":" + EngineAnswer.PROMPT_TOKENS
                        + ",\"completion_tokens\":" + n + ",\"cached_tokens\":0,\"e2e_latency\":0.05}}"
                : "{\"id\":\"sg\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[],"
                        + EngineAnswer.usage(n) + "}");
        return Reply.sse(events);
    }
}
