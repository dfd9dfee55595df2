package dev.claimcheck.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.endpoint.ChatOutcome;
import dev.claimcheck.core.endpoint.ChatRequest;
import dev.claimcheck.core.endpoint.ClientConfig;
import dev.claimcheck.core.endpoint.OpenAiChatEndpoint;
import dev.claimcheck.core.endpoint.RetryPolicy;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.ErrorCause;
import dev.claimcheck.core.model.Lane;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.tokens.Tokenizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The simulator served over loopback and read by the real client. */
class SimulatorTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static InMemoryOracle oracle(int prompts) {
        InMemoryOracle o = new InMemoryOracle();
        for (int i = 0; i < prompts; i++) {
            o.put(PromptHash.of(messages(i)), new OracleEntry.FinalAnswer("4" + i, "5" + i));
        }
        return o;
    }

    static List<ChatMessage> messages(int i) {
        return List.of(ChatMessage.system("Answer briefly."), ChatMessage.user("What is question " + i + "?"));
    }

    static ChatRequest request(int i, int attempt) {
        return new ChatRequest(messages(i), JSON.createObjectNode().put("model", "sim"), attempt);
    }

    static OpenAiChatEndpoint client(Simulator sim, int maxRetries, Duration idle) {
        return new OpenAiChatEndpoint(ClientConfig.builder(sim.baseUrl()).attemptHeaders(true)
                .retry(RetryPolicy.immediate(maxRetries)).idleTimeout(idle).circuitBreakerThreshold(0).build());
    }

    static SimOptions opts(String spec, Lane lane) {
        return SimOptions.parse(spec, lane, 7);
    }

    @Test
    void promptPlusMaxTokensOverMaxModelLenIsRefusedWithVllmsContextLength400AndNotRetried() throws Exception {
        Tokenizer tokenizer = Tokenizer.named("o200k_base");
        long prompt = tokenizer.count("Answer briefly.") + tokenizer.count("What is question 0?");
        try (Simulator sim = Simulator.start(opts("sim:accuracy=1,outputTokens=2,maxModelLen=" + (prompt + 4), Lane.INSTANT), oracle(1));
             OpenAiChatEndpoint c = client(sim, 3, Duration.ofSeconds(5))) {
            assertThat(c.complete(request(0, 0))).isInstanceOf(ChatOutcome.Success.class); // no max_tokens: the prompt fits
            ObjectNode template = JSON.createObjectNode().put("model", "sim").put("max_tokens", 16);
            ChatOutcome.Failure refused = (ChatOutcome.Failure) c.complete(new ChatRequest(messages(0), template, 1));
            assertThat(refused.error().cause()).isEqualTo(ErrorCause.CONTEXT_LENGTH);
            assertThat(refused.error().message()).contains("HTTP 400", "maximum context length is " + (prompt + 4) + " tokens. "
                    + "However, you requested " + (prompt + 16) + " tokens (" + prompt + " in the messages, 16 in the completion)");
            assertThat(refused.retries()).isEmpty();
            assertThat(sim.requestsServed()).isEqualTo(2);

            var http = java.net.http.HttpClient.newHttpClient();
            var raw = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(sim.baseUrl() + "/chat/completions"))
                    .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"model\":\"sim\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":\"What is question 0?\"}]}"))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(raw.statusCode()).isEqualTo(400);
            var error = JSON.readTree(raw.body()).path("error");
            assertThat(error.path("type").asText()).isEqualTo("BadRequestError");
            assertThat(error.path("code").asInt()).isEqualTo(400);
            assertThat(error.path("message").asText()).startsWith("This model's maximum context length is " + (prompt + 4) + " tokens.");
        }
    }

    @Test
    void aVerbatimReplyIsTheWholeContentByteForByteWithNoFiller() {
        String right = "<<Title>>\n\nFirst  paragraph.\n* bullet\n\nP.S. done";
        InMemoryOracle o = new InMemoryOracle();
        o.put(PromptHash.of(messages(0)), new OracleEntry.VerbatimReply(right, "wrong, reply"));
        for (String accuracy : List.of("1", "0")) {
            try (Simulator sim = Simulator.start(opts("sim:accuracy=" + accuracy + ",outputTokens=50,reasoningTokens=3", Lane.INSTANT), o);
                 OpenAiChatEndpoint c = client(sim, 0, Duration.ofSeconds(5))) {
                ChatOutcome.Success ok = (ChatOutcome.Success) c.complete(request(0, 0));
                assertThat(ok.response().content()).isEqualTo(accuracy.equals("1") ? right : "wrong, reply");
                assertThat(ok.response().reasoning()).isNotBlank();
            }
        }
    }

    @Test
    void accuracyOneAnswersCorrectlyWithExactTokenCounts() {
        try (Simulator sim = Simulator.start(opts("sim:accuracy=1,outputTokens=10", Lane.INSTANT), oracle(3));
             OpenAiChatEndpoint c = client(sim, 0, Duration.ofSeconds(5))) {
            for (int i = 0; i < 3; i++) {
                ChatOutcome.Success ok = (ChatOutcome.Success) c.complete(request(i, 0));
                assertThat(ok.response().content()).endsWith("The answer is \\boxed{4" + i + "}.");
                assertThat(ok.response().content().split(" ")).hasSize(10);
                assertThat(ok.response().reasoning()).isNull();
                assertThat(ok.response().finishReason()).isEqualTo("stop");
                assertThat(ok.usage().completionTokens()).isEqualTo(10);
                // o200k_base over the contents: "Answer briefly." + "What is question i?"
                Tokenizer tokenizer = Tokenizer.named("o200k_base");
                assertThat(ok.usage().promptTokens())
                        .isEqualTo(tokenizer.count("Answer briefly.") + tokenizer.count("What is question " + i + "?"));
                assertThat(ok.retries()).isEmpty();
            }
            assertThat(sim.requestsServed()).isEqualTo(3);
        }
    }

    @Test
    void accuracyZeroAnswersWrongAndSmallOutputGrowsToFitTheAnswer() {
        try (Simulator sim = Simulator.start(opts("sim:accuracy=0,outputTokens=1", Lane.INSTANT), oracle(1));
             OpenAiChatEndpoint c = client(sim, 0, Duration.ofSeconds(5))) {
            ChatOutcome.Success ok = (ChatOutcome.Success) c.complete(request(0, 0));
            assertThat(ok.response().content()).isEqualTo("The answer is \\boxed{50}.");
            assertThat(ok.usage().completionTokens()).isEqualTo(4);
        }
    }

    @Test
    void thinkingLaneStreamsReasoningCountedInUsage() {
        try (Simulator sim = Simulator.start(opts("sim:accuracy=1,reasoningTokens=20", Lane.THINKING), oracle(1));
             OpenAiChatEndpoint c = client(sim, 0, Duration.ofSeconds(5))) {
            ChatOutcome.Success ok = (ChatOutcome.Success) c.complete(request(0, 0));
            assertThat(ok.response().reasoning().split(" ")).hasSize(20);
            assertThat(ok.usage().reasoningTokens()).isEqualTo(20);
            assertThat(ok.usage().completionTokens()).isEqualTo(20 + 32);
            assertThat(ok.timing().firstContentMs()).isGreaterThanOrEqualTo(ok.timing().ttftMs());
        }
        assertThat(opts("sim", Lane.THINKING).reasoningTokens()).isEqualTo(256);
    }

    @Test
    void nonStreamingUnknownPromptAndMaxTokens() {
        try (Simulator sim = Simulator.start(opts("sim:accuracy=1,outputTokens=8,reasoningTokens=4", Lane.INSTANT),
                oracle(1)); OpenAiChatEndpoint c = client(sim, 0, Duration.ofSeconds(5))) {
            ObjectNode t = JSON.createObjectNode().put("stream", false);
            ChatOutcome.Success ok = (ChatOutcome.Success) c.complete(new ChatRequest(messages(0), t, 0));
            assertThat(ok.response().content()).endsWith("\\boxed{40}.");
            assertThat(ok.response().reasoning().split(" ")).hasSize(4);
            assertThat(ok.usage().completionTokens()).isEqualTo(12);

            ChatOutcome.Success unknown = (ChatOutcome.Success) c.complete(request(99, 0));
            assertThat(unknown.response().content()).doesNotContain("boxed");
            assertThat(unknown.response().content().split(" ")).hasSize(8);

            ObjectNode capped = JSON.createObjectNode().put("max_tokens", 6);
            ChatOutcome.Success cut = (ChatOutcome.Success) c.complete(new ChatRequest(messages(0), capped, 0));
            assertThat(cut.response().truncated()).isTrue();
            assertThat(cut.usage().completionTokens()).isEqualTo(6);
            assertThat(cut.usage().reasoningTokens()).isEqualTo(4);
        }
    }

    @Test
    void sameSeedPromptAndAttemptGiveTheSameAnswerInAnyOrder() {
        List<String> forward = new ArrayList<>();
        List<String> backward = new ArrayList<>();
        try (Simulator sim = Simulator.start(opts("sim:accuracy=0.5", Lane.INSTANT), oracle(20));
             OpenAiChatEndpoint c = client(sim, 0, Duration.ofSeconds(5))) {
            for (int i = 0; i < 20; i++) {
                forward.add(((ChatOutcome.Success) c.complete(request(i, i % 3))).response().content());
            }
            List<Integer> order = new ArrayList<>(IntStream.range(0, 20).boxed().toList());
            Collections.reverse(order);
            String[] back = new String[20];
            order.parallelStream().forEach(i ->
                    back[i] = ((ChatOutcome.Success) c.complete(request(i, i % 3))).response().content());
            backward.addAll(List.of(back));
        }
        assertThat(backward).isEqualTo(forward);
        // accuracy 0.5 over 20 prompts: both outcomes occur for this fixed seed
        assertThat(forward).anyMatch(s -> s.contains("{4")).anyMatch(s -> s.contains("{5"));
    }

    @Test
    void everyFaultKindRecoversWithRetriesRecorded() {
        for (SimFault kind : SimFault.values()) {
            SimOptions o = opts("sim:accuracy=1,faults=0.5,faultKinds=" + kind.id(), Lane.INSTANT);
            try (Simulator sim = Simulator.start(o, oracle(12));
                 OpenAiChatEndpoint c = client(sim, 8, idleFor(kind))) {
                int retried = 0;
                for (int i = 0; i < 12; i++) {
                    ChatOutcome out = c.complete(request(i, 0));
                    assertThat(out).as(kind.id()).isInstanceOf(ChatOutcome.Success.class);
                    retried += out.retries().size();
                    out.retries().forEach(r -> assertThat(r.cause()).as(kind.id()).isEqualTo(expectedCause(kind)));
                }
                assertThat(retried).as(kind.id()).isPositive().isEqualTo(sim.faultsInjected(kind));
                assertThat(sim.faultsInjected()).containsOnlyKeys(kind);
            }
        }
    }

    @Test
    void everyFaultKindWithoutRetriesEndsAsAFailureOfTheRightCause() {
        for (SimFault kind : SimFault.values()) {
            SimOptions o = opts("sim:faults=1,faultKinds=" + kind.id(), Lane.INSTANT);
            try (Simulator sim = Simulator.start(o, oracle(1));
                 OpenAiChatEndpoint c = client(sim, 1, idleFor(kind))) {
                ChatOutcome.Failure f = (ChatOutcome.Failure) c.complete(request(0, 0));
                assertThat(f.error().cause()).as(kind.id()).isEqualTo(expectedCause(kind));
                assertThat(f.error().retries()).isEqualTo(1);
                assertThat(f.retries()).hasSize(1);
            }
        }
    }

    /** Short enough to notice the 3 s stall quickly, long enough that a slow shared machine is not a stall. */
    static Duration idleFor(SimFault kind) {
        return kind == SimFault.STALL ? Duration.ofMillis(500) : Duration.ofSeconds(10);
    }

    static ErrorCause expectedCause(SimFault kind) {
        return switch (kind) {
            case RATE_LIMIT -> ErrorCause.RATE_LIMITED;
            case SERVER_ERROR, UNAVAILABLE -> ErrorCause.SERVER_ERROR;
            case RESET -> ErrorCause.CONNECTION;
            case TRUNCATED -> ErrorCause.TRUNCATED_STREAM;
            case MALFORMED -> ErrorCause.MALFORMED_RESPONSE;
            case STALL -> ErrorCause.TIMEOUT;
        };
    }

    @Test
    void nonStreamingFaultsAreClassifiedToo() {
        for (SimFault kind : List.of(SimFault.MALFORMED, SimFault.TRUNCATED, SimFault.RESET)) {
            SimOptions o = opts("sim:faults=1,faultKinds=" + kind.id(), Lane.INSTANT);
            try (Simulator sim = Simulator.start(o, oracle(1));
                 OpenAiChatEndpoint c = client(sim, 0, Duration.ofSeconds(5))) {
                ChatRequest r = new ChatRequest(messages(0), JSON.createObjectNode().put("stream", false), 0);
                ChatOutcome.Failure f = (ChatOutcome.Failure) c.complete(r);
                assertThat(f.error().cause()).as(kind.id()).isIn(expectedCause(kind), ErrorCause.CONNECTION);
            }
        }
    }

    @Test
    void tokenListenerAndDescribe() {
        List<Simulator.TokenTrace> traces = new CopyOnWriteArrayList<>();
        try (Simulator sim = Simulator.start(opts("sim:outputTokens=5,tpotMs=1", Lane.INSTANT), oracle(1));
             OpenAiChatEndpoint c = client(sim, 0, Duration.ofSeconds(5))) {
            sim.onTokens(traces::add);
            c.complete(request(0, 2));
            // The simulator reports the trace after its last flush, so the client can finish first: wait for it.
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (traces.isEmpty() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(traces).singleElement().satisfies(t -> {
                assertThat(t.emitNanos()).hasSize(5);
                assertThat(t.attempt()).isEqualTo(2);
                assertThat(t.promptSha256()).isEqualTo(PromptHash.of(messages(0)));
                for (int i = 1; i < 5; i++) {
                    assertThat(t.emitNanos()[i]).isGreaterThanOrEqualTo(t.emitNanos()[i - 1]);
                }
            });
            var ref = c.describe();
            assertThat(ref.engine()).isEqualTo("claimcheck-sim");
            assertThat(ref.engineVersion()).isEqualTo(Simulator.VERSION);
            assertThat(ref.models().get(0).get("id").asText()).isEqualTo("sim");
            assertThat(ref.baseUrl()).isEqualTo(sim.baseUrl());
        }
    }
}
