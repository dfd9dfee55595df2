package dev.claimcheck.core.endpoint;

import dev.claimcheck.core.model.ToolCall;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes one planned chat completion, faults included. Without delays the whole stream goes out in one write,
 * which is what lets the simulator serve thousands of requests per second on two cores.
 */
final class SimResponder {
    /** Returned by {@link #respond}: whether the connection may serve another request. */
    enum After { KEEP, CLOSED }

    private final SimOptions options;
    private final Consumer<Simulator.TokenTrace> listener;

    SimResponder(SimOptions options, Consumer<Simulator.TokenTrace> listener) {
        this.options = options;
        this.listener = listener;
    }

    /** Writes the response; {@code continuousUsage} adds the usage so far to every chunk (vLLM's continuous_usage_stats). */
    After respond(Socket socket, OutputStream out, SimScript s, boolean stream, boolean includeUsage,
                  boolean continuousUsage, String model, String id) throws IOException, InterruptedException {
        SimFault f = s.fault;
        if (f == SimFault.RATE_LIMIT || f == SimFault.SERVER_ERROR || f == SimFault.UNAVAILABLE) {
            int status = f == SimFault.RATE_LIMIT ? 429 : f == SimFault.SERVER_ERROR ? 500 : 503;
            SimHttp.writeWhole(out, status, "application/json", f == SimFault.RATE_LIMIT ? "Retry-After: 0\r\n" : null,
                    SimHttp.error("simulated fault: HTTP " + status, "simulated"));
            return After.KEEP;
        }
        List<byte[]> events = stream ? events(s, includeUsage, continuousUsage, model, id) : List.of(body(s, model, id));
        boolean paced = options.ttftMs() > 0 || options.tpotMs() > 0;
        if (!stream) {
            byte[] body = events.get(0);
            if (f == SimFault.MALFORMED) {
                body = "{not json".getBytes(StandardCharsets.UTF_8);
            }
            out.write(SimHttp.head(200, "application/json", null, body.length).getBytes(StandardCharsets.ISO_8859_1));
            if (paced) {
                out.flush();
                Thread.sleep(options.ttftMs() + options.tpotMs() * Math.max(0, s.completionTokens() - 1));
            }
            if (f == SimFault.RESET || f == SimFault.TRUNCATED || f == SimFault.STALL) {
                out.write(body, 0, body.length / 2);
                return cutOff(socket, out, f);
            }
            trace(s, System.nanoTime(), s.completionTokens());
            out.write(body);
            out.flush();
            return After.KEEP;
        }
        // Faults that cut the stream do so halfway through the token events (events 0..n-1 are tokens).
        int tokens = s.completionTokens();
        int limit = events.size();
        if (f == SimFault.RESET || f == SimFault.TRUNCATED || f == SimFault.STALL || f == SimFault.MALFORMED) {
            limit = Math.max(1, tokens / 2);
        }
        out.write(SimHttp.head(200, "text/event-stream", null, -1).getBytes(StandardCharsets.ISO_8859_1));
        long[] stamps = listener == null ? null : new long[tokens];
        // With no time per token, every token exists the moment the first does: one write after the TTFT
        // wait, so the client sees the stream as the engine would send it and one request costs one wakeup.
        if (options.tpotMs() == 0) {
            if (options.ttftMs() > 0) {
                out.flush();
                Thread.sleep(options.ttftMs());
            }
            ByteArrayOutputStream all = new ByteArrayOutputStream(limit * 160);
            for (int i = 0; i < limit; i++) {
                all.write(events.get(i));
            }
            if (f == SimFault.MALFORMED) {
                all.write("data: {not json\n\n".getBytes(StandardCharsets.UTF_8));
            }
            if (stamps != null) {
                java.util.Arrays.fill(stamps, 0, Math.min(limit, tokens), System.nanoTime());
                emit(s, stamps, Math.min(limit, tokens));
            }
            SimHttp.writeChunk(out, all.toByteArray());
            if (f == null || f == SimFault.MALFORMED || f == SimFault.TRUNCATED) {
                SimHttp.endChunks(out);
            }
            out.flush();
        } else {
            out.flush();
            for (int i = 0; i < limit; i++) {
                if (i < tokens) {
                    Thread.sleep(i == 0 ? options.ttftMs() : options.tpotMs());
                }
                SimHttp.writeChunk(out, events.get(i));
                out.flush();
                if (stamps != null && i < tokens) {
                    stamps[i] = System.nanoTime();
                    if (i == Math.min(limit, tokens) - 1) {
                        // Before the closing events, so a client that has its answer also sees the trace.
                        emit(s, stamps, i + 1);
                    }
                }
            }
            if (f == SimFault.MALFORMED) {
                SimHttp.writeChunk(out, "data: {not json\n\n".getBytes(StandardCharsets.UTF_8));
            }
            if (f == null || f == SimFault.MALFORMED || f == SimFault.TRUNCATED) {
                SimHttp.endChunks(out);
            }
            out.flush();
        }
        if (f == SimFault.RESET || f == SimFault.STALL) {
            return cutOff(socket, out, f);
        }
        return After.KEEP;
    }

    private void emit(SimScript s, long[] stamps, int count) {
        listener.accept(new Simulator.TokenTrace(s.promptSha256, s.attempt, s.retry, java.util.Arrays.copyOf(stamps, count)));
    }

    private After cutOff(Socket socket, OutputStream out, SimFault f) throws IOException, InterruptedException {
        out.flush();
        if (f == SimFault.STALL) {
            Thread.sleep(options.stallMs());
            socket.close();
        } else if (f == SimFault.RESET) {
            socket.setSoLinger(true, 0); // close() then sends RST instead of FIN
            socket.close();
        } else {
            socket.shutdownOutput();
            socket.close();
        }
        return After.CLOSED;
    }

    private void trace(SimScript s, long at, int tokens) {
        if (listener != null) {
            long[] stamps = new long[tokens];
            java.util.Arrays.fill(stamps, at);
            listener.accept(new Simulator.TokenTrace(s.promptSha256, s.attempt, s.retry, stamps));
        }
    }

    /** The SSE events: one per token, then the finish chunk, the usage chunk, and [DONE]. */
    private static List<byte[]> events(SimScript s, boolean includeUsage, boolean continuous, String model, String id) {
        String prefix = "data: {\"id\":" + SimHttp.quote(id) + ",\"object\":\"chat.completion.chunk\",\"created\":0,"
                + "\"model\":" + SimHttp.quote(model) + ",\"choices\":";
        List<byte[]> out = new ArrayList<>(s.completionTokens() + 3);
        boolean first = true;
        for (int i = 0; i < s.reasoning.size(); i++) {
            out.add(event(prefix, first, "reasoning_content", SimScript.piece(s.reasoning, i),
                    continuous ? usage(s.promptTokens, i + 1, i + 1) : ""));
            first = false;
        }
        int r = s.reasoning.size();
        for (int i = 0; i < s.content.size(); i++) {
            out.add(event(prefix, first, "content", SimScript.piece(s.content, i),
                    continuous ? usage(s.promptTokens, r + i + 1, r) : ""));
            first = false;
        }
        for (int i = 0; i < s.toolCalls.size(); i++) {
            // A whole call in one delta, as some servers send it; the client assembles split deltas as well.
            out.add((prefix + "[{\"index\":0,\"delta\":{" + (first ? "\"role\":\"assistant\"," : "") + "\"tool_calls\":["
                    + toolCall(s.toolCalls.get(i), i) + "]},\"finish_reason\":null}]}\n\n").getBytes(StandardCharsets.UTF_8));
            first = false;
        }
        out.add((prefix + "[{\"index\":0,\"delta\":{},\"finish_reason\":" + SimHttp.quote(s.finishReason) + "}]"
                + (continuous ? usage(s.promptTokens, s.completionTokens(), r) : "") + "}\n\n")
                .getBytes(StandardCharsets.UTF_8));
        if (includeUsage) {
            out.add((prefix + "[],\"usage\":" + usage(s) + "}\n\n").getBytes(StandardCharsets.UTF_8));
        }
        out.add("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        return out;
    }

    private static byte[] event(String prefix, boolean first, String field, String text, String usage) {
        return (prefix + "[{\"index\":0,\"delta\":{" + (first ? "\"role\":\"assistant\"," : "") + "\"" + field + "\":"
                + SimHttp.quote(text) + "},\"finish_reason\":null}]" + usage + "}\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /** {@code ,"usage":{...}} for a chunk of a continuous-usage stream. */
    private static String usage(long prompt, int completion, int reasoning) {
        return ",\"usage\":{\"prompt_tokens\":" + prompt + ",\"completion_tokens\":" + completion + ",\"total_tokens\":"
                + (prompt + completion) + ",\"completion_tokens_details\":{\"reasoning_tokens\":" + reasoning + "}}";
    }

    private static byte[] body(SimScript s, String model, String id) {
        String reasoning = s.reasoning.isEmpty() ? "" : ",\"reasoning_content\":" + SimHttp.quote(SimScript.join(s.reasoning));
        if (!s.toolCalls.isEmpty()) {
            StringBuilder calls = new StringBuilder(",\"tool_calls\":[");
            for (int i = 0; i < s.toolCalls.size(); i++) {
                calls.append(i == 0 ? "" : ",").append(toolCall(s.toolCalls.get(i), i));
            }
            reasoning += calls.append(']');
        }
        return ("{\"id\":" + SimHttp.quote(id) + ",\"object\":\"chat.completion\",\"created\":0,\"model\":"
                + SimHttp.quote(model) + ",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                + SimHttp.quote(SimScript.join(s.content)) + reasoning + "},\"finish_reason\":"
                + SimHttp.quote(s.finishReason) + "}],\"usage\":" + usage(s) + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static String toolCall(ToolCall c, int index) {
        return "{\"index\":" + index + ",\"id\":" + SimHttp.quote(c.id() == null ? "call_" + index : c.id())
                + ",\"type\":\"function\",\"function\":{\"name\":" + SimHttp.quote(c.name()) + ",\"arguments\":"
                + SimHttp.quote(c.arguments()) + "}}";
    }

    private static String usage(SimScript s) {
        return "{\"prompt_tokens\":" + s.promptTokens + ",\"completion_tokens\":" + s.completionTokens()
                + ",\"total_tokens\":" + (s.promptTokens + s.completionTokens())
                + ",\"completion_tokens_details\":{\"reasoning_tokens\":" + s.reasoning.size()
                + "},\"prompt_tokens_details\":{\"cached_tokens\":0}}";
    }
}
