package dev.claimcheck.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.cli.AuditRunner;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.store.Json;
import dev.claimcheck.core.verify.Evidence;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inspect_ai EvalLog export (docs/exports.md): the fields inspect's log reader requires (version, status, eval
 * with created/task/dataset/model/config), the run's score in results, one sample per attempt (epoch = attempt + 1)
 * with messages, output and usage, and the simulated flag visible.
 */
class InspectLogTest {
    @TempDir
    static Path root;
    static Path arith;
    static Path agent;

    @BeforeAll
    static void simulatedRuns() throws Exception {
        arith = Evidence.simRun(root);
        agent = AuditRunner.audit("agent", "--base-url", "sim:accuracy=0.7", "--root", root.toString()).runDir();
    }

    @Test
    void theLogCarriesTheSpecResultsStatsAndOneSamplePerAttempt(@TempDir Path out) throws Exception {
        ExportedRun run = ExportedRun.read(arith);
        RunManifest m = run.manifest();
        JsonNode log = Json.mapper().readTree(InspectLog.write(run, out).toFile());

        assertThat(log.path("version").asInt()).isEqualTo(2);
        assertThat(log.path("status").asText()).isEqualTo("success");
        JsonNode eval = log.path("eval");
        assertThat(eval.path("created").asText()).isEqualTo(m.startedAt());
        assertThat(eval.path("task").asText()).startsWith("arith").contains("SIMULATED");
        assertThat(eval.path("model").asText()).isEqualTo(m.model().id());
        assertThat(eval.path("dataset").isObject()).isTrue();
        assertThat(eval.path("config").path("epochs").asInt()).isEqualTo(2);
        assertThat(eval.path("metadata").path("simulated").asBoolean()).isTrue();
        JsonNode metrics = log.path("results").path("scores").get(0).path("metrics");
        assertThat(metrics.path("score").path("value").asDouble()).isEqualTo(m.metrics().score());
        assertThat(metrics.path("ci95_low").path("value").asDouble()).isEqualTo(m.metrics().ci95Low());
        assertThat(log.path("samples").size()).isEqualTo(run.samples().size());
        long outputTokens = run.samples().stream().mapToLong(s -> s.usage().completionTokens()).sum();
        assertThat(log.path("stats").path("model_usage").path(m.model().id()).path("output_tokens").asLong()).isEqualTo(outputTokens);

        JsonNode sample = log.path("samples").get(0);
        var first = run.samples().get(0);
        assertThat(sample.path("id").asText()).isEqualTo(first.taskId());
        assertThat(sample.path("epoch").asInt()).isEqualTo(first.attempt() + 1);
        assertThat(sample.path("messages").get(sample.path("messages").size() - 1).path("role").asText()).isEqualTo("assistant");
        assertThat(sample.path("output").path("choices").get(0).path("message").path("content").asText())
                .isEqualTo(first.response().content());
        assertThat(sample.path("scores").path("arith").path("value").asDouble()).isEqualTo(first.verdict().score());
    }

    @Test
    void anAgentEpisodeKeepsItsToolCallsAndToolResults(@TempDir Path out) throws Exception {
        JsonNode log = Json.mapper().readTree(InspectLog.write(ExportedRun.read(agent), out).toFile());
        JsonNode messages = log.path("samples").get(0).path("messages");
        boolean toolCall = false;
        boolean toolResult = false;
        for (JsonNode msg : messages) {
            toolCall |= msg.path("tool_calls").isArray() && msg.path("tool_calls").get(0).path("arguments").isObject();
            toolResult |= msg.path("role").asText().equals("tool") && msg.has("tool_call_id");
        }
        assertThat(toolCall).as(messages.toString()).isTrue();
        assertThat(toolResult).as(messages.toString()).isTrue();
        assertThat(log.path("plan").path("steps").get(0).path("solver").asText()).isEqualTo("claimcheck_agent_episode");
    }

    @Test
    void finishReasonsUseInspectsStopReasons() {
        assertThat(InspectLog.stopReason("length")).isEqualTo("max_tokens");
        assertThat(InspectLog.stopReason("stop")).isEqualTo("stop");
        assertThat(InspectLog.stopReason(null)).isEqualTo("unknown");
    }
}
