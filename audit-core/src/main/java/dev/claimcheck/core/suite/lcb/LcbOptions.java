package dev.claimcheck.core.suite.lcb;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options of {@code audit lcb}. */
public final class LcbOptions {
    @Option(names = "--dataset", paramLabel = "DIR|FILE", required = true,
            description = "A livecodebench/code_generation_lite snapshot directory (test.jsonl … test6.jsonl), or one of its files.")
    Path dataset;

    @Option(names = "--release", paramLabel = "NAME", defaultValue = "release_v6",
            description = "With a directory: release_v1 … release_v6 (every problem up to it), release_latest, or v1 … v6 "
                    + "(the problems that release added). Default: ${DEFAULT-VALUE}.")
    String release;

    @Option(names = "--after", paramLabel = "DATE",
            description = "Keep problems whose contest_date is on or after DATE (YYYY-MM-DD): a model's release date gives a contamination-free row.")
    String after;

    @Option(names = "--before", paramLabel = "DATE",
            description = "Keep problems whose contest_date is before DATE (YYYY-MM-DD).")
    String before;

    public Path dataset() {
        return dataset;
    }

    public String release() {
        return release;
    }

    public String after() {
        return after;
    }

    public String before() {
        return before;
    }
}
