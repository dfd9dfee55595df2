package dev.claimcheck.core.endpoint;

import dev.claimcheck.core.sim.SimHttp;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * vLLM or SGLang started with a reasoning parser (e.g. {@code --reasoning-parser deepseek_r1}): the thinking streams in
 * {@code delta.reasoning_content} before the answer in {@code delta.content}, and the final usage chunk
 * ({@code stream_options.include_usage}) carries {@code prompt_tokens} and {@code completion_tokens} but no
 * {@code completion_tokens_details}, so the reasoning share is not reported.
 */
public final class ReasoningParserServer extends LoopbackEngine {
    /** The reasoning text streamed, one word per chunk. */
    public static final String THOUGHT = "The user asks for a sum. Two plus two is four, so the answer is 4.";

    public ReasoningParserServer() throws IOException {
    }

    @Override
    protected Reply answer(SimHttp.Request request, int chat) {
        if (chat < 0) {
            return Reply.json(404, "{\"detail\":\"Not Found\"}");
        }
        List<String> events = new ArrayList<>();
        events.add("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                + "\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}");
        String[] words = THOUGHT.split("(?<= )");
        for (String w : words) {
            events.add("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                    + "\"delta\":{\"reasoning_content\":\"" + w + "\"},\"finish_reason\":null}]}");
        }
        events.add("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                + "\"delta\":{\"content\":\"4\"},\"finish_reason\":\"stop\"}]}");
        events.add("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"choices\":[],"
                + "\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":" + (words.length + 1) + ",\"total_tokens\":"
                + (words.length + 21) + "}}");
        return Reply.sse(events);
    }
}
