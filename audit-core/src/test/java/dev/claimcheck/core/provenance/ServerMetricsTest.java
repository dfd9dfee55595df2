package dev.claimcheck.core.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerMetricsTest {
    @Test
    void theKeySeriesAreSummedOverLabelSetsAndOthersIgnored() {
        String text = """
                # HELP vllm:num_requests_running Number of requests running.
                # TYPE vllm:num_requests_running gauge
                vllm:num_requests_running{engine="0",model_name="m"} 3.0
                vllm:num_requests_running{engine="1",model_name="m"} 2.0
                vllm:prefix_cache_hits_total{model_name="m"} 0.0
                vllm:prefix_cache_hits_total_created{model_name="m"} 1.7e9
                sglang:cache_hit_rate 0.25
                process_cpu_seconds_total 12.5
                vllm:kv_cache_usage_perc{model_name="m"} NaN
                """;
        Map<String, Double> s = ServerMetrics.summary(text);
        assertThat(s).containsEntry("vllm:num_requests_running", 5.0)
                .containsEntry("vllm:prefix_cache_hits_total", 0.0)
                .containsEntry("sglang:cache_hit_rate", 0.25)
                .doesNotContainKey("process_cpu_seconds_total");
        assertThat(s).doesNotContainKey("vllm:kv_cache_usage_perc"); // NaN: no JSON number for it
    }
}
