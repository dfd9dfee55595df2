package dev.claimcheck.core.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.model.Lane;
import dev.claimcheck.core.sim.SimOptions;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the command line asks of a new run.
 *
 * @param baseUrl an OpenAI-compatible base URL, or {@code sim} / {@code sim:k=v,...}
 * @param model the model id; null means "sim" for the simulator
 * @param limit the first N tasks only; null for all
 * @param root where results go; null for the default (repository for real runs, target/sim-root for sim)
 * @param template the request body minus messages, exactly as it will be sent
 * @param headers extra HTTP headers (values may be secret: only their redacted form is stored)
 * @param recipe for {@code --recipe} runs, the pinned hashes checked before any request and the references
 *               recorded in run.json; null otherwise
 * @param fingerprint take the endpoint's fingerprint at the start and end (docs/fingerprint.md); false under
 *                    {@code --no-fingerprint}
 */
public record AuditSpec(String suiteId, Object suiteOptions, Map<String, String> suiteOptionValues, String baseUrl,
                        String model, Lane lane, int k, Integer limit, int concurrency, long seed, Path root,
                        ObjectNode template, String systemPrompt, Map<String, String> headers, String apiFlavor,
                        String apiKeyEnv, Long maxTotalTokens, int maxRetries, RecipePin recipe, boolean fingerprint) {
    public AuditSpec {
        Objects.requireNonNull(suiteId, "suiteId");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(lane, "lane");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        suiteOptionValues = suiteOptionValues == null ? Map.of() : Map.copyOf(suiteOptionValues);
    }

    /** A fingerprinted run. */
    public AuditSpec(String suiteId, Object suiteOptions, Map<String, String> suiteOptionValues, String baseUrl,
                     String model, Lane lane, int k, Integer limit, int concurrency, long seed, Path root,
                     ObjectNode template, String systemPrompt, Map<String, String> headers, String apiFlavor,
                     String apiKeyEnv, Long maxTotalTokens, int maxRetries, RecipePin recipe) {
        this(suiteId, suiteOptions, suiteOptionValues, baseUrl, model, lane, k, limit, concurrency, seed, root, template,
                systemPrompt, headers, apiFlavor, apiKeyEnv, maxTotalTokens, maxRetries, recipe, true);
    }

    /** The same run without the endpoint fingerprint. */
    public AuditSpec withoutFingerprint() {
        return new AuditSpec(suiteId, suiteOptions, suiteOptionValues, baseUrl, model, lane, k, limit, concurrency, seed, root,
                template, systemPrompt, headers, apiFlavor, apiKeyEnv, maxTotalTokens, maxRetries, recipe, false);
    }

    /** A run without a recipe. */
    public AuditSpec(String suiteId, Object suiteOptions, Map<String, String> suiteOptionValues, String baseUrl,
                     String model, Lane lane, int k, Integer limit, int concurrency, long seed, Path root,
                     ObjectNode template, String systemPrompt, Map<String, String> headers, String apiFlavor,
                     String apiKeyEnv, Long maxTotalTokens, int maxRetries) {
        this(suiteId, suiteOptions, suiteOptionValues, baseUrl, model, lane, k, limit, concurrency, seed, root, template,
                systemPrompt, headers, apiFlavor, apiKeyEnv, maxTotalTokens, maxRetries, null);
    }

    public boolean simulated() {
        return SimOptions.isSim(baseUrl);
    }
}
