package dev.claimcheck.core.suite.judge;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.endpoint.ChatEndpoint;
import dev.claimcheck.core.endpoint.ChatOutcome;
import dev.claimcheck.core.endpoint.ChatRequest;
import dev.claimcheck.core.endpoint.ClientConfig;
import dev.claimcheck.core.endpoint.OpenAiChatEndpoint;
import dev.claimcheck.core.endpoint.RetryPolicy;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.Lane;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.sim.InMemoryOracle;
import dev.claimcheck.core.sim.OracleEntry;
import dev.claimcheck.core.sim.SimOptions;
import dev.claimcheck.core.sim.Simulator;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * One pinned judge reached through the endpoint client, as the model under test is: a real endpoint, or a simulator
 * on loopback with its own oracle (told, before each prompt, what the simulated judge answers). Every request is at
 * temperature 0, streamed, with usage. Opened once per run and closed with the run's options.
 */
public final class JudgeEndpoint implements AutoCloseable {
    private final JudgeSpec spec;
    private final ChatEndpoint endpoint;
    private final InMemoryOracle oracle;
    private final Simulator simulator;

    private JudgeEndpoint(JudgeSpec spec, ChatEndpoint endpoint, InMemoryOracle oracle, Simulator simulator) {
        this.spec = spec;
        this.endpoint = endpoint;
        this.oracle = oracle;
        this.simulator = simulator;
    }

    /** @param seed the run's seed, the simulator's default seed ({@code sim:seed=} overrides it) */
    public static JudgeEndpoint open(JudgeSpec spec, long seed, String apiKeyEnv, int maxRetries) {
        if (spec.simulated()) {
            SimOptions options = SimOptions.parse(spec.baseUrl(), Lane.INSTANT, seed);
            InMemoryOracle oracle = new InMemoryOracle();
            Simulator simulator = Simulator.start(options, oracle);
            ClientConfig config = ClientConfig.builder(simulator.baseUrl())
                    .retry(new RetryPolicy(maxRetries, Duration.ofMillis(5), Duration.ofMillis(100), 0.5))
                    .attemptHeaders(true).build();
            return new JudgeEndpoint(spec, new OpenAiChatEndpoint(config), oracle, simulator);
        }
        ClientConfig config = ClientConfig.builder(spec.baseUrl()).apiKeyEnv(apiKeyEnv).apiKeyFromEnvironment().build();
        return new JudgeEndpoint(spec, new OpenAiChatEndpoint(config), null, null);
    }

    public JudgeSpec spec() {
        return spec;
    }

    /**
     * Sends one judge prompt.
     *
     * @param simulatedReply what a simulated judge answers to this prompt (asked only for a simulated judge; no prompt
     *                       carries it)
     */
    public ChatOutcome ask(List<ChatMessage> messages, int maxTokens, int attempt, Supplier<OracleEntry> simulatedReply) {
        return ask(messages, List.of(), maxTokens, attempt, simulatedReply);
    }

    /** As above, with OpenAI {@code tools} the pinned model may call (a τ² user simulator's own tools). */
    public ChatOutcome ask(List<ChatMessage> messages, List<ObjectNode> tools, int maxTokens, int attempt,
                           Supplier<OracleEntry> simulatedReply) {
        if (oracle != null) {
            oracle.put(PromptHash.of(messages), simulatedReply.get());
        }
        ObjectNode template = JsonNodeFactory.instance.objectNode();
        template.put("model", spec.model());
        template.put("temperature", 0);
        template.put("max_tokens", maxTokens);
        template.put("stream", true);
        template.putObject("stream_options").put("include_usage", true);
        if (!tools.isEmpty()) {
            template.putArray("tools").addAll(tools);
        }
        return endpoint.complete(new ChatRequest(messages, template, attempt));
    }

    /** Tokens the judge generated for one outcome (0 when the server reported none). */
    public static long completionTokens(ChatOutcome outcome) {
        return outcome.usage() == null ? 0 : outcome.usage().completionTokens();
    }

    @Override
    public void close() {
        endpoint.close();
        if (simulator != null) {
            simulator.close();
        }
    }
}
