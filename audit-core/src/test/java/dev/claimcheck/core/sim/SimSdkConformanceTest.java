package dev.claimcheck.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.InternalServerException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnexpectedStatusCodeException;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.ResponseFormatJsonObject;
import com.openai.models.ResponseFormatJsonSchema;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionTokenLogprob;
import com.openai.models.completions.Completion;
import com.openai.models.completions.CompletionCreateParams;
import com.openai.models.models.Model;
import dev.claimcheck.core.endpoint.ContextLengthError;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.Lane;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.model.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The simulator as the official OpenAI Java SDK sees it, over real loopback HTTP, with the SDK's strict response
 * validation on: every response must parse without SDK errors and mean what a real server's would.
 */
class SimSdkConformanceTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SYSTEM = "Answer briefly.";
    static final String QUESTION = "What is 6 times 7?";

    static OpenAIClient sdk(Simulator sim) {
        return OpenAIOkHttpClient.builder().baseUrl(sim.baseUrl()).apiKey("sk-sim-not-a-secret").maxRetries(0)
                .responseValidation(true).build();
    }

    static InMemoryOracle answers() {
        InMemoryOracle o = new InMemoryOracle();
        o.put(PromptHash.of(List.of(ChatMessage.system(SYSTEM), ChatMessage.user(QUESTION))), new OracleEntry.FinalAnswer("42", "41"));
        return o;
    }

    static Simulator sim(String spec, SimOracle oracle) {
        return Simulator.start(SimOptions.parse(spec, Lane.INSTANT, 7), oracle);
    }

    static ChatCompletionCreateParams.Builder ask() {
        return ChatCompletionCreateParams.builder().model("sim").addSystemMessage(SYSTEM).addUserMessage(QUESTION);
    }

    static List<ChatCompletionChunk> chunks(OpenAIClient c, ChatCompletionCreateParams p) {
        try (StreamResponse<ChatCompletionChunk> s = c.chat().completions().createStreaming(p)) {
            List<ChatCompletionChunk> all = new ArrayList<>();
            s.stream().forEach(chunk -> all.add(chunk.validate()));
            return all;
        }
    }

    static ChatCompletion accumulate(List<ChatCompletionChunk> chunks) {
        ChatCompletionAccumulator acc = ChatCompletionAccumulator.create();
        chunks.forEach(acc::accumulate);
        return acc.chatCompletion();
    }

    @Test
    void aChatCompletionParsesWithItsAnswerFinishReasonAndUsage() {
        try (Simulator s = sim("sim:accuracy=1,outputTokens=4", answers())) {
            ChatCompletion r = sdk(s).chat().completions().create(ask().build());
            assertThat(r.choices()).hasSize(1);
            ChatCompletion.Choice choice = r.choices().get(0);
            assertThat(choice.message().content()).hasValueSatisfying(t -> assertThat(t).endsWith("The answer is \\boxed{42}."));
            assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
            assertThat(choice.logprobs()).isEmpty();
            assertThat(r.usage()).hasValueSatisfying(u -> {
                assertThat(u.completionTokens()).isEqualTo(4); // outputTokens: the answer sentence alone is 4 words
                assertThat(u.totalTokens()).isEqualTo(u.promptTokens() + u.completionTokens());
                assertThat(u.promptTokens()).isPositive();
            });
        }
    }

    @Test
    void aStreamParsesChunkByChunkAndIncludeUsagePutsTheUsageOnTheLastChunkWithNoChoices() {
        try (Simulator s = sim("sim:accuracy=1,outputTokens=7", answers())) {
            OpenAIClient c = sdk(s);
            List<ChatCompletionChunk> chunks = chunks(c, ask()
                    .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build());
            ChatCompletionChunk last = chunks.get(chunks.size() - 1);
            assertThat(last.choices()).isEmpty();
            assertThat(last.usage()).hasValueSatisfying(u -> assertThat(u.completionTokens()).isEqualTo(7));
            assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy(ch -> assertThat(ch.usage()).isEmpty());
            assertThat(chunks.get(0).choices().get(0).delta().role()).contains(ChatCompletionChunk.Choice.Delta.Role.ASSISTANT);
            ChatCompletion whole = accumulate(chunks);
            assertThat(whole.choices().get(0).message().content()).hasValueSatisfying(t -> assertThat(t).endsWith("\\boxed{42}."));
            assertThat(whole.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);

            List<ChatCompletionChunk> plain = chunks(c, ask().build());
            assertThat(plain).allSatisfy(ch -> assertThat(ch.usage()).isEmpty());
        }
    }

    /** vLLM and SGLang send the thinking as {@code reasoning_content}; the SDK has no field for it, so it is an extra property. */
    @Test
    void reasoningContentIsTheExtraPropertyVllmAndSglangSendBothWholeAndStreamed() {
        try (Simulator s = sim("sim:accuracy=1,outputTokens=2,reasoningTokens=5", answers())) {
            OpenAIClient c = sdk(s);
            ChatCompletion r = c.chat().completions().create(ask().build());
            JsonValue reasoning = r.choices().get(0).message()._additionalProperties().get("reasoning_content");
            assertThat(reasoning).isNotNull();
            String thought = String.valueOf(reasoning.asString().orElseThrow());
            assertThat(thought.split(" ")).hasSize(5);
            assertThat(r.usage().orElseThrow().completionTokensDetails().orElseThrow().reasoningTokens()).contains(5L);
            assertThat(r.choices().get(0).message().content()).hasValueSatisfying(t -> assertThat(t).doesNotContain("Hmm"));

            StringBuilder streamed = new StringBuilder();
            for (ChatCompletionChunk ch : chunks(c, ask().build())) {
                for (ChatCompletionChunk.Choice choice : ch.choices()) {
                    JsonValue piece = choice.delta()._additionalProperties().get("reasoning_content");
                    if (piece != null) {
                        assertThat(choice.delta().content()).as("reasoning chunks carry no content").isEmpty();
                        streamed.append(String.valueOf(piece.asString().orElseThrow()));
                    }
                }
            }
            assertThat(streamed.toString()).isEqualTo(thought);
        }
    }

    @Test
    void toolCallsParseWholeAndStreamedWithArgumentsSplitAcrossDeltasUnderOneIndex() throws Exception {
        List<ChatMessage> opening = List.of(ChatMessage.system(SYSTEM), ChatMessage.user("Book the flight."));
        String args = "{\"flight\":\"LH 441\",\"seats\":2,\"note\":\"window, über\"}";
        InMemoryOracle oracle = new InMemoryOracle();
        oracle.put(PromptHash.of(opening), new OracleEntry.AgentScript(List.of(new ToolCall("call_7", "book", args)),
                List.of(new ToolCall("call_7", "book", args)), "Done."));
        try (Simulator s = sim("sim:outputTokens=1", oracle)) {
            OpenAIClient c = sdk(s);
            ChatCompletionCreateParams p = ChatCompletionCreateParams.builder().model("sim").addSystemMessage(SYSTEM)
                    .addUserMessage("Book the flight.").build();
            ChatCompletion whole = c.chat().completions().create(p);
            assertThat(whole.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
            List<ChatCompletionMessageToolCall> calls = whole.choices().get(0).message().toolCalls().orElseThrow();
            assertThat(calls).hasSize(1);
            assertThat(calls.get(0).asFunction().id()).isEqualTo("call_7");
            assertThat(calls.get(0).asFunction().function().name()).isEqualTo("book");
            assertThat(calls.get(0).asFunction().function().arguments()).isEqualTo(args);

            List<ChatCompletionChunk> chunks = chunks(c, p);
            List<ChatCompletionChunk.Choice.Delta.ToolCall> deltas = new ArrayList<>();
            chunks.forEach(ch -> ch.choices().forEach(choice -> choice.delta().toolCalls().ifPresent(deltas::addAll)));
            assertThat(deltas.size()).as("the arguments arrive in several deltas").isGreaterThan(2);
            ChatCompletionChunk.Choice.Delta.ToolCall first = deltas.get(0);
            assertThat(first.index()).isZero();
            assertThat(first.id()).contains("call_7");
            assertThat(first.function().orElseThrow().name()).contains("book");
            StringBuilder joined = new StringBuilder(first.function().orElseThrow().arguments().orElse(""));
            for (ChatCompletionChunk.Choice.Delta.ToolCall d : deltas.subList(1, deltas.size())) {
                assertThat(d.index()).isZero();
                assertThat(d.id()).as("only the first delta names the call").isEmpty();
                assertThat(d.function().orElseThrow().name()).isEmpty();
                joined.append(d.function().orElseThrow().arguments().orElseThrow());
            }
            assertThat(joined.toString()).isEqualTo(args);
            assertThat(JSON.readTree(joined.toString()).path("seats").asInt()).isEqualTo(2);

            ChatCompletion assembled = accumulate(chunks);
            var call = assembled.choices().get(0).message().toolCalls().orElseThrow().get(0).asFunction();
            assertThat(call.id()).isEqualTo("call_7");
            assertThat(call.function().arguments()).isEqualTo(args);
            assertThat(assembled.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
        }
    }

    @Test
    void modelsListsTheSimulatorsModel() {
        try (Simulator s = sim("sim:maxModelLen=4096", answers())) {
            List<Model> models = sdk(s).models().list().data();
            assertThat(models).extracting(Model::id).containsExactly("sim");
            assertThat(models.get(0).ownedBy()).isEqualTo("claimcheck");
            assertThat(String.valueOf(models.get(0)._additionalProperties().get("max_model_len").asNumber().orElseThrow()))
                    .isEqualTo("4096");
        }
    }

    @Test
    void legacyCompletionsAnswerWholeAndStreamedWithLogprobs() {
        try (Simulator s = sim("sim:outputTokens=5,reasoningTokens=3", answers())) {
            OpenAIClient c = sdk(s);
            CompletionCreateParams p = CompletionCreateParams.builder().model("sim").prompt("Say something.").logprobs(2L).build();
            Completion r = c.completions().create(p);
            var choice = r.choices().get(0);
            assertThat(choice.text().split(" ")).as("content only: completions have no reasoning field").hasSize(5);
            assertThat(choice.finishReason()).isEqualTo(com.openai.models.completions.CompletionChoice.FinishReason.STOP);
            var lp = choice.logprobs().orElseThrow();
            assertThat(String.join("", lp.tokens().orElseThrow())).isEqualTo(choice.text());
            assertThat(lp.topLogprobs().orElseThrow()).allSatisfy(top -> assertThat(top._additionalProperties()).hasSize(2));
            assertThat(r.usage().orElseThrow().completionTokens()).isEqualTo(5);

            StringBuilder text = new StringBuilder();
            OpenAIClient lenient = OpenAIOkHttpClient.builder().baseUrl(s.baseUrl()).apiKey("sk-sim-not-a-secret").maxRetries(0).build();
            try (StreamResponse<Completion> st = lenient.completions().createStreaming(p)) {
                // Not validated: the SDK's Completion requires finish_reason, which every real server leaves null
                // until the last chunk, so strict validation of streamed completions fails against OpenAI itself.
                st.stream().forEach(ch -> ch.choices().forEach(ci -> text.append(ci.text())));
            }
            assertThat(text.toString()).isEqualTo(choice.text());
        }
    }

    @Test
    void nChoicesStopStringsLogprobsAndJsonResponseFormatsAreHonoured() throws Exception {
        try (Simulator s = sim("sim:accuracy=1,outputTokens=6", answers())) {
            OpenAIClient c = sdk(s);
            ChatCompletion three = c.chat().completions().create(ask().n(3).build());
            assertThat(three.choices()).extracting(ChatCompletion.Choice::index).containsExactly(0L, 1L, 2L);
            assertThat(three.usage().orElseThrow().completionTokens()).isEqualTo(3 * 6);
            ChatCompletion streamed = accumulate(chunks(c, ask().n(2).build()));
            assertThat(streamed.choices()).hasSize(2);
            assertThat(streamed.choices().get(1).message().content()).isEqualTo(three.choices().get(1).message().content());

            ChatCompletion stopped = c.chat().completions().create(ask().stop("boxed").build());
            assertThat(stopped.choices().get(0).message().content()).hasValueSatisfying(t -> assertThat(t).endsWith("The answer is \\")
                    .doesNotContain("boxed"));
            assertThat(stopped.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
            ChatCompletion listStop = c.chat().completions().create(ask()
                    .stop(ChatCompletionCreateParams.Stop.ofStrings(List.of("zzz", " answer", "is"))).build());
            assertThat(listStop.choices().get(0).message().content()).contains("Let us The"); // the earliest stop wins

            ChatCompletion lp = c.chat().completions().create(ask().logprobs(true).topLogprobs(3L).build());
            List<ChatCompletionTokenLogprob> tokens = lp.choices().get(0).logprobs().orElseThrow().content().orElseThrow();
            assertThat(tokens).hasSize(6);
            assertThat(tokens.stream().map(ChatCompletionTokenLogprob::token).reduce("", String::concat))
                    .isEqualTo(lp.choices().get(0).message().content().orElseThrow());
            assertThat(tokens).allSatisfy(t -> {
                assertThat(t.logprob()).isNegative();
                assertThat(t.topLogprobs()).hasSize(3);
                assertThat(t.topLogprobs().get(0).token()).isEqualTo(t.token());
            });
            ChatCompletion lpStream = accumulate(chunks(c, ask().logprobs(true).topLogprobs(1L).build()));
            assertThat(lpStream.choices().get(0).logprobs().orElseThrow().content().orElseThrow()).hasSize(6);

            ChatCompletion obj = c.chat().completions().create(ask().responseFormat(ResponseFormatJsonObject.builder().build()).build());
            JsonNode doc = JSON.readTree(obj.choices().get(0).message().content().orElseThrow());
            assertThat(doc.path("answer").asText()).endsWith("\\boxed{42}.");

            ResponseFormatJsonSchema.JsonSchema.Schema schema = ResponseFormatJsonSchema.JsonSchema.Schema.builder()
                    .putAdditionalProperty("type", JsonValue.from("object"))
                    .putAdditionalProperty("properties", JsonValue.from(Map.of(
                            "answer", Map.of("type", "integer"), "steps", Map.of("type", "array", "items", Map.of("type", "string")),
                            "sure", Map.of("type", "boolean"))))
                    .putAdditionalProperty("required", JsonValue.from(List.of("answer", "steps", "sure"))).build();
            ChatCompletion typed = accumulate(chunks(c, ask().responseFormat(ResponseFormatJsonSchema.builder()
                    .jsonSchema(ResponseFormatJsonSchema.JsonSchema.builder().name("result").schema(schema).build()).build()).build()));
            JsonNode instance = JSON.readTree(typed.choices().get(0).message().content().orElseThrow());
            assertThat(instance.path("answer").isInt()).isTrue();
            assertThat(instance.path("steps").isArray()).isTrue();
            assertThat(instance.path("sure").isBoolean()).isTrue();
        }
    }

    @Test
    void rateLimitIsA429WithRetryAfterAndOpenAisErrorBody() {
        try (Simulator s = sim("sim:faults=1,faultKinds=429", answers())) {
            assertThatThrownBy(() -> sdk(s).chat().completions().create(ask().build()))
                    .isInstanceOfSatisfying(RateLimitException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(429);
                        assertThat(e.headers().values("Retry-After")).containsExactly("0");
                        assertThat(e.type()).contains("requests");
                        assertThat(e.code()).contains("rate_limit_exceeded");
                        assertThat(e.getMessage()).contains("rate limit reached");
                    });
        }
    }

    @Test
    void serverErrorsAre5xxWithOpenAisErrorBody() {
        for (String kind : List.of("500", "503")) {
            try (Simulator s = sim("sim:faults=1,faultKinds=" + kind, answers())) {
                assertThatThrownBy(() -> sdk(s).chat().completions().create(ask().build()))
                        .isInstanceOfSatisfying(InternalServerException.class, e -> {
                            assertThat(e.statusCode()).isEqualTo(Integer.parseInt(kind));
                            assertThat(e.type()).contains("server_error");
                            assertThat(e.getMessage()).contains("HTTP " + kind);
                        });
            }
        }
    }

    @Test
    void contextLengthIsA400TheSdkParsesWithVllmsWording() {
        try (Simulator s = sim("sim:maxModelLen=16", answers())) {
            assertThatThrownBy(() -> sdk(s).chat().completions().create(ask().maxCompletionTokens(100L).build()))
                    .isInstanceOfSatisfying(BadRequestException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.getMessage()).contains("maximum context length is 16 tokens");
                        assertThat(e.type()).contains("BadRequestError");
                        assertThat(e.param()).isEmpty();
                        assertThat(ContextLengthError.matches(e.statusCode(), e.body().toString())).isTrue();
                    });
        }
    }

    @Test
    void badParametersAre400sNamingTheParameter() {
        try (Simulator s = sim("sim", answers())) {
            assertThatThrownBy(() -> sdk(s).chat().completions().create(ask().n(0).build()))
                    .isInstanceOfSatisfying(BadRequestException.class, e -> {
                        assertThat(e.param()).contains("n");
                        assertThat(e.type()).contains("invalid_request_error");
                    });
        }
    }

    /** Every error the simulator sends is one the SDK recognises as a service error, never an unparsed body. */
    @Test
    void noErrorIsAnUnexpectedStatus() {
        for (String kind : List.of("429", "500", "503")) {
            try (Simulator s = sim("sim:faults=1,faultKinds=" + kind, answers())) {
                assertThatThrownBy(() -> sdk(s).chat().completions().create(ask().build()))
                        .isInstanceOf(OpenAIServiceException.class).isNotInstanceOf(UnexpectedStatusCodeException.class)
                        .satisfies(e -> assertThat(((OpenAIServiceException) e).body().asObject()).isPresent());
            }
        }
        assertThat(Optional.empty()).isEmpty();
    }
}
