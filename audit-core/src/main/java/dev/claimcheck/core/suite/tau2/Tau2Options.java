package dev.claimcheck.core.suite.tau2;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.suite.DatasetPaths;
import dev.claimcheck.core.suite.SuiteContext;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Options of {@code audit tau2}, and the inputs one run read from them (a fresh object is made for every run). Only
 * the import of a results file is built; a native run refuses with the reason (docs/workloads/tau2.md).
 */
public final class Tau2Options {
    @Option(names = "--data", paramLabel = "DIR", required = true,
            description = "τ²-bench's data as sierra-research/tau2-bench ships it: data/tau2 (holding domains/<domain>/tasks.json, "
                    + "policy.md, db.json|db.toml), or the domain's folder itself.")
    Path data;

    @Option(names = "--domain", paramLabel = "NAME", required = true,
            description = "The domain: airline, retail, telecom (or another folder under domains/).")
    String domain;

    @Option(names = "--import-results", paramLabel = "FILE",
            description = "Re-score a τ²-bench results file (simulations with their messages and reward_info) instead of running "
                    + "the agent: each trial becomes one attempt; use --k with the file's number of trials.")
    Path importResults;

    /** The --model of this invocation, when one was given (compared with the results file's agent). */
    String modelUnderTest;

    private Tau2Inputs inputs;

    /** The run's inputs, read on first use. */
    synchronized Tau2Inputs inputs(SuiteContext context) {
        if (inputs == null) {
            Path dataPath = DatasetPaths.resolve(data, "--data DIR is required for suite tau2", context);
            Tau2Domain d = Tau2Domain.load(dataPath, domain);
            if (importResults == null) {
                throw new BadInputException("audit tau2 runs only --import-results FILE for now: the native run (the domain's "
                        + "tools over its database, with a user simulator) is not built yet");
            }
            Path resultsPath = DatasetPaths.resolve(importResults, "--import-results FILE", context);
            inputs = new Tau2Inputs(d, Tau2Results.read(resultsPath, d), dataPath, resultsPath);
        }
        return inputs;
    }

    /** Everything a τ² run reads, from one read. */
    record Tau2Inputs(Tau2Domain domain, Tau2Results results, Path dataPath, Path resultsPath) {
    }
}
