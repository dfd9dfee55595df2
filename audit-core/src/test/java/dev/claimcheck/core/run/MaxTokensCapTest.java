package dev.claimcheck.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.cli.AuditRunner;
import dev.claimcheck.core.endpoint.VllmContextLimitServer;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.Json;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.tokens.Tokenizer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** max_tokens is kept inside the served context, estimated on the high side, and the cap is recorded per attempt. */
class MaxTokensCapTest {
    static ObjectNode template(long maxTokens) {
        return Json.mapper().createObjectNode().put("model", "m").put("max_tokens", maxTokens);
    }

    @Test
    void aTemplateThatFitsEvenIfEveryByteWereATokenIsSentAsItIs() {
        ObjectNode t = template(1000);
        assertThat(MaxTokensCap.of(4096L).apply(t, List.of(ChatMessage.user("What is 2+2?")))).isSameAs(t);
        ObjectNode huge = template(1_000_000);
        assertThat(MaxTokensCap.of(null).apply(huge, List.of(ChatMessage.user("x")))).as("no context advertised").isSameAs(huge);
    }

    @Test
    void aTemplateOverTheContextIsCappedToTheContextLessAGenerousPromptEstimate() {
        String prompt = "word ".repeat(1000); // 5000 bytes
        int counted = Tokenizer.named(Tokenizer.DEFAULT).count(prompt + "\n");
        assertThat(counted).isBetween(1000, 1002);
        ObjectNode t = template(65536);
        ObjectNode capped = MaxTokensCap.of(32768L).apply(t, List.of(ChatMessage.user(prompt)));
        long estimate = (long) Math.ceil(counted * 1.25) + MaxTokensCap.PER_REQUEST + MaxTokensCap.PER_MESSAGE;
        assertThat(capped.path("max_tokens").asLong()).isEqualTo(32768 - estimate);
        assertThat(t.path("max_tokens").asLong()).as("the run's template is never changed").isEqualTo(65536);
    }

    @Test
    void aPromptThatAloneFillsTheContextIsSentUncappedForTheEngineToRefuse() {
        ObjectNode t = template(100);
        assertThat(MaxTokensCap.of(50L).apply(t, List.of(ChatMessage.user("word ".repeat(200))))).isSameAs(t);
    }

    @Test
    void aThinkingAuditWithDefaultSettingsCompletesOnA32kServerWithTheCapRecorded(@TempDir Path root) throws Exception {
        try (VllmContextLimitServer server = new VllmContextLimitServer(32768)) {
            var r = AuditRunner.audit("arith", "--base-url", server.baseUrl(), "--model", "org/small", "--lane", "thinking",
                    "--limit", "3", "--max-retries", "0", "--root", root.toString());
            assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
            JsonNode run = Json.mapper().readTree(r.runDir().resolve("run.json").toFile());
            assertThat(run.path("request").path("template").path("max_tokens").asLong()).isEqualTo(65536);
            assertThat(run.path("request").path("servedContext").asLong()).isEqualTo(32768);
            List<Sample> samples = Journal.readAll(new RunFolder(r.runDir()));
            assertThat(samples).hasSize(3).allSatisfy(s -> {
                assertThat(s.graded()).as("no context-length error: " + s.error()).isTrue();
                assertThat(s.request().path("max_tokens").asLong()).isBetween(30000L, 32767L);
            });
            assertThat(server.chatBodies).allSatisfy(b -> assertThat(Json.mapper().readTree(b).path("max_tokens").asLong())
                    .isLessThan(32768));
        }
    }
}
