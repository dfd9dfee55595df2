package dev.claimcheck.core.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.cli.AuditRunner;
import dev.claimcheck.core.model.Response;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Usage;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.Json;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.tokens.Tokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reasoning tokens a server leaves out of its usage are counted from the reasoning text and marked counted. */
class ReasoningCountTest {
    static final int THOUGHT_TOKENS = Tokenizer.named(Tokenizer.DEFAULT).count(ReasoningParserServer.THOUGHT);

    @Test
    void aReportedFigureIsKeptAndNeverRecounted() {
        Usage reported = new Usage(5, 30, 12, 0);
        assertThat(ReasoningCount.fill(reported, new Response("4", "some thought", null, "stop"))).isSameAs(reported);
        Usage none = new Usage(5, 3, 0, 0);
        assertThat(ReasoningCount.fill(none, new Response("4", null, null, "stop"))).as("no reasoning text").isSameAs(none);
    }

    @Test
    void aServerStreamingReasoningWithoutUsageDetailsGetsItsReasoningCountedAndMarked() throws Exception {
        try (ReasoningParserServer s = new ReasoningParserServer();
             OpenAiChatEndpoint c = OpenAiChatEndpointTest.client(s.baseUrl(), 0)) {
            ChatOutcome.Success ok = (ChatOutcome.Success) c.complete(OpenAiChatEndpointTest.request());
            assertThat(ok.response().reasoning()).isEqualTo(ReasoningParserServer.THOUGHT);
            assertThat(ok.usage().reasoningTokens()).isEqualTo(THOUGHT_TOKENS).isPositive();
            assertThat(ok.usage().reasoningCounted()).isTrue();
            assertThat(ok.usage().completionTokens()).as("the server's own figure stays")
                    .isEqualTo(ReasoningParserServer.THOUGHT.split(" ").length + 1);
        }
    }

    @Test
    void anAuditRecordsTheCountedFigureInTheSampleAndTheMetrics(@TempDir Path root) throws Exception {
        try (ReasoningParserServer s = new ReasoningParserServer()) {
            var r = AuditRunner.audit("arith", "--base-url", s.baseUrl(), "--model", "org/reasoner", "--limit", "2",
                    "--root", root.toString());
            assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
            List<Sample> samples = Journal.readAll(new RunFolder(r.runDir()));
            assertThat(samples).hasSize(2).allSatisfy(x -> {
                assertThat(x.usage().reasoningTokens()).isEqualTo(THOUGHT_TOKENS);
                assertThat(x.usage().reasoningCounted()).isTrue();
            });
            assertThat(Files.readString(r.runDir().resolve("samples.jsonl"))).contains("\"reasoningCounted\":true");
            JsonNode reasoning = Json.mapper().readTree(r.runDir().resolve("run.json").toFile()).path("metrics")
                    .path("reasoningTokens");
            assertThat(reasoning.path("mean").asDouble()).isEqualTo(THOUGHT_TOKENS);
            assertThat(reasoning.path("counted").asInt()).isEqualTo(2);
        }
    }
}
