package dev.claimcheck.core.suite.gaia2;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options of {@code audit gaia2}. */
public final class Gaia2Options {
    @Option(names = "--dataset", paramLabel = "FILE", required = true,
            description = "The Gaia2 search split as published: search/validation-*.parquet of meta-agents-research-environments/gaia2.")
    Path dataset;

    @Option(names = "--tool-server", paramLabel = "URL",
            description = "Required: the live tool server the agent searches through (GET /tools, POST /call; docs/workloads/gaia2.md).")
    String toolServer;

    @Option(names = "--max-steps", paramLabel = "N", defaultValue = "30",
            description = "Model turns per episode (default: ${DEFAULT-VALUE}).")
    int maxSteps;

    @Option(names = "--max-episode-tokens", paramLabel = "N", defaultValue = "262144",
            description = "Prompt + completion tokens per episode, summed over turns (default: ${DEFAULT-VALUE}).")
    long maxEpisodeTokens;

    @Option(names = "--tool-timeout-s", paramLabel = "S", defaultValue = "30",
            description = "Seconds one tool server request may take before it counts as a tool error (default: ${DEFAULT-VALUE}).")
    int toolTimeoutSeconds;
}
