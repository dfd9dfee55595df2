package dev.claimcheck.core.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.sim.SimHttp;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * llama.cpp's {@code llama-server} (cpp-httplib) closing kept-alive connections: its keep-alive ends on a timeout
 * (5 s by default) with no {@code Connection: close} sent beforehand, so a client that reuses the connection as it
 * expires writes a request into a socket the server then closes unanswered. Here at its extreme: every connection
 * carries one response, and the next request on it is read and dropped. Chat requests stream {@code max_tokens}
 * content tokens with usage in the last chunk.
 */
public final class KeepAliveExpiringServer extends LoopbackEngine {
    public KeepAliveExpiringServer() throws IOException {
        super(1);
    }

    @Override
    protected Reply answer(SimHttp.Request request, int chat) {
        if (chat < 0) {
            return Reply.json(404, "{\"error\":{\"code\":404,\"message\":\"File Not Found\",\"type\":\"not_found_error\"}}");
        }
        JsonNode body;
        try {
            body = OpenAiChatEndpoint.JSON.readTree(request.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Reply.sse(contentStream(16, body.path("max_tokens").asInt(4)));
    }
}
