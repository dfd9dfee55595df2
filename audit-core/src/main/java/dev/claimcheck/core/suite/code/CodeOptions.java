package dev.claimcheck.core.suite.code;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options of {@code audit code}. */
public final class CodeOptions {
    @Option(names = "--dataset", paramLabel = "FILE", required = true,
            description = "Problems in the LiveCodeBench code-generation release format (JSON Lines).")
    Path dataset;

    @Option(names = "--after", paramLabel = "DATE",
            description = "Keep problems whose contest_date is on or after DATE (YYYY-MM-DD), against contamination.")
    String after;

    @Option(names = "--before", paramLabel = "DATE",
            description = "Keep problems whose contest_date is before DATE (YYYY-MM-DD).")
    String before;

    @Option(names = "--redistributable",
            description = "The problem statements may be redistributed: store prompt text in samples (default: only its hash).")
    boolean redistributable;

    public Path dataset() {
        return dataset;
    }

    public String after() {
        return after;
    }

    public String before() {
        return before;
    }

    public boolean redistributable() {
        return redistributable;
    }
}
