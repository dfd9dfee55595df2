package dev.claimcheck.core.endpoint;

import dev.claimcheck.core.sim.SimHttp;
import java.io.IOException;
import java.util.List;

/**
 * vLLM failing during generation after the stream has begun: the status is already 200, so the engine sends one
 * error event, {@code data: {"error": {"message": ..., "type": "InternalServerError", "param": null, "code": 500}}},
 * then {@code data: [DONE]}. Every chat request fails this way after two content tokens.
 */
public final class MidStreamErrorServer extends LoopbackEngine {
    public MidStreamErrorServer() throws IOException {
    }

    @Override
    protected Reply answer(SimHttp.Request request, int chat) {
        if (chat < 0) {
            return Reply.json(404, "{\"detail\":\"Not Found\"}");
        }
        return Reply.sse(List.of(
                "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}",
                "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"The\"},\"finish_reason\":null}]}",
                "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\" answer\"},\"finish_reason\":null}]}",
                "{\"error\":{\"message\":\"CUDA error: an illegal memory access was encountered\",\"type\":\"InternalServerError\","
                        + "\"param\":null,\"code\":500}}"));
    }
}
