package dev.claimcheck.core.endpoint;

import dev.claimcheck.core.sim.SimHttp;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * llama.cpp's {@code llama-server} with {@code --jinja --reasoning-format deepseek}: the thinking in
 * {@code delta.reasoning_content}; a tool call's first delta carries {@code index}, {@code id}, {@code type} and the
 * name with empty arguments, the later ones the index and the next piece; and the engine's own clock in a
 * {@code timings} object ({@code cache_n}, {@code prompt_n}, {@code prompt_ms}, {@code predicted_n},
 * {@code predicted_ms}, per-token and per-second rates) beside the usage: in a last chunk with empty choices in
 * current builds, in the finish chunk in earlier ones, or (for the fallback) with no usage at all.
 *
 * <p>Paced, it waits {@code firstMs} before the first token and {@code gapMs} between tokens, while it reports
 * {@code promptMs} and {@code perTokenMs}: the client's TTFT is then at least {@code firstMs - promptMs} above the
 * engine's, and its TPOT {@code gapMs / perTokenMs} times the engine's.
 */
public final class LlamaCppToolStreamServer extends LoopbackEngine {
    public static final String ID0 = "k7QdM2";
    public static final String ID1 = "pX31aZ";
    /** Prompt tokens the engine reports served from its cache ({@code cache_n}); {@code prompt_n} is the rest. */
    public static final int CACHE_N = 11;

    /** Where the usage and timings go. */
    public enum Layout { CURRENT, IN_FINISH_CHUNK, TIMINGS_ONLY }

    private final Layout layout;
    private final long firstMs;
    private final long gapMs;
    private final double promptMs;
    private final double perTokenMs;

    public LlamaCppToolStreamServer(Layout layout) throws IOException {
        this(layout, 0, 0, 12.5, 3.0);
    }

    public LlamaCppToolStreamServer(Layout layout, long firstMs, long gapMs, double promptMs, double perTokenMs)
            throws IOException {
        this.layout = layout;
        this.firstMs = firstMs;
        this.gapMs = gapMs;
        this.promptMs = promptMs;
        this.perTokenMs = perTokenMs;
    }

    @Override
    protected String serverHeaders() {
        return "Server: llama.cpp\r\n";
    }

    @Override
    protected Reply answer(SimHttp.Request request, int chat) {
        if (chat < 0) {
            return Reply.json(404, "{\"error\":{\"code\":404,\"message\":\"File Not Found\",\"type\":\"not_found_error\"}}");
        }
        List<String> events = new ArrayList<>();
        List<Long> delays = new ArrayList<>();
        events.add(EngineAnswer.chunk("chatcmpl-l", "{\"role\":\"assistant\",\"content\":null}", null) + "}");
        delays.add(0L);
        for (String r : EngineAnswer.REASONING) {
            events.add(EngineAnswer.chunk("chatcmpl-l", "{\"reasoning_content\":\"" + r + "\"}", null) + "}");
            delays.add(delays.size() == 1 ? firstMs : gapMs);
        }
        for (int call = 0; call < 2; call++) {
            events.add(EngineAnswer.chunk("chatcmpl-l", "{\"tool_calls\":[{\"index\":" + call + ",\"id\":\""
                    + (call == 0 ? ID0 : ID1) + "\",\"type\":\"function\",\"function\":{\"name\":\""
                    + EngineAnswer.NAMES.get(call) + "\",\"arguments\":\"\"}}]}", null) + "}");
            delays.add(gapMs);
            for (String piece : EngineAnswer.ARGUMENTS.get(call)) {
                events.add(EngineAnswer.chunk("chatcmpl-l", "{\"tool_calls\":[{\"index\":" + call
                        + ",\"function\":{\"arguments\":\"" + piece + "\"}}]}", null) + "}");
                delays.add(gapMs);
            }
        }
        int n = EngineAnswer.completionTokens();
        String timings = String.format(Locale.ROOT, "\"timings\":{\"cache_n\":%d,\"prompt_n\":%d,\"prompt_ms\":%.3f,"
                        + "\"prompt_per_token_ms\":%.3f,\"prompt_per_second\":%.3f,\"predicted_n\":%d,\"predicted_ms\":%.3f,"
                        + "\"predicted_per_token_ms\":%.3f,\"predicted_per_second\":%.3f}", CACHE_N,
                EngineAnswer.PROMPT_TOKENS - CACHE_N, promptMs, promptMs / (EngineAnswer.PROMPT_TOKENS - CACHE_N),
                1000 * (EngineAnswer.PROMPT_TOKENS - CACHE_N) / promptMs, n, perTokenMs * n, perTokenMs, 1000 / perTokenMs);
        String finish = EngineAnswer.chunk("chatcmpl-l", "{}", "tool_calls");
        String tail = "{\"choices\":[],\"created\":1,\"id\":\"chatcmpl-l\",\"model\":\"m\",\"object\":\"chat.completion.chunk\",";
        switch (layout) {
            case CURRENT -> {
                events.add(finish + "}");
                events.add(tail + EngineAnswer.usage(n) + "," + timings + "}");
            }
            case IN_FINISH_CHUNK -> events.add(finish + "," + EngineAnswer.usage(n) + "," + timings + "}");
            case TIMINGS_ONLY -> events.add(finish + "," + timings + "}");
            default -> throw new IllegalStateException(layout.name());
        }
        delays.add(0L);
        delays.add(0L);
        return Reply.paced(events, delays.stream().mapToLong(Long::longValue).toArray());
    }
}
