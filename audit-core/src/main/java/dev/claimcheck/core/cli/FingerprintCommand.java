package dev.claimcheck.core.cli;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.endpoint.RetryPolicy;
import dev.claimcheck.core.fingerprint.Fingerprinter;
import dev.claimcheck.core.fingerprint.ProbePlan;
import dev.claimcheck.core.model.Fingerprint;
import dev.claimcheck.core.model.Lane;
import dev.claimcheck.core.run.Endpoints;
import dev.claimcheck.core.sim.SimOptions;
import dev.claimcheck.core.store.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fingerprint --base-url A [--base-url B …]}: each endpoint's fingerprint (docs/fingerprint.md), side by side,
 * and how the others differ from the first — the provider check of one model served in several places.
 */
@Command(name = "fingerprint", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Fingerprint OpenAI-compatible endpoints: served models and context, engine and precision where",
            "reported, the tokenizer family (usage.prompt_tokens of fixed probes), what the chat template does, and",
            "temperature-0 canary hashes. One endpoint prints its fingerprint; several are compared with the first."},
        footer = {"", "Examples:",
            "  ./jbang fingerprint@. --base-url http://localhost:8000/v1 --model inclusionAI/Ring-2.5-1T",
            "  ./jbang fingerprint@. --base-url http://a/v1 --base-url https://b/v1 --model m --json fingerprints.json",
            "  ./jbang fingerprint@. --base-url sim --base-url sim:template=chatml --dry-run",
            "Exit codes: 0 done (differences are output, not failures), 2 bad usage."})
public final class FingerprintCommand implements Callable<Integer> {
    @Option(names = "--base-url", required = true, paramLabel = "URL|sim[:k=v,...]",
            description = "An endpoint to fingerprint (repeatable): an OpenAI-compatible base URL, or 'sim[:k=v,...]'.")
    List<String> baseUrls = new ArrayList<>();

    @Option(names = "--model", paramLabel = "ID", description = "Model id sent in the probes: once for every endpoint, or "
            + "once per --base-url in the same order (default 'sim' with the simulator).")
    List<String> models = new ArrayList<>();

    @Option(names = "--header", paramLabel = "K:V", description = "Extra HTTP header for every endpoint (repeatable).")
    List<String> header = List.of();

    @Option(names = "--api-key-env", defaultValue = "OPENAI_API_KEY", paramLabel = "VAR",
            description = "Environment variable holding the API key for every real endpoint (default: ${DEFAULT-VALUE}).")
    String apiKeyEnv;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the fingerprints as JSON.")
    Path json;

    @Option(names = "--dry-run", description = "Print the probes' cost per endpoint and in all; send nothing.")
    boolean dryRun;

    private final PrintStream out;
    private final Map<String, String> environment;

    public FingerprintCommand() {
        this(System.out, System.getenv());
    }

    public FingerprintCommand(PrintStream out, Map<String, String> environment) {
        this.out = out;
        this.environment = Map.copyOf(environment);
    }

    /** One endpoint as given and its fingerprint. */
    record Measured(String baseUrl, String model, Fingerprint fingerprint) {
    }

    @Override
    public Integer call() {
        List<String> ids = modelIds();
        ProbePlan.Budget budget = ProbePlan.budget();
        if (dryRun) {
            out.println("dry run: fingerprint of " + baseUrls.size() + " endpoint" + (baseUrls.size() == 1 ? "" : "s")
                    + " (nothing sent)");
            out.println("  per endpoint    " + budget.line());
            out.println("  in all          " + budget.requests() * baseUrls.size() + " requests, at most "
                    + (long) budget.maxCompletionTokens() * baseUrls.size() + " completion tokens");
            for (int i = 0; i < baseUrls.size(); i++) {
                out.println("  endpoint " + FingerprintTable.letter(i) + "      " + baseUrls.get(i) + " (model " + ids.get(i) + ")");
            }
            return Cli.OK;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h : header) {
            var entry = dev.claimcheck.core.endpoint.ClientConfig.parseHeader(h);
            headers.put(entry.getKey(), entry.getValue());
        }
        List<Measured> measured = new ArrayList<>();
        for (int i = 0; i < baseUrls.size(); i++) {
            String url = baseUrls.get(i);
            String apiKey = SimOptions.isSim(url) ? null : environment.get(apiKeyEnv);
            try (Endpoints.Opened opened = Endpoints.open(url, Lane.INSTANT, 0, "openai", apiKeyEnv, apiKey, headers,
                    RetryPolicy.DEFAULT_MAX_RETRIES)) {
                measured.add(new Measured(url, ids.get(i),
                        Fingerprinter.take(opened.endpoint(), opened.endpoint().describe(), ids.get(i), Clock.systemUTC())));
            }
        }
        FingerprintTable.print(out, measured);
        if (json != null) {
            write(measured);
        }
        return Cli.OK;
    }

    private List<String> modelIds() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < baseUrls.size(); i++) {
            String url = baseUrls.get(i);
            String id = models.size() == 1 ? models.get(0) : models.size() == baseUrls.size() ? models.get(i) : null;
            if (models.size() > 1 && models.size() != baseUrls.size()) {
                throw new BadInputException("--model is given " + models.size() + " times for " + baseUrls.size()
                        + " --base-url: give it once, or once per --base-url");
            }
            if (id == null && !SimOptions.isSim(url)) {
                throw new BadInputException("--model is required for a real endpoint (" + url + ")");
            }
            ids.add(id == null ? "sim" : id);
            if (SimOptions.isSim(url)) {
                SimOptions.parse(url, Lane.INSTANT, 0); // a bad sim: spec is bad usage before anything starts
            }
        }
        return ids;
    }

    private void write(List<Measured> measured) {
        try {
            Path parent = json.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(json, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(measured) + "\n");
        } catch (IOException e) {
            throw new BadInputException("cannot write " + json + ": " + e.getMessage());
        }
    }
}
