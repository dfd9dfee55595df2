package dev.claimcheck.core.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.endpoint.ClientConfig;
import dev.claimcheck.core.model.Estimate;
import dev.claimcheck.core.toolcheck.EndpointReport;
import dev.claimcheck.core.toolcheck.ToolCheck;
import dev.claimcheck.core.toolcheck.ToolCheckReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code toolcheck --base-url A --base-url B … --model M}: the same tool-calling requests to every endpoint, each
 * reported against the first (docs/toolcheck.md). An endpoint that answers with neither content nor tool calls is
 * flagged, and the exit code is then 1.
 */
@Command(name = "toolcheck", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Provider tool-call verification: the same tool-calling requests to N endpoints serving one model;",
            "per endpoint the rate of schema-valid tool calls, finish reasons, agreement with the first (reference)",
            "endpoint, tokens and latency. An endpoint whose parser drops tool calls is flagged."},
        footer = {"", "Example:",
            "  ./jbang toolcheck@. --base-url http://a:8000/v1 --base-url http://b:8000/v1 --model inclusionai/Ling-2.5-1T",
            "  ./jbang toolcheck@. --base-url sim --base-url sim:dropToolCalls=true",
            "Exit codes: 0 done, none flagged; 1 an endpoint flagged; 2 bad usage."})
public final class ToolCheckCommand implements Callable<Integer> {
    @Option(names = "--base-url", required = true, paramLabel = "URL|sim[:k=v,...]",
            description = "An endpoint (repeat, at least two); the first is the reference. 'sim' is the built-in simulator.")
    List<String> baseUrls;

    @Option(names = "--model", paramLabel = "ID", description = "Model id sent to every endpoint (default 'sim' with the simulator).")
    String model;

    @Option(names = "--repeats", defaultValue = "1", paramLabel = "N", description = "Times each probe is sent to each endpoint (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--max-tokens", defaultValue = "512", paramLabel = "N", description = "max_tokens of every request (default: ${DEFAULT-VALUE}); temperature is 0.")
    int maxTokens;

    @Option(names = "--header", paramLabel = "K:V", description = "Extra HTTP header for the real endpoints (repeatable).")
    List<String> header = List.of();

    @Option(names = "--api-key-env", defaultValue = "OPENAI_API_KEY", paramLabel = "VAR",
            description = "Environment variable holding the API key (default: ${DEFAULT-VALUE}); the key is never written.")
    String apiKeyEnv;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "N", description = "Seed of the simulator (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--max-retries", defaultValue = "2", paramLabel = "N", description = "Retries per request (default: ${DEFAULT-VALUE}).")
    int maxRetries;

    @Option(names = "--out", paramLabel = "FILE.json", description = "Also write the report as JSON.")
    Path outFile;

    private final PrintStream out;

    public ToolCheckCommand() {
        this(System.out);
    }

    public ToolCheckCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        if (maxTokens < 1) {
            throw new BadInputException("--max-tokens must be positive, got " + maxTokens);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h : header) {
            var e = ClientConfig.parseHeader(h);
            headers.put(e.getKey(), e.getValue());
        }
        ToolCheckReport report = ToolCheck.run(new ToolCheck.Spec(baseUrls, model, repeats, seed, ToolCheck.defaultBody(maxTokens),
                apiKeyEnv, System.getenv(apiKeyEnv), headers, maxRetries));
        print(out, report);
        if (outFile != null) {
            try {
                Files.writeString(outFile, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report) + "\n");
            } catch (IOException e) {
                throw new BadInputException("--out " + outFile + ": cannot be written (" + e.getMessage() + ")", e);
            }
            out.println("wrote " + outFile);
        }
        return report.anyFlagged() ? Cli.FAILED : Cli.OK;
    }

    static void print(PrintStream out, ToolCheckReport r) {
        out.printf(Locale.ROOT, "%stoolcheck · model %s · %d probes × %d · reference %s%n", r.simulated() ? "[SIMULATED] " : "",
                r.model() == null ? "sim" : r.model(), r.probes(), r.repeats(), r.endpoints().get(0).endpoint());
        out.printf(Locale.ROOT, "  %-28s %6s %6s %-20s %-20s %-20s %-20s %9s %9s  %s%n", "endpoint", "ok", "empty",
                "schema-valid", "called when due", "same decision", "same arguments", "tok in/out", "p50 ms", "finish reasons");
        for (EndpointReport e : r.endpoints()) {
            out.printf(Locale.ROOT, "  %-28s %6s %6d %-20s %-20s %-20s %-20s %9s %9s  %s%n", clip(e.endpoint()),
                    (e.requests() - e.errors()) + "/" + e.requests(), e.emptyReplies(), pct(e.schemaValid()), pct(e.callWhenExpected()),
                    pct(e.sameDecision()), pct(e.sameArguments()),
                    String.format(Locale.ROOT, "%.0f/%.0f", e.meanPromptTokens(), e.meanCompletionTokens()),
                    e.latencyP50Ms() == null ? "—" : String.format(Locale.ROOT, "%.0f", e.latencyP50Ms()), e.finishReasons());
        }
        for (EndpointReport e : r.endpoints()) {
            if (e.flagged()) {
                out.println("FLAGGED " + e.endpoint() + ": " + e.flag());
            }
        }
    }

    private static String pct(Estimate e) {
        if (e == null) {
            return "—";
        }
        String v = String.format(Locale.ROOT, "%.0f%%", 100 * e.value());
        return e.ci95Low() == null ? v : v + String.format(Locale.ROOT, " [%.0f, %.0f]", 100 * e.ci95Low(), 100 * e.ci95High());
    }

    private static String clip(String s) {
        return s.length() > 28 ? s.substring(0, 27) + "…" : s;
    }
}
