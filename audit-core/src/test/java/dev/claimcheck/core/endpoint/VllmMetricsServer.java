package dev.claimcheck.core.endpoint;

import dev.claimcheck.core.sim.SimHttp;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * vLLM serving {@code /metrics}: its latency histograms {@code vllm:time_to_first_token_seconds} and
 * {@code vllm:time_per_output_token_seconds} (one observation per token gap), with {@code _bucket}, {@code _sum} and
 * {@code _count} series labelled by model. Each answer streams {@code tokens} content tokens with running usage on
 * every chunk, the first after {@code firstMs} and the others {@code gapMs} apart, while the histograms record
 * {@code ttftMs} and {@code tpotMs}: the client's means are then at least {@code firstMs - ttftMs} and
 * {@code gapMs / tpotMs} times the engine's.
 */
public final class VllmMetricsServer extends LoopbackEngine {
    private final int tokens;
    private final long firstMs;
    private final long gapMs;
    private final double ttftMs;
    private final double tpotMs;
    private long requests;
    private long gaps;

    public VllmMetricsServer(int tokens, long firstMs, long gapMs, double ttftMs, double tpotMs) throws IOException {
        this.tokens = tokens;
        this.firstMs = firstMs;
        this.gapMs = gapMs;
        this.ttftMs = ttftMs;
        this.tpotMs = tpotMs;
    }

    @Override
    protected synchronized Reply answer(SimHttp.Request request, int chat) {
        if (request.path().equals("/metrics")) {
            return Reply.text(metrics());
        }
        if (chat < 0) {
            return Reply.json(404, "{\"detail\":\"Not Found\"}");
        }
        List<String> events = new ArrayList<>();
        List<Long> delays = new ArrayList<>();
        events.add(EngineAnswer.chunk("v", "{\"role\":\"assistant\",\"content\":\"\"}", null) + "," + usage(0) + "}");
        delays.add(0L);
        for (int i = 1; i <= tokens; i++) {
            events.add(EngineAnswer.chunk("v", "{\"content\":\" w" + i + "\"}", i == tokens ? "length" : null) + "," + usage(i) + "}");
            delays.add(i == 1 ? firstMs : gapMs);
        }
        events.add("{\"id\":\"v\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[]," + usage(tokens) + "}");
        delays.add(0L);
        requests++;
        gaps += tokens - 1;
        return Reply.paced(events, delays.stream().mapToLong(Long::longValue).toArray());
    }

    private static String usage(int completion) {
        return "\"usage\":{\"prompt_tokens\":64,\"total_tokens\":" + (64 + completion) + ",\"completion_tokens\":" + completion + "}";
    }

    private String metrics() {
        StringBuilder b = new StringBuilder();
        histogram(b, "vllm:time_to_first_token_seconds", "Histogram of time to first token in seconds.", ttftMs, requests);
        histogram(b, "vllm:time_per_output_token_seconds", "Histogram of time per output token in seconds.", tpotMs, gaps);
        return b.toString();
    }

    private static void histogram(StringBuilder b, String name, String help, double ms, long n) {
        b.append("# HELP ").append(name).append(' ').append(help).append('\n');
        b.append("# TYPE ").append(name).append(" histogram\n");
        for (String le : new String[] {"0.001", "0.01", "0.1", "1.0", "+Inf"}) {
            boolean in = le.equals("+Inf") || ms / 1000 <= Double.parseDouble(le);
            b.append(name).append("_bucket{le=\"").append(le).append("\",model_name=\"m\"} ").append(in ? n : 0).append(".0\n");
        }
        b.append(name).append("_sum{model_name=\"m\"} ").append(String.format(Locale.ROOT, "%.6f", n * ms / 1000)).append('\n');
        b.append(name).append("_count{model_name=\"m\"} ").append(n).append(".0\n");
    }
}
