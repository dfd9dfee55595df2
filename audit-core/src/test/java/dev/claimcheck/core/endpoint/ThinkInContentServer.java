package dev.claimcheck.core.endpoint;

import dev.claimcheck.core.sim.SimHttp;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * vLLM, SGLang or llama.cpp serving a reasoning model without a reasoning parser (vLLM/SGLang without
 * {@code --reasoning-parser}, llama-server with {@code --reasoning-format none}): the thinking streams in
 * {@code delta.content} between the tags, the tags arriving split across chunks as a tokenizer cuts them, and usage
 * has no {@code completion_tokens_details}. With {@code openingInPrompt} the chat template has already written
 * {@code <think>} into the prompt (DeepSeek-R1, Qwen3 templates), so the stream starts with the thought itself.
 */
public final class ThinkInContentServer extends LoopbackEngine {
    public static final String THOUGHT = "Two plus two is four.";
    public static final String ANSWER = "The answer is 4.";
    private final boolean openingInPrompt;

    public ThinkInContentServer(boolean openingInPrompt) throws IOException {
        this.openingInPrompt = openingInPrompt;
    }

    @Override
    protected Reply answer(SimHttp.Request request, int chat) {
        if (chat < 0) {
            return Reply.json(404, "{\"detail\":\"Not Found\"}");
        }
        List<String> pieces = new ArrayList<>();
        if (!openingInPrompt) {
            pieces.addAll(List.of("<th", "ink>", "\n"));
        }
        pieces.addAll(List.of(THOUGHT.split("(?<= )")));
        pieces.addAll(List.of("\n</", "think", ">", "\n\n"));
        pieces.addAll(List.of(ANSWER.split("(?<= )")));
        List<String> events = new ArrayList<>();
        for (String p : pieces) {
            events.add("{\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\""
                    + p.replace("\n", "\\n") + "\"},\"finish_reason\":null}]}");
        }
        events.add("{\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}");
        events.add("{\"object\":\"chat.completion.chunk\",\"choices\":[],\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":"
                + pieces.size() + ",\"total_tokens\":" + (pieces.size() + 20) + "}}");
        return Reply.sse(events);
    }
}
