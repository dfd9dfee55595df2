package dev.claimcheck.core.serving;

import dev.claimcheck.core.model.ServerMeans;
import dev.claimcheck.core.provenance.ServerMetrics;
import java.util.Map;

/**
 * The engine's latency means over one point from two {@code /metrics} summaries taken just before and just after it
 * (outside the measured window): vLLM's series, else SGLang's.
 */
final class PrometheusClock {
    private PrometheusClock() {
    }

    /** The means between the two summaries, or null when neither engine's TTFT histogram counted a request. */
    static ServerMeans between(Map<String, Double> before, Map<String, Double> after) {
        for (String[] engine : new String[][] {
                {ServerMetrics.TTFT_VLLM, ServerMetrics.TPOT_VLLM, ServerMetrics.ITL_VLLM},
                {ServerMetrics.TTFT_SGLANG, ServerMetrics.TPOT_SGLANG, ServerMetrics.ITL_SGLANG}}) {
            long requests = Math.round(delta(before, after, engine[0] + "_count"));
            if (requests <= 0) {
                continue;
            }
            Double tpot = mean(before, after, engine[1]);
            return new ServerMeans(requests, mean(before, after, engine[0]), tpot != null ? tpot : mean(before, after, engine[2]));
        }
        return null;
    }

    private static Double mean(Map<String, Double> before, Map<String, Double> after, String histogram) {
        double count = delta(before, after, histogram + "_count");
        return count > 0 ? 1000 * delta(before, after, histogram + "_sum") / count : null;
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String series) {
        return after.getOrDefault(series, 0.0) - before.getOrDefault(series, 0.0);
    }
}
