package dev.claimcheck.core.provenance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prometheus {@code /metrics} snapshots of a serving engine, taken before and after a bench and stored verbatim in
 * the run folder, plus the few series that tell whether the measurement was what it claims: KV-cache usage,
 * running and waiting requests, prefix-cache hits (vLLM and SGLang names).
 */
public final class ServerMetrics {
    static final int MAX_BYTES = 8 << 20;
    /** The engines' own latency histograms (seconds): TTFT, and time per output token under its older and newer name. */
    public static final String TTFT_VLLM = "vllm:time_to_first_token_seconds";
    public static final String TPOT_VLLM = "vllm:time_per_output_token_seconds";
    public static final String ITL_VLLM = "vllm:inter_token_latency_seconds";
    public static final String TTFT_SGLANG = "sglang:time_to_first_token_seconds";
    public static final String TPOT_SGLANG = "sglang:time_per_output_token_seconds";
    public static final String ITL_SGLANG = "sglang:inter_token_latency_seconds";
    /** Series kept in the summary: vLLM (v0 and v1 names) and SGLang. */
    private static final String[] SERIES = {
        "vllm:gpu_cache_usage_perc", "vllm:kv_cache_usage_perc", "vllm:num_requests_running", "vllm:num_requests_waiting",
        "vllm:prefix_cache_hits_total", "vllm:prefix_cache_queries_total", "vllm:gpu_prefix_cache_hits_total",
        "vllm:gpu_prefix_cache_queries_total", "vllm:prompt_tokens_total", "vllm:generation_tokens_total",
        "sglang:token_usage", "sglang:num_running_reqs", "sglang:num_queue_reqs", "sglang:cache_hit_rate",
        "sglang:prompt_tokens_total", "sglang:generation_tokens_total",
        TTFT_VLLM + "_sum", TTFT_VLLM + "_count", TPOT_VLLM + "_sum", TPOT_VLLM + "_count", ITL_VLLM + "_sum", ITL_VLLM + "_count",
        TTFT_SGLANG + "_sum", TTFT_SGLANG + "_count", TPOT_SGLANG + "_sum", TPOT_SGLANG + "_count", ITL_SGLANG + "_sum",
        ITL_SGLANG + "_count"};

    private ServerMetrics() {
    }

    /** The text of {@code serverRoot/metrics}, or null when the server has none (every engine need not). */
    public static String fetch(String serverRoot) {
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(serverRoot + "/metrics"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200 || r.body().length > MAX_BYTES) {
                return null;
            }
            String text = new String(r.body(), StandardCharsets.UTF_8);
            return text.contains("# TYPE") || text.contains("# HELP") || text.matches("(?s)[a-zA-Z_:][\\w:]*[{ ].*") ? text : null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The known series, each summed over its label sets (e.g. over models), by name; non-finite values are left out. */
    public static Map<String, Double> summary(String text) {
        Map<String, Double> out = new TreeMap<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            for (String name : SERIES) {
                if (line.startsWith(name) && (line.charAt(name.length()) == '{' || line.charAt(name.length()) == ' ')) {
                    String[] parts = line.substring(line.lastIndexOf('}') + 1 > 0 && line.charAt(name.length()) == '{'
                            ? line.lastIndexOf('}') + 1 : name.length()).trim().split("\\s+");
                    try {
                        double v = Double.parseDouble(parts[0]);
                        if (Double.isFinite(v)) { // NaN gauges (no data yet) have no JSON number
                            out.merge(name, v, Double::sum);
                        }
                    } catch (NumberFormatException e) {
                        // a malformed line: skip it
                    }
                }
            }
        }
        return out;
    }
}
