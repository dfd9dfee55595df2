package dev.claimcheck.core.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.ErrorCause;
import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.cli.AuditRunner;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.Json;
import dev.claimcheck.core.store.RunFolder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** llama.cpp's server is named from what it serves, and its context error is a contextLength, whatever its status. */
class EngineIdentificationTest {
    @ParameterizedTest(name = "context error as HTTP {0}")
    @ValueSource(ints = {400, 500})
    void llamaServerIsIdentifiedWithItsContextAndItsContextErrorIsContextLengthNotRetried(int status) throws IOException {
        try (LlamaCppServer s = new LlamaCppServer(status); OpenAiChatEndpoint c = OpenAiChatEndpointTest.client(s.baseUrl(), 3)) {
            var ref = c.describe();
            assertThat(ref.engine()).isEqualTo("llama.cpp");
            assertThat(ref.engineVersion()).isEqualTo(LlamaCppServer.BUILD);
            assertThat(ref.serverInfo().path("props").path("default_generation_settings").path("n_ctx").asInt())
                    .isEqualTo(LlamaCppServer.N_CTX);
            assertThat(ref.serverInfo().path("props").has("chat_template")).as("kilobytes that say nothing of the run").isFalse();

            ObjectNode t = OpenAiChatEndpoint.JSON.createObjectNode().put("model", "tiny.gguf");
            ChatOutcome.Failure f = (ChatOutcome.Failure) c.complete(new ChatRequest(
                    List.of(ChatMessage.user("word ".repeat(LlamaCppServer.N_CTX))), t, 0));
            assertThat(f.error().cause()).isEqualTo(ErrorCause.CONTEXT_LENGTH);
            assertThat(f.error().message()).contains("HTTP " + status, "exceeds the available context size");
            assertThat(f.retries()).as("not retried").isEmpty();
            assertThat(s.chatBodies).hasSize(1);
        }
    }

    @Test
    void anAuditAgainstLlamaServerRecordsTheEngineAndCapsMaxTokensToItsSlotContext(@TempDir Path root) throws Exception {
        try (LlamaCppServer s = new LlamaCppServer(400)) {
            var r = AuditRunner.audit("arith", "--base-url", s.baseUrl(), "--model", "tiny.gguf", "--limit", "2",
                    "--root", root.toString());
            assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
            JsonNode run = Json.mapper().readTree(r.runDir().resolve("run.json").toFile());
            assertThat(run.path("endpoint").path("engine").asText()).isEqualTo("llama.cpp");
            assertThat(run.path("endpoint").path("engineVersion").asText()).isEqualTo(LlamaCppServer.BUILD);
            assertThat(run.path("request").path("servedContext").asInt()).isEqualTo(LlamaCppServer.N_CTX);
            assertThat(run.path("request").path("template").path("max_tokens").asInt()).as("the instant default").isEqualTo(16384);
            assertThat(Journal.readAll(new RunFolder(r.runDir()))).hasSize(2).allSatisfy(x -> {
                assertThat(x.graded()).isTrue();
                assertThat(x.request().path("max_tokens").asInt()).isBetween(3500, LlamaCppServer.N_CTX - 1);
            });
        }
    }
}
