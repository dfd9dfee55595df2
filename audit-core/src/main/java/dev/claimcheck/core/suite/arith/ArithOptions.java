package dev.claimcheck.core.suite.arith;

import picocli.CommandLine.Option;

/** Options of {@code audit arith}. */
public final class ArithOptions {
    @Option(names = "--problems", paramLabel = "N", defaultValue = "50",
            description = "Number of generated problems (default: ${DEFAULT-VALUE}).")
    int problems = 50;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "4",
            description = "Operations per problem, 1 to 12 (default: ${DEFAULT-VALUE}).")
    int steps = 4;

    public int problems() {
        return problems;
    }

    public int steps() {
        return steps;
    }
}
