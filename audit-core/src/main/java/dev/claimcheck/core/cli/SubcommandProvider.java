package dev.claimcheck.core.cli;

import picocli.CommandLine;

/** A command whose subcommands come from a registry (suites, graders) rather than annotations. */
public interface SubcommandProvider {
    void addSubcommands(CommandLine commandLine);
}
