package dev.claimcheck.core.run;

import dev.claimcheck.core.endpoint.ChatEndpoint;
import dev.claimcheck.core.endpoint.ClientConfig;
import dev.claimcheck.core.endpoint.OpenAiChatEndpoint;
import dev.claimcheck.core.endpoint.RetryPolicy;
import dev.claimcheck.core.endpoint.Secrets;
import dev.claimcheck.core.model.Lane;
import dev.claimcheck.core.model.RunManifest.EndpointRef;
import dev.claimcheck.core.sim.InMemoryOracle;
import dev.claimcheck.core.sim.SimOptions;
import dev.claimcheck.core.sim.Simulator;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** Opens the endpoint a run talks to: a real base URL, or an in-process simulator with its oracle. */
public final class Endpoints {
    static final String REDACTED = Secrets.REDACTED;

    private Endpoints() {
    }

    /** An open endpoint; for the simulator also its server and oracle. Close it to stop the simulator. */
    public record Opened(ChatEndpoint endpoint, InMemoryOracle oracle, Simulator simulator, SimOptions simOptions) implements AutoCloseable {
        /** What run.json records: for the simulator, "sim" and its options instead of a loopback port. */
        public EndpointRef describe() {
            EndpointRef ref = endpoint.describe();
            if (simulator == null) {
                return ref;
            }
            return new EndpointRef("sim", ref.apiFlavor(), ref.engine(), ref.engineVersion(), ref.serverInfo(), ref.models(),
                    simOptions.toMap(), null, ref.headers());
        }

        @Override
        public void close() {
            endpoint.close();
            if (simulator != null) {
                simulator.close();
            }
        }
    }

    public static Opened open(String baseUrl, Lane lane, long seed, String apiFlavor, String apiKeyEnv, String apiKey,
                       Map<String, String> headers, int maxRetries) {
        if (SimOptions.isSim(baseUrl)) {
            SimOptions options = SimOptions.parse(baseUrl, lane, seed);
            InMemoryOracle oracle = new InMemoryOracle();
            Simulator simulator = Simulator.start(options, oracle);
            // Short idle timeout and quick retries: injected stalls and faults should cost milliseconds, not minutes.
            // A third of stallMs (1 s by default), so a larger stallMs also gives the simulator time to count a
            // 1M-token prompt (about a second per core) without that being taken for a stall (docs/simulator.md).
            ClientConfig config = ClientConfig.builder(simulator.baseUrl()).apiFlavor(apiFlavor)
                    .idleTimeout(Duration.ofMillis(Math.max(200, options.stallMs() / 3)))
                    .retry(new RetryPolicy(maxRetries, Duration.ofMillis(5), Duration.ofMillis(100), 0.5))
                    .attemptHeaders(true).build();
            return new Opened(new OpenAiChatEndpoint(config), oracle, simulator, options);
        }
        RetryPolicy defaults = RetryPolicy.defaults();
        ClientConfig.Builder config = ClientConfig.builder(baseUrl).apiFlavor(apiFlavor).apiKeyEnv(apiKeyEnv).apiKey(apiKey)
                .retry(new RetryPolicy(maxRetries, defaults.baseDelay(), defaults.maxDelay(), defaults.jitter()));
        headers.forEach(config::header);
        return new Opened(new OpenAiChatEndpoint(config.build()), null, null, null);
    }

    /** Rebuilds the sim: spec from the options recorded in run.json. */
    static String simSpec(Map<String, String> simulator) {
        if (simulator == null || simulator.isEmpty()) {
            return "sim";
        }
        return "sim:" + simulator.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }
}
