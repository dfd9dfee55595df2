package dev.claimcheck.core.suite.swebench;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Options of {@code audit swebench}. */
public final class SwebenchOptions {
    @Option(names = "--dataset", paramLabel = "FILE", required = true,
            description = "The SWE-bench Verified parquet as published (data/test-00000-of-00001.parquet).")
    Path dataset;

    @Option(names = "--repos", paramLabel = "DIR",
            description = "Your git clones, one per repository, as DIR/<owner>__<name> or DIR/<name> (never modified: "
                    + "each episode works on a copy of base_commit).")
    Path repos;

    @Option(names = "--instances", paramLabel = "LIST", split = ",",
            description = "Only these instance ids (default: every instance of the dataset).")
    List<String> instances;

    @Option(names = "--max-steps", paramLabel = "N", defaultValue = "250",
            description = "Model turns per episode before it is stopped and counted (mini-swe-agent's default: ${DEFAULT-VALUE}).")
    int maxSteps = 250;

    @Option(names = "--max-episode-tokens", paramLabel = "N", defaultValue = "2000000",
            description = "Prompt + completion tokens per episode before it is stopped and counted (default: ${DEFAULT-VALUE}).")
    long maxEpisodeTokens = 2_000_000;

    @Option(names = "--command-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Wall and CPU time of one bash command (default: ${DEFAULT-VALUE}).")
    int commandTimeoutS = 60;

    @Option(names = "--max-output-chars", paramLabel = "N", defaultValue = "10000",
            description = "Characters of a command's output the model sees; longer output keeps its head and tail "
                    + "with a marker between (default: ${DEFAULT-VALUE}).")
    int maxOutputChars = 10_000;

    /**
     * Set only in the run.json of an imported submission ({@code swebench import --root}): the submission folder's
     * name. Such a run's tasks are the instances whose log style is parsed here, and nothing is sent.
     */
    @Option(names = "--import-submission", paramLabel = "NAME", hidden = true,
            description = "Recorded by swebench import --root; not an audit option.")
    String importSubmission;
}
