package dev.claimcheck.core.endpoint;

import dev.claimcheck.core.sim.SimHttp;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Current vLLM started with a reasoning parser and {@code --enable-auto-tool-choice --tool-call-parser hermes}: the
 * thinking streams in {@code delta.reasoning}; a tool call's first delta carries its {@code index}, {@code id},
 * {@code type} and {@code function.name} with empty {@code arguments}, the later ones only the index and the next piece
 * of the arguments. With {@code stream_options.continuous_usage_stats} every chunk carries the running usage (and the
 * final empty-choices chunk the total); without it only that final chunk does.
 */
public final class VllmToolStreamServer extends LoopbackEngine {
    public static final String ID0 = "chatcmpl-tool-4f1a";
    public static final String ID1 = "chatcmpl-tool-9c2e";

    public VllmToolStreamServer() throws IOException {
    }

    @Override
    protected Reply answer(SimHttp.Request request, int chat) {
        if (chat < 0) {
            return Reply.json(404, "{\"detail\":\"Not Found\"}");
        }
        boolean continuous = chatBodies.get(chat).replace(" ", "").contains("\"continuous_usage_stats\":true");
        List<String> events = new ArrayList<>();
        int[] tokens = {0};
        java.util.function.BiConsumer<String, String> add = (delta, finish) -> {
            String c = EngineAnswer.chunk("chatcmpl-v", delta, finish);
            events.add(continuous ? c + "," + EngineAnswer.usage(tokens[0]) + "}" : c + "}");
        };
        add.accept("{\"role\":\"assistant\",\"content\":\"\"}", null);
        for (String r : EngineAnswer.REASONING) {
            tokens[0]++;
            add.accept("{\"reasoning\":\"" + r + "\"}", null);
        }
        for (int call = 0; call < 2; call++) {
            tokens[0]++;
            add.accept("{\"tool_calls\":[{\"id\":\"" + (call == 0 ? ID0 : ID1) + "\",\"type\":\"function\",\"index\":" + call
                    + ",\"function\":{\"name\":\"" + EngineAnswer.NAMES.get(call) + "\",\"arguments\":\"\"}}]}", null);
            for (String piece : EngineAnswer.ARGUMENTS.get(call)) {
                tokens[0]++;
                add.accept("{\"tool_calls\":[{\"index\":" + call + ",\"function\":{\"arguments\":\"" + piece + "\"}}]}", null);
            }
        }
        add.accept("{}", "tool_calls");
        events.add("{\"id\":\"chatcmpl-v\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[],"
                + EngineAnswer.usage(tokens[0]) + "}");
        return Reply.sse(events);
    }
}
