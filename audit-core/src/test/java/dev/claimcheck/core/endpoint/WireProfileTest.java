package dev.claimcheck.core.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.cli.AuditRunner;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.WireProfile;
import dev.claimcheck.core.model.WireProfile.Reasoning;
import dev.claimcheck.core.model.WireProfile.ToolCallDeltas;
import dev.claimcheck.core.model.WireProfile.UsageLayout;
import dev.claimcheck.core.store.Json;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Engine wire profiles (docs/throughput.md "Engine wire profiles"): each engine's spelling of reasoning, usage and
 * streamed tool calls, replayed over a raw socket through the client, which rebuilds the same answer from each and
 * records which profile it saw.
 */
class WireProfileTest {
    static final String REASONING = String.join("", EngineAnswer.REASONING);

    @Test
    void vllmsRunningUsageOnEveryChunkIsReadAsItsLastTotalAndItsToolCallPiecesAreJoined() throws Exception {
        try (VllmToolStreamServer vllm = new VllmToolStreamServer();
             OpenAiChatEndpoint client = OpenAiChatEndpointTest.client(vllm.baseUrl(), 0)) {
            ChatOutcome.Success ok = (ChatOutcome.Success) client.complete(request(true));
            assertThat(ok.response().toolCalls()).isEqualTo(EngineAnswer.calls(VllmToolStreamServer.ID0, VllmToolStreamServer.ID1));
            assertThat(ok.response().reasoning()).isEqualTo(REASONING);
            assertThat(ok.response().finishReason()).isEqualTo("tool_calls");
            assertThat(ok.usage().completionTokens()).as("the last running total, not the sum of all")
                    .isEqualTo(EngineAnswer.completionTokens());
            assertThat(ok.usage().promptTokens()).isEqualTo(EngineAnswer.PROMPT_TOKENS);
            assertThat(client.wireProfile()).isEqualTo(new WireProfile(Reasoning.REASONING, UsageLayout.EVERY_CHUNK,
                    ToolCallDeltas.PIECES, 1));

            client.complete(request(false));
            assertThat(client.wireProfile()).as("a second response with usage at the end only")
                    .isEqualTo(new WireProfile(Reasoning.REASONING, UsageLayout.MIXED, ToolCallDeltas.PIECES, 2));
        }
    }

    @Test
    void sglangsSecondCallAtIndexZeroUnderANewIdIsASecondCall() throws Exception {
        try (SglangToolStreamServer sglang = new SglangToolStreamServer(false);
             OpenAiChatEndpoint client = OpenAiChatEndpointTest.client(sglang.baseUrl(), 0)) {
            ChatOutcome.Success ok = (ChatOutcome.Success) client.complete(request(false));
            assertThat(ok.response().toolCalls())
                    .isEqualTo(EngineAnswer.calls(SglangToolStreamServer.ID0, SglangToolStreamServer.ID1));
            assertThat(ok.response().reasoning()).isEqualTo(REASONING);
            assertThat(ok.usage().promptTokens()).isEqualTo(EngineAnswer.PROMPT_TOKENS);
            assertThat(ok.usage().completionTokens()).isEqualTo(EngineAnswer.completionTokens());
            assertThat(client.wireProfile()).isEqualTo(new WireProfile(Reasoning.REASONING_CONTENT, UsageLayout.FINAL,
                    ToolCallDeltas.PIECES_ID_REPEATED, 1));
        }
    }

    @Test
    void sglangsNativeMetaInfoCountsAreReadWhenNoOpenAiUsageCame() throws Exception {
        try (SglangToolStreamServer sglang = new SglangToolStreamServer(true);
             OpenAiChatEndpoint client = OpenAiChatEndpointTest.client(sglang.baseUrl(), 0)) {
            ChatOutcome.Success ok = (ChatOutcome.Success) client.complete(request(false));
            assertThat(ok.usage().promptTokens()).isEqualTo(EngineAnswer.PROMPT_TOKENS);
            assertThat(ok.usage().completionTokens()).isEqualTo(EngineAnswer.completionTokens());
            assertThat(client.wireProfile().usage()).isEqualTo(UsageLayout.META_INFO);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LlamaCppToolStreamServer.Layout.class)
    void llamaCppsUsageOrItsTimingsGiveTheCountsWhereverTheBuildPutsThem(LlamaCppToolStreamServer.Layout layout)
            throws Exception {
        try (LlamaCppToolStreamServer llama = new LlamaCppToolStreamServer(layout);
             OpenAiChatEndpoint client = OpenAiChatEndpointTest.client(llama.baseUrl(), 0)) {
            ChatOutcome.Success ok = (ChatOutcome.Success) client.complete(request(false));
            assertThat(ok.response().toolCalls())
                    .isEqualTo(EngineAnswer.calls(LlamaCppToolStreamServer.ID0, LlamaCppToolStreamServer.ID1));
            assertThat(ok.usage().completionTokens()).isEqualTo(EngineAnswer.completionTokens());
            assertThat(ok.usage().promptTokens()).as("timings' prompt_n + cache_n, or usage's prompt_tokens")
                    .isEqualTo(EngineAnswer.PROMPT_TOKENS);
            assertThat(ok.usage().reasoningCounted()).as("the reasoning text counted: no engine here reports it").isTrue();
            assertThat(client.wireProfile()).isEqualTo(new WireProfile(Reasoning.REASONING_CONTENT,
                    layout == LlamaCppToolStreamServer.Layout.TIMINGS_ONLY ? UsageLayout.TIMINGS : UsageLayout.FINAL_WITH_TIMINGS,
                    ToolCallDeltas.PIECES, 1));
        }
    }

    @Test
    void aCallWithoutAnIndexIsFollowedByItsId() throws Exception {
        String first = EngineAnswer.chunk("g", "{\"tool_calls\":[{\"id\":\"a\",\"function\":{\"name\":\"f\",\"arguments\":\"{\\\"x\\\":\"}}]}", null) + "}";
        String more = EngineAnswer.chunk("g", "{\"tool_calls\":[{\"function\":{\"arguments\":\"1}\"}}]}", null) + "}";
        String second = EngineAnswer.chunk("g", "{\"tool_calls\":[{\"id\":\"b\",\"function\":{\"name\":\"g\",\"arguments\":\"{}\"}}]}", "tool_calls") + "}";
        try (CannedServer s = new CannedServer(i -> CannedServer.sse(first, more, second, "[DONE]"));
             OpenAiChatEndpoint client = OpenAiChatEndpointTest.client(s.baseUrl(), 0)) {
            ChatOutcome.Success ok = (ChatOutcome.Success) client.complete(request(false));
            assertThat(ok.response().toolCalls()).extracting(c -> c.id() + " " + c.name() + " " + c.arguments())
                    .containsExactly("a f {\"x\":1}", "b g {}");
        }
    }

    @Test
    void profilesOfSeveralResponsesAgreeOrAreMixedAndAPartNeverSeenStaysNone() {
        WireProfile vllm = WireProfile.of(Reasoning.REASONING, UsageLayout.EVERY_CHUNK, ToolCallDeltas.NONE);
        WireProfile withCalls = WireProfile.of(Reasoning.NONE, UsageLayout.EVERY_CHUNK, ToolCallDeltas.PIECES);
        assertThat(vllm.merge(withCalls)).isEqualTo(new WireProfile(Reasoning.REASONING, UsageLayout.EVERY_CHUNK,
                ToolCallDeltas.PIECES, 2));
        assertThat(vllm.merge(WireProfile.of(Reasoning.REASONING_CONTENT, UsageLayout.FINAL, ToolCallDeltas.NONE)))
                .isEqualTo(new WireProfile(Reasoning.MIXED, UsageLayout.MIXED, ToolCallDeltas.NONE, 2));
        assertThat(WireProfile.NONE.merge(vllm)).isEqualTo(vllm);
    }

    @Test
    void anAuditRecordsTheProfileItSawInRunJson(@TempDir Path root) throws Exception {
        try (LlamaCppToolStreamServer llama = new LlamaCppToolStreamServer(LlamaCppToolStreamServer.Layout.CURRENT)) {
            var r = AuditRunner.audit("arith", "--base-url", llama.baseUrl(), "--model", "org/m", "--limit", "2",
                    "--concurrency", "1", "--root", root.toString(), "--no-fingerprint");
            assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
            JsonNode wire = Json.mapper().readTree(r.runDir().resolve("run.json").toFile()).path("endpoint").path("wireProfile");
            assertThat(wire.path("reasoning").asText()).isEqualTo("reasoning_content");
            assertThat(wire.path("usage").asText()).isEqualTo("final+timings");
            assertThat(wire.path("toolCalls").asText()).isEqualTo("pieces");
            assertThat(wire.path("responses").asLong()).isEqualTo(2);
        }
    }

    private static ChatRequest request(boolean continuousUsage) {
        ObjectNode t = OpenAiChatEndpoint.JSON.createObjectNode().put("model", "m");
        t.putArray("tools").addObject().put("type", "function").putObject("function").put("name", "get_weather");
        if (continuousUsage) {
            t.put("stream", true).putObject("stream_options").put("include_usage", true).put("continuous_usage_stats", true);
        }
        return new ChatRequest(List.of(ChatMessage.user("Weather and time in Paris?")), t, 0);
    }
}
