package dev.claimcheck.core.cli;

import dev.claimcheck.core.endpoint.ClientConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The endpoint options {@code audit} and {@code bench} share, declared once and mixed into both (inherited by every
 * {@code audit <suite>} subcommand): where to send, which model, which credentials, where to write.
 */
final class EndpointOptions {
    @Option(names = "--base-url", scope = ScopeType.INHERIT, paramLabel = "URL|sim[:k=v,...]",
            description = "OpenAI-compatible base URL (http://…/v1), or 'sim' for the built-in simulator, e.g. sim:accuracy=0.5,faults=0.2 or sim:tpotMs=5.")
    String baseUrl;

    @Option(names = "--model", scope = ScopeType.INHERIT, paramLabel = "ID", description = "Model id sent to the endpoint (default 'sim' with the simulator).")
    String model;

    @Option(names = "--header", scope = ScopeType.INHERIT, paramLabel = "K:V", description = "Extra HTTP header (repeatable); a value named like a "
            + "credential or 8+ characters long is a secret: redacted in run.json and wherever the server echoes it.")
    List<String> header = List.of();

    @Option(names = "--api-key-env", scope = ScopeType.INHERIT, defaultValue = "OPENAI_API_KEY", paramLabel = "VAR",
            description = "Environment variable holding the API key (default: ${DEFAULT-VALUE}); only its name is recorded, the key is never written anywhere.")
    String apiKeyEnv = "OPENAI_API_KEY";

    @Option(names = "--root", scope = ScopeType.INHERIT, paramLabel = "DIR", description = "Root to write results to (default: . for real endpoints, target/sim-root for sim).")
    Path root;

    @Option(names = "--seed", scope = ScopeType.INHERIT, defaultValue = "0", paramLabel = "N",
            description = "Seed for tasks, prompts, arrivals and the simulator (default: ${DEFAULT-VALUE}).")
    long seed;

    /** The {@code --header} values by name, in the order given (a later one of the same name wins). */
    Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h : header) {
            var entry = ClientConfig.parseHeader(h);
            headers.put(entry.getKey(), entry.getValue());
        }
        return headers;
    }
}
