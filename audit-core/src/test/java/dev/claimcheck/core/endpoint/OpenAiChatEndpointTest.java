package dev.claimcheck.core.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.endpoint.EndpointAbortedException.Reason;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.ErrorCause;
import dev.claimcheck.core.model.ToolCall;
import dev.claimcheck.core.sim.InMemoryOracle;
import dev.claimcheck.core.sim.SimOptions;
import dev.claimcheck.core.sim.Simulator;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The client against a raw-socket server replaying canned bytes over loopback. */
class OpenAiChatEndpointTest {
    static final String KEY = "sk-test-SECRET-0123456789";
    static final ObjectMapper JSON = new ObjectMapper();

    static final String CHUNK = "{\"choices\":[{\"index\":0,\"delta\":%s,\"finish_reason\":%s}]}";

    static String chunk(String delta, String finish) {
        return String.format(CHUNK, delta, finish == null ? "null" : "\"" + finish + "\"");
    }

    static ChatRequest request() {
        ObjectNode t = JSON.createObjectNode().put("model", "m").put("temperature", 0.0);
        return new ChatRequest(List.of(ChatMessage.user("What is 2+2?")), t, 0);
    }

    static OpenAiChatEndpoint client(String baseUrl, int maxRetries) {
        return new OpenAiChatEndpoint(ClientConfig.builder(baseUrl).apiKey(KEY).retry(RetryPolicy.immediate(maxRetries))
                .idleTimeout(Duration.ofSeconds(5)).build());
    }

    @Test
    void reassemblesToolCallDeltasReasoningSpellingsAndUsage() throws IOException {
        String usage = "{\"choices\":[],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":9,"
                + "\"completion_tokens_details\":{\"reasoning_tokens\":3},\"prompt_tokens_details\":{\"cached_tokens\":4}}}";
        try (CannedServer s = new CannedServer(i -> CannedServer.sse(
                chunk("{\"role\":\"assistant\",\"reasoning_content\":\"think \"}", null),
                chunk("{\"reasoning\":\"more\"}", null),
                chunk("{\"content\":\"Calling.\"}", null),
                chunk("{\"tool_calls\":[{\"index\":0,\"id\":\"call_a\",\"type\":\"function\",\"function\":{\"name\":\"add\",\"arguments\":\"{\\\"a\\\":\"}}]}", null),
                chunk("{\"tool_calls\":[{\"index\":1,\"id\":\"call_b\",\"function\":{\"name\":\"mul\",\"arguments\":\"{}\"}}]}", null),
                chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"1}\"}}]}", "tool_calls"),
                usage, "[DONE]"));
             OpenAiChatEndpoint c = client(s.baseUrl(), 0)) {
            ChatOutcome.Success ok = (ChatOutcome.Success) c.complete(request());
            assertThat(ok.response().content()).isEqualTo("Calling.");
            assertThat(ok.response().reasoning()).isEqualTo("think more");
            assertThat(ok.response().toolCalls()).containsExactly(new ToolCall("call_a", "add", "{\"a\":1}"),
                    new ToolCall("call_b", "mul", "{}"));
            assertThat(ok.response().finishReason()).isEqualTo("tool_calls");
            assertThat(ok.usage()).isEqualTo(new dev.claimcheck.core.model.Usage(7, 9, 3, 4));
            assertThat(ok.timing().ttftMs()).isNotNull();
            assertThat(ok.timing().firstContentMs()).isGreaterThanOrEqualTo(ok.timing().ttftMs());
            // body = template + messages + streaming fields; the key goes in the header only
            assertThat(s.requestBodies.get(0)).contains("\"stream\":true", "\"include_usage\":true", "\"messages\"",
                    "\"temperature\"").doesNotContain(KEY);
            assertThat(s.requestHeaders.get(0)).containsEntry("authorization", "Bearer " + KEY)
                    .doesNotContainKey("x-claimcheck-attempt");
        }
    }

    @Test
    void aRequestOnAKeptAliveConnectionTheServerHadClosedIsResentOnANewConnectionAndRecordedAsARetry() throws IOException {
        try (KeepAliveExpiringServer s = new KeepAliveExpiringServer(); OpenAiChatEndpoint c = client(s.baseUrl(), 0)) {
            int resent = 0;
            for (int i = 0; i < 6; i++) {
                ChatOutcome outcome = c.complete(request());
                assertThat(outcome).as("even with no policy retries (--max-retries 0)").isInstanceOf(ChatOutcome.Success.class);
                for (dev.claimcheck.core.model.RetryRecord r : outcome.retries()) {
                    assertThat(r.cause()).isEqualTo(ErrorCause.CONNECTION);
                    assertThat(r.status()).isZero();
                    assertThat(r.message()).contains("before a response", "resent on a new connection");
                    resent++;
                }
            }
            assertThat(resent).as("one retry per request the server dropped").isEqualTo(s.dropped.get()).isPositive();
            assertThat(c.breakerOpen()).isFalse();
        }
    }

    @Test
    void fallsBackToJsonBodyAndReadsNonStreamingToolCalls() throws IOException {
        String body = "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,\"reasoning\":\"r\","
                + "\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]},"
                + "\"finish_reason\":\"tool_calls\"}],\"usage\":{\"prompt_tokens\":2,\"completion_tokens\":3}}";
        try (CannedServer s = new CannedServer(i -> CannedServer.http(200, "application/json", "", body));
             OpenAiChatEndpoint c = client(s.baseUrl(), 0)) {
            ChatOutcome.Success ok = (ChatOutcome.Success) c.complete(request());
            assertThat(ok.response().toolCalls()).containsExactly(new ToolCall("c1", "f", "{}"));
            assertThat(ok.response().reasoning()).isEqualTo("r");
            assertThat(ok.usage().completionTokens()).isEqualTo(3);
        }
    }

    @Test
    void unauthorizedAbortsWithoutLeakingTheKey() throws IOException {
        try (CannedServer s = new CannedServer(i -> CannedServer.http(401, "application/json", "",
                "{\"error\":\"bad key " + KEY + " in header Authorization: Bearer " + KEY + "\"}"));
             OpenAiChatEndpoint c = client(s.baseUrl(), 3)) {
            assertThatThrownBy(() -> c.complete(request())).isInstanceOfSatisfying(EndpointAbortedException.class, e -> {
                assertThat(e.reason()).isEqualTo(Reason.AUTH);
                assertThat(e.getMessage()).contains("401").doesNotContain(KEY).doesNotContain("\n");
            });
            assertThat(s.requests()).isEqualTo(1);
        }
    }

    @Test
    void retriesRateLimitHonouringRetryAfterThenSucceeds() throws IOException {
        try (CannedServer s = new CannedServer(i -> i == 0
                ? CannedServer.http(429, "application/json", "Retry-After: 0\r\n", "{\"error\":\"slow down\"}")
                : CannedServer.sse(chunk("{\"content\":\"4\"}", "stop"), "[DONE]"));
             OpenAiChatEndpoint c = new OpenAiChatEndpoint(ClientConfig.builder(s.baseUrl())
                     .retry(new RetryPolicy(2, Duration.ofSeconds(20), Duration.ofSeconds(30), 0)).build())) {
            ChatOutcome out = c.complete(request());
            assertThat(out).isInstanceOf(ChatOutcome.Success.class);
            // Retry-After: 0 beat the 20 s backoff
            assertThat(out.retries()).singleElement().satisfies(r -> {
                assertThat(r.cause()).isEqualTo(ErrorCause.RATE_LIMITED);
                assertThat(r.status()).isEqualTo(429);
                assertThat(r.delayMs()).isZero();
                assertThat(r.message()).contains("slow down");
            });
        }
    }

    @Test
    void clientErrorsFailAtOnce() throws IOException {
        try (CannedServer s = new CannedServer(i -> CannedServer.http(400, "application/json", "",
                "{\"error\":\"context too long\"}"));
             OpenAiChatEndpoint c = client(s.baseUrl(), 3)) {
            ChatOutcome.Failure f = (ChatOutcome.Failure) c.complete(request());
            assertThat(f.error().cause()).isEqualTo(ErrorCause.CLIENT_ERROR);
            assertThat(f.error().message()).contains("400", "context too long");
            assertThat(f.retries()).isEmpty();
            assertThat(s.requests()).isEqualTo(1);
        }
    }

    @Test
    void contextLengthRefusalsInTheEnginesWordingAreTheirOwnCauseAndFailAtOnce() throws IOException {
        for (String body : List.of(
                "{\"error\":{\"message\":\"This model's maximum context length is 4096 tokens. However, you requested 5000 tokens.\",\"type\":\"BadRequestError\",\"code\":400}}",
                "{\"error\":{\"message\":\"too long\",\"type\":\"invalid_request_error\",\"code\":\"context_length_exceeded\"}}",
                "{\"object\":\"error\",\"message\":\"The input (5000 tokens) is longer than the model's context length (4096 tokens).\"}")) {
            try (CannedServer s = new CannedServer(i -> CannedServer.http(400, "application/json", "", body));
                 OpenAiChatEndpoint c = client(s.baseUrl(), 3)) {
                ChatOutcome.Failure f = (ChatOutcome.Failure) c.complete(request());
                assertThat(f.error().cause()).as(body).isEqualTo(ErrorCause.CONTEXT_LENGTH);
                assertThat(f.retries()).isEmpty();
                assertThat(s.requests()).isEqualTo(1);
            }
        }
    }

    @Test
    void htmlBodyIsMalformed() throws IOException {
        try (CannedServer s = new CannedServer(i -> CannedServer.http(200, "text/html", "",
                "<html><body>Welcome to nginx</body></html>"));
             OpenAiChatEndpoint c = client(s.baseUrl(), 1)) {
            ChatOutcome.Failure f = (ChatOutcome.Failure) c.complete(request());
            assertThat(f.error().cause()).isEqualTo(ErrorCause.MALFORMED_RESPONSE);
            assertThat(f.error().message()).contains("text/html", "nginx");
            assertThat(f.error().retries()).isEqualTo(1);
            assertThat(f.retries()).hasSize(1);
        }
    }

    @Test
    void badChunksAndCutStreamsAreClassified() throws IOException {
        String[] bodies = {
            CannedServer.sse(chunk("{\"content\":\"a\"}", null), "{not json"),
            CannedServer.sse("{\"id\":\"x\"}"),
            CannedServer.sse(chunk("{\"content\":\"a\"}", null)),
            CannedServer.http(200, "application/json", "", "{\"id\":\"x\"}"),
        };
        ErrorCause[] expected = {ErrorCause.MALFORMED_RESPONSE, ErrorCause.MALFORMED_RESPONSE,
            ErrorCause.TRUNCATED_STREAM, ErrorCause.MALFORMED_RESPONSE};
        for (int k = 0; k < bodies.length; k++) {
            String body = bodies[k];
            try (CannedServer s = new CannedServer(i -> body); OpenAiChatEndpoint c = client(s.baseUrl(), 0)) {
                ChatOutcome.Failure f = (ChatOutcome.Failure) c.complete(request());
                assertThat(f.error().cause()).as(body).isEqualTo(expected[k]);
            }
        }
    }

    @Test
    void finishReasonWithoutDoneIsAccepted() throws IOException {
        try (CannedServer s = new CannedServer(i -> CannedServer.sse(chunk("{\"content\":\"x\"}", "length")));
             OpenAiChatEndpoint c = client(s.baseUrl(), 0)) {
            ChatOutcome.Success ok = (ChatOutcome.Success) c.complete(request());
            assertThat(ok.response().truncated()).isTrue();
        }
    }

    @Test
    void aMidStream500IsRetriedWithEveryTryRecordedAndTheRequestThatOpensTheBreakerIsRecordedToo() throws IOException {
        try (MidStreamErrorServer s = new MidStreamErrorServer();
             OpenAiChatEndpoint c = new OpenAiChatEndpoint(ClientConfig.builder(s.baseUrl())
                     .retry(RetryPolicy.immediate(6)).circuitBreakerThreshold(5).build())) {
            ChatOutcome.Failure f = (ChatOutcome.Failure) c.complete(request());
            assertThat(s.chatBodies).as("five tries, then the breaker opened").hasSize(5);
            assertThat(f.retries()).hasSize(4).allSatisfy(r -> {
                assertThat(r.cause()).isEqualTo(ErrorCause.SERVER_ERROR);
                assertThat(r.message()).contains("error event in stream (code 500)", "illegal memory access");
            });
            assertThat(f.error().cause()).isEqualTo(ErrorCause.SERVER_ERROR);
            assertThat(f.error().retries()).isEqualTo(4);
            assertThat(f.error().message()).contains("code 500", "not retried: circuit breaker open");
            assertThat(f.partial().content()).as("what arrived before the error").isEqualTo("The answer");
            assertThatThrownBy(() -> c.complete(request())).isInstanceOfSatisfying(EndpointAbortedException.class,
                    e -> assertThat(e.reason()).isEqualTo(Reason.CIRCUIT_OPEN));
            assertThat(s.chatBodies).hasSize(5);
        }
    }

    @Test
    void circuitBreakerOpensAfterThresholdServerErrors() throws IOException {
        try (CannedServer s = new CannedServer(i -> CannedServer.http(500, "application/json", "", "{\"error\":\"boom\"}"));
             OpenAiChatEndpoint c = new OpenAiChatEndpoint(ClientConfig.builder(s.baseUrl())
                     .retry(RetryPolicy.immediate(2)).circuitBreakerThreshold(5).build())) {
            ChatOutcome.Failure first = (ChatOutcome.Failure) c.complete(request()); // 3 tries
            assertThat(first.error().cause()).isEqualTo(ErrorCause.SERVER_ERROR);
            assertThat(first.error().retries()).isEqualTo(2);
            ChatOutcome.Failure second = (ChatOutcome.Failure) c.complete(request()); // tries 4 and 5 open it
            assertThat(second.retries()).as("try 4, recorded").hasSize(1);
            assertThat(second.error().message()).contains("not retried: circuit breaker open");
            int served = s.requests();
            assertThat(served).isEqualTo(5);
            assertThatThrownBy(() -> c.complete(request())).isInstanceOf(EndpointAbortedException.class);
            assertThat(s.requests()).isEqualTo(served);
            assertThat(c.breakerOpen()).isTrue();
        }
    }

    @Test
    void refusedConnectionsAreUnreachable() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        try (OpenAiChatEndpoint c = new OpenAiChatEndpoint(ClientConfig.builder("http://127.0.0.1:" + port + "/v1")
                .retry(RetryPolicy.immediate(1)).build())) {
            assertThatThrownBy(() -> c.complete(request())).isInstanceOfSatisfying(EndpointAbortedException.class,
                    e -> assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE));
        }
    }

    @Test
    void describeRedactsSecretsAndDetectsSglang() throws IOException {
        try (CannedServer s = new CannedServer(i -> i == 0
                ? CannedServer.http(200, "application/json", "", "{\"data\":[{\"id\":\"m\"}]}")
                : i == 1 ? CannedServer.http(200, "application/json", "", "{\"version\":\"0.5.1\"}")
                : i == 2 ? CannedServer.http(200, "application/json", "",
                        "{\"api_key\":\"" + KEY + "\",\"max_total_tokens\":100,\"tokenizer_path\":\"/m\",\"note\":\"" + KEY + "\"}")
                : CannedServer.http(404, "application/json", "", "{}"));
             OpenAiChatEndpoint c = new OpenAiChatEndpoint(ClientConfig.builder(s.baseUrl()).apiKey(KEY)
                     .header("X-Api-Key", "other-secret").header("X-Team", "audit").build())) {
            var ref = c.describe();
            assertThat(ref.engine()).isEqualTo("sglang");
            assertThat(ref.engineVersion()).isEqualTo("0.5.1");
            assertThat(ref.models().get(0).get("id").asText()).isEqualTo("m");
            assertThat(ref.headers()).containsEntry("X-Api-Key", Secrets.REDACTED).containsEntry("X-Team", "audit");
            assertThat(ref.serverInfo().toString()).doesNotContain(KEY).contains("tokenizer_path", "max_total_tokens");
            assertThat(ref.toString()).doesNotContain(KEY).doesNotContain("other-secret");
            assertThat(c.config().toString()).doesNotContain(KEY).doesNotContain("other-secret");
        }
    }

    @Test
    void describeGuessesVllmFromVersionAlone() throws IOException {
        try (CannedServer s = new CannedServer(i -> i == 1
                ? CannedServer.http(200, "application/json", "", "{\"version\":\"0.11.0\"}")
                : CannedServer.http(404, "text/plain", "", "not found"));
             OpenAiChatEndpoint c = client(s.baseUrl(), 0)) {
            var ref = c.describe();
            assertThat(ref.engine()).isEqualTo("vllm");
            assertThat(ref.engineVersion()).isEqualTo("0.11.0");
            assertThat(ref.models()).isNull();
            assertThat(ref.apiKeyEnv()).isEqualTo("OPENAI_API_KEY");
            assertThat(s.requests()).isEqualTo(6); // models, version, get_server_info, server_info, get_model_info, props
        }
    }

    /** A /version answer that names its engine: recorded as is when it is a plain id, else ignored (then vllm by version). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "claimcheck-sim|claimcheck-sim",
            "\"my-engine_2.0\"|my-engine_2.0",
            "\"<script>alert(1)</script>\"|vllm",
            "\"Engine With Spaces\"|vllm",
            "\"a123456789012345678901234567890123456789x\"|vllm",
            "\"\"|vllm",
            "42|vllm",
            "{\"name\":\"x\"}|vllm"})
    void describeRecordsASelfNamedEngineOnlyAsAPlainId(String engineJson, String expected) throws IOException {
        String json = engineJson.startsWith("\"") || engineJson.startsWith("{") || engineJson.matches("\\d+")
                ? engineJson : "\"" + engineJson + "\"";
        try (CannedServer s = new CannedServer(i -> i == 1
                ? CannedServer.http(200, "application/json", "", "{\"engine\":" + json + ",\"version\":\"1\"}")
                : CannedServer.http(404, "text/plain", "", "not found"));
             OpenAiChatEndpoint c = client(s.baseUrl(), 0)) {
            assertThat(c.describe().engine()).isEqualTo(expected);
        }
    }

    @Test
    void overallRequestTimeoutCutsASlowStream() {
        InMemoryOracle none = new InMemoryOracle();
        try (Simulator sim = Simulator.start(SimOptions.parse("sim:outputTokens=200,tpotMs=20",
                dev.claimcheck.core.model.Lane.INSTANT, 0), none);
             OpenAiChatEndpoint c = new OpenAiChatEndpoint(ClientConfig.builder(sim.baseUrl())
                     .retry(RetryPolicy.none()).requestTimeout(Duration.ofMillis(300)).build())) {
            ChatOutcome.Failure f = (ChatOutcome.Failure) c.complete(request());
            assertThat(f.error().cause()).isEqualTo(ErrorCause.TIMEOUT);
            assertThat(f.error().message()).contains("request timeout");
        }
    }
}
