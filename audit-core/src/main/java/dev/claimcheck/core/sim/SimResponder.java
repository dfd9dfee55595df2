package dev.claimcheck.core.sim;

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

    /** Which API a request came in on: the same plan is written as a chat completion or a text completion. */
    enum Api { CHAT, COMPLETION }

    /**
     * One request's answer: one planned script per choice ({@code n}), the fault drawn for choice 0, and how to write it.
     *
     * @param topLogprobs -1: no logprobs; otherwise how many alternatives each token lists
     * @param arrivedNs when the request was read: the pacing counts from here ({@link System#nanoTime()})
     * @param emitStamps the client asked for {@link Simulator#EMIT_COMMENT} before each token event
     */
    record Reply(Api api, List<SimScript> choices, boolean stream, boolean includeUsage, boolean continuousUsage,
                 int topLogprobs, String model, String id, long arrivedNs, boolean emitStamps) {
        SimScript first() {
            return choices.get(0);
        }

        int completionTokens() {
            return choices.stream().mapToInt(SimScript::completionTokens).sum();
        }

        int reasoningTokens() {
            return choices.stream().mapToInt(c -> c.reasoning.size()).sum();
        }
    }

    /** One SSE event; {@code token} when it carries a generated token (paced, stamped and counted for faults). */
    private record Sse(byte[] bytes, boolean token) {
    }

    /** Writes the response, faults included. */
    After respond(Socket socket, OutputStream out, Reply r) throws IOException, InterruptedException {
        SimScript s = r.first();
        SimFault f = s.fault;
        if (f == SimFault.RATE_LIMIT || f == SimFault.SERVER_ERROR || f == SimFault.UNAVAILABLE) {
            // OpenAI's bodies for these statuses (type and code as api.openai.com sends them).
            String body = f == SimFault.RATE_LIMIT
                    ? SimHttp.error("simulated fault: rate limit reached (HTTP 429)", "requests", null, "rate_limit_exceeded")
                    : SimHttp.error("simulated fault: HTTP " + (f == SimFault.SERVER_ERROR ? 500 : 503), "server_error", null, null);
            int status = f == SimFault.RATE_LIMIT ? 429 : f == SimFault.SERVER_ERROR ? 500 : 503;
            SimHttp.writeWhole(out, status, "application/json", f == SimFault.RATE_LIMIT ? "Retry-After: 0\r\n" : null, body);
            return After.KEEP;
        }
        int tokens = r.completionTokens();
        boolean paced = options.ttftMs() > 0 || options.tpotMs() > 0;
        if (!r.stream()) {
            byte[] body = body(r);
            if (f == SimFault.MALFORMED) {
                body = "{not json".getBytes(StandardCharsets.UTF_8);
            }
            out.write(SimHttp.head(200, "application/json", null, body.length).getBytes(StandardCharsets.ISO_8859_1));
            if (paced) {
                out.flush();
                SimPacing.sleepUntil(r.arrivedNs() + SimPacing.MS * (options.ttftMs() + options.tpotMs() * Math.max(0, tokens - 1)));
            }
            if (f == SimFault.RESET || f == SimFault.TRUNCATED || f == SimFault.STALL) {
                out.write(body, 0, body.length / 2);
                return cutOff(socket, out, f);
            }
            trace(s, System.nanoTime(), tokens);
            out.write(body);
            out.flush();
            return After.KEEP;
        }
        List<Sse> events = events(r);
        // Faults that cut the stream do so halfway through the token events.
        int limit = events.size();
        if (f == SimFault.RESET || f == SimFault.TRUNCATED || f == SimFault.STALL || f == SimFault.MALFORMED) {
            int keep = Math.max(1, tokens / 2);
            int seen = 0;
            for (limit = 0; limit < events.size() && seen < keep; limit++) {
                seen += events.get(limit).token() ? 1 : 0;
            }
        }
        int sentTokens = 0;
        for (int i = 0; i < limit; i++) {
            sentTokens += events.get(i).token() ? 1 : 0;
        }
        out.write(SimHttp.head(200, "text/event-stream", null, -1).getBytes(StandardCharsets.ISO_8859_1));
        long[] stamps = listener == null ? null : new long[tokens];
        // With no time per token, every token exists the moment the first does: one write after the TTFT
        // wait, so the client sees the stream as the engine would send it and one request costs one wakeup.
        if (options.tpotMs() == 0) {
            if (options.ttftMs() > 0) {
                out.flush();
                SimPacing.sleepUntil(r.arrivedNs() + SimPacing.MS * options.ttftMs());
            }
            long now = System.nanoTime();
            ByteArrayOutputStream all = new ByteArrayOutputStream(limit * 160);
            for (int i = 0; i < limit; i++) {
                if (r.emitStamps() && events.get(i).token()) {
                    all.write(SimPacing.stamp(now));
                }
                all.write(events.get(i).bytes());
            }
            if (f == SimFault.MALFORMED) {
                all.write("data: {not json\n\n".getBytes(StandardCharsets.UTF_8));
            }
            if (stamps != null) {
                java.util.Arrays.fill(stamps, 0, sentTokens, now);
                emit(s, stamps, sentTokens);
            }
            SimHttp.writeChunk(out, all.toByteArray());
            if (f == null || f == SimFault.MALFORMED || f == SimFault.TRUNCATED) {
                SimHttp.endChunks(out);
            }
            out.flush();
        } else {
            out.flush();
            int token = 0;
            for (int i = 0; i < limit; i++) {
                Sse e = events.get(i);
                long now = 0;
                if (e.token()) {
                    // Token k is due at arrival + ttft + k·tpot: the simulator's own work (parsing, planning, a
                    // late wake-up) never shifts the schedule, so the configured TTFT is the truth calibration uses.
                    SimPacing.sleepUntil(r.arrivedNs() + SimPacing.MS * (options.ttftMs() + (long) token * options.tpotMs()));
                    now = System.nanoTime();
                }
                SimHttp.writeChunk(out, r.emitStamps() && e.token() ? SimPacing.concat(SimPacing.stamp(now), e.bytes()) : e.bytes());
                out.flush();
                if (e.token()) {
                    if (stamps != null) {
                        stamps[token] = now;
                    }
                    token++;
                    if (stamps != null && token == sentTokens) {
                        // Before the closing events, so a client that has its answer also sees the trace.
                        emit(s, stamps, token);
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

    /**
     * The SSE events. Chat: per choice one event per reasoning or content token (the first with the role), each tool
     * call as vLLM and SGLang stream it (a first delta with index, id, type and name and empty arguments, then the
     * arguments in fragments under the same index), the finish event; then the usage event and [DONE].
     */
    private static List<Sse> events(Reply r) {
        boolean chat = r.api() == Api.CHAT;
        String prefix = "data: {\"id\":" + SimHttp.quote(r.id()) + ",\"object\":\""
                + (chat ? "chat.completion.chunk" : "text_completion") + "\",\"created\":0,\"model\":"
                + SimHttp.quote(r.model()) + ",\"choices\":";
        List<List<Sse>> perChoice = new ArrayList<>();
        List<Sse> finishes = new ArrayList<>();
        long prompt = r.first().promptTokens;
        int sent = 0;
        int reasoningSent = 0;
        for (int c = 0; c < r.choices().size(); c++) {
            SimScript s = r.choices().get(c);
            List<Sse> out = new ArrayList<>();
            perChoice.add(out);
            String role = chat ? "\"role\":\"assistant\"," : null;
            if (chat) {
                for (int i = 0; i < s.reasoning.size(); i++) {
                    sent++;
                    reasoningSent++;
                    out.add(chatEvent(prefix, c, role, s.reasoningField, SimScript.piece(s.reasoning, i), null,
                            r.continuousUsage() ? usage(prompt, sent, reasoningSent) : ""));
                    role = null;
                }
            }
            for (int i = 0; i < s.content.size(); i++) {
                sent++;
                String piece = SimScript.piece(s.content, i);
                String usage = r.continuousUsage() ? usage(prompt, sent, reasoningSent) : "";
                if (chat) {
                    out.add(chatEvent(prefix, c, role, "content", piece,
                            r.topLogprobs() < 0 ? null : "{\"content\":[" + SimLogprobs.chatLogprob(piece, r.topLogprobs()) + "],\"refusal\":null}",
                            usage));
                    role = null;
                } else {
                    out.add(new Sse(bytes(prefix + "[{\"index\":" + c + ",\"text\":" + SimHttp.quote(piece) + ",\"logprobs\":"
                            + (r.topLogprobs() < 0 ? "null" : SimLogprobs.textLogprobs(List.of(piece), 0, r.topLogprobs()))
                            + ",\"finish_reason\":null}]" + usage + "}\n\n"), true));
                }
            }
            for (int i = 0; chat && i < s.toolCalls.size(); i++) {
                sent++;
                ToolCall call = s.toolCalls.get(i);
                String head = "{\"index\":" + i + ",\"id\":" + SimHttp.quote(callId(call, i))
                        + ",\"type\":\"function\",\"function\":{\"name\":" + SimHttp.quote(call.name()) + ",\"arguments\":\"\"}}";
                out.add(new Sse(bytes(prefix + "[{\"index\":" + c + ",\"delta\":{" + (role == null ? "" : role)
                        + "\"tool_calls\":[" + head + "]},\"finish_reason\":null}]}\n\n"), true));
                role = null;
                for (String fragment : fragments(call.arguments())) {
                    out.add(new Sse(bytes(prefix + "[{\"index\":" + c + ",\"delta\":{\"tool_calls\":[{\"index\":" + i
                            + ",\"function\":{\"arguments\":" + SimHttp.quote(fragment) + "}}]},\"finish_reason\":null}]}\n\n"),
                            false));
                }
            }
            String finish = SimHttp.quote(s.finishReason);
            finishes.add(new Sse(bytes(prefix + "[{\"index\":" + c + (chat ? ",\"delta\":{}" : ",\"text\":\"\",\"logprobs\":null")
                    + ",\"finish_reason\":" + finish + "}]"
                    + (r.continuousUsage() ? usage(prompt, sent, reasoningSent) : "") + "}\n\n"), false));
        }
        // Choices interleaved event by event and every finish after all tokens, as OpenAI sends n > 1 (the SDK's
        // accumulator refuses a token that follows a finish). Usage counts above are per choice order, which only
        // continuous_usage_stats (vLLM, n = 1 in practice) shows.
        List<Sse> out = new ArrayList<>();
        int longest = perChoice.stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < longest; i++) {
            for (List<Sse> events : perChoice) {
                if (i < events.size()) {
                    out.add(events.get(i));
                }
            }
        }
        out.addAll(finishes);
        if (r.includeUsage()) {
            out.add(new Sse(bytes(prefix + "[],\"usage\":" + usage(r) + "}\n\n"), false));
        }
        out.add(new Sse(bytes("data: [DONE]\n\n"), false));
        return out;
    }

    private static Sse chatEvent(String prefix, int choice, String role, String field, String text, String logprobs,
                                 String usage) {
        return new Sse(bytes(prefix + "[{\"index\":" + choice + ",\"delta\":{" + (role == null ? "" : role) + "\"" + field
                + "\":" + SimHttp.quote(text) + "}" + (logprobs == null ? "" : ",\"logprobs\":" + logprobs)
                + ",\"finish_reason\":null}]" + usage + "}\n\n"), true);
    }

    /** Tool-call arguments in fragments of up to 8 characters (never splitting a surrogate pair), as engines stream them. */
    static List<String> fragments(String arguments) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < arguments.length()) {
            int end = Math.min(arguments.length(), i + 8);
            if (end < arguments.length() && Character.isHighSurrogate(arguments.charAt(end - 1))) {
                end++;
            }
            out.add(arguments.substring(i, end));
            i = end;
        }
        return out;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code ,"usage":{...}} for a chunk of a continuous-usage stream. */
    private static String usage(long prompt, int completion, int reasoning) {
        return ",\"usage\":{\"prompt_tokens\":" + prompt + ",\"completion_tokens\":" + completion + ",\"total_tokens\":"
                + (prompt + completion) + ",\"completion_tokens_details\":{\"reasoning_tokens\":" + reasoning + "}}";
    }

    /** The whole (non-streamed) body: every choice with its message (chat) or text (completions). */
    private static byte[] body(Reply r) {
        boolean chat = r.api() == Api.CHAT;
        StringBuilder choices = new StringBuilder();
        for (int c = 0; c < r.choices().size(); c++) {
            SimScript s = r.choices().get(c);
            choices.append(c == 0 ? "" : ",").append("{\"index\":").append(c);
            String logprobs = "null";
            if (r.topLogprobs() >= 0) {
                List<String> pieces = new ArrayList<>();
                for (int i = 0; i < s.content.size(); i++) {
                    pieces.add(SimScript.piece(s.content, i));
                }
                if (chat) {
                    StringBuilder entries = new StringBuilder();
                    for (int i = 0; i < pieces.size(); i++) {
                        entries.append(i == 0 ? "" : ",").append(SimLogprobs.chatLogprob(pieces.get(i), r.topLogprobs()));
                    }
                    logprobs = "{\"content\":[" + entries + "],\"refusal\":null}";
                } else {
                    logprobs = SimLogprobs.textLogprobs(pieces, 0, r.topLogprobs());
                }
            }
            if (chat) {
                String extra = s.reasoning.isEmpty() ? "" : ",\"" + s.reasoningField + "\":" + SimHttp.quote(SimScript.join(s.reasoning));
                if (!s.toolCalls.isEmpty()) {
                    StringBuilder calls = new StringBuilder(",\"tool_calls\":[");
                    for (int i = 0; i < s.toolCalls.size(); i++) {
                        calls.append(i == 0 ? "" : ",").append(toolCall(s.toolCalls.get(i), i));
                    }
                    extra += calls.append(']');
                }
                choices.append(",\"message\":{\"role\":\"assistant\",\"content\":").append(SimHttp.quote(SimScript.join(s.content)))
                        .append(",\"refusal\":null").append(extra).append('}');
            } else {
                choices.append(",\"text\":").append(SimHttp.quote(SimScript.join(s.content)));
            }
            choices.append(",\"logprobs\":").append(logprobs).append(",\"finish_reason\":").append(SimHttp.quote(s.finishReason))
                    .append('}');
        }
        return bytes("{\"id\":" + SimHttp.quote(r.id()) + ",\"object\":\"" + (chat ? "chat.completion" : "text_completion")
                + "\",\"created\":0,\"model\":" + SimHttp.quote(r.model()) + ",\"choices\":[" + choices + "],\"usage\":"
                + usage(r) + "}");
    }

    private static String callId(ToolCall c, int index) {
        return c.id() == null ? "call_" + index : c.id();
    }

    private static String toolCall(ToolCall c, int index) {
        return "{\"id\":" + SimHttp.quote(callId(c, index)) + ",\"type\":\"function\",\"function\":{\"name\":"
                + SimHttp.quote(c.name()) + ",\"arguments\":" + SimHttp.quote(c.arguments()) + "}}";
    }

    private static String usage(Reply r) {
        long prompt = r.first().promptTokens;
        return "{\"prompt_tokens\":" + prompt + ",\"completion_tokens\":" + r.completionTokens()
                + ",\"total_tokens\":" + (prompt + r.completionTokens())
                + ",\"completion_tokens_details\":{\"reasoning_tokens\":" + r.reasoningTokens()
                + "},\"prompt_tokens_details\":{\"cached_tokens\":0}}";
    }
}
