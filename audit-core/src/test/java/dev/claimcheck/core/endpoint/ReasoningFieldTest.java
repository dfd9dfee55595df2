package dev.claimcheck.core.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.model.Lane;
import dev.claimcheck.core.sim.InMemoryOracle;
import dev.claimcheck.core.sim.SimOptions;
import dev.claimcheck.core.sim.Simulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The two spellings of a reasoning parser's output on the wire: {@code reasoning_content} (SGLang, DeepSeek-style, older
 * vLLM) and {@code reasoning} (current vLLM). The simulator speaks either, and the client reads both as reasoning.
 */
class ReasoningFieldTest {
    static final String BODY = "{\"model\":\"sim\",\"stream\":%s,\"messages\":[{\"role\":\"user\",\"content\":\"What is 2+2?\"}]}";

    @ParameterizedTest(name = "{0}")
    @CsvSource({"plain, reasoning_content, reasoning", "reasoning-field, reasoning, reasoning_content"})
    void theSimulatorSpeaksTheTemplatesFieldAndTheClientReadsIt(String template, String field, String absent) throws Exception {
        try (Simulator sim = Simulator.start(SimOptions.parse("sim:reasoningTokens=6,template=" + template, Lane.THINKING, 0),
                new InMemoryOracle());
             OpenAiChatEndpoint client = OpenAiChatEndpointTest.client(sim.baseUrl(), 0)) {
            for (boolean stream : new boolean[] {true, false}) {
                String wire = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/chat/completions"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(BODY.formatted(stream))).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                assertThat(wire).as("stream " + stream).contains("\"" + field + "\":").doesNotContain("\"" + absent + "\":");
            }
            ChatOutcome.Success ok = (ChatOutcome.Success) client.complete(OpenAiChatEndpointTest.request());
            assertThat(ok.response().reasoning()).isNotBlank();
            assertThat(ok.response().reasoningSplit()).isFalse();
        }
    }
}
