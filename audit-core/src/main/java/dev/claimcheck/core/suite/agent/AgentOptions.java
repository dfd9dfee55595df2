package dev.claimcheck.core.suite.agent;

import picocli.CommandLine.Option;

/** Options of {@code audit agent}. */
public final class AgentOptions {
    @Option(names = "--faults", paramLabel = "all|none|LIST", defaultValue = "all",
            description = "Faults to inject: all, none, or a list of toolError,staleFile,ambiguity,checkpoint "
                    + "(default: ${DEFAULT-VALUE}). Each task gets one of the enabled faults it supports.")
    String faults = "all";

    @Option(names = "--max-steps", paramLabel = "N", defaultValue = "30",
            description = "Model turns per episode before it is stopped and counted as a budget stop (default: ${DEFAULT-VALUE}).")
    int maxSteps = 30;

    @Option(names = "--max-episode-tokens", paramLabel = "N", defaultValue = "262144",
            description = "Prompt + completion tokens per episode before it is stopped (default: ${DEFAULT-VALUE}).")
    long maxEpisodeTokens = 262_144;

    public String faults() {
        return faults;
    }

    public int maxSteps() {
        return maxSteps;
    }

    public long maxEpisodeTokens() {
        return maxEpisodeTokens;
    }
}
