package dev.claimcheck.core.cli;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.ClaimcheckException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The one place that maps failures to exit codes (docs/architecture.md, Command line): 0 done, 1 could not do its
 * job, 2 bad usage or bad input. Errors are one line on stderr.
 */
public final class Cli {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    static {
        LibraryLogging.quiet();
    }

    private Cli() {
    }

    /** Runs a picocli command and returns its exit code; never calls System.exit. */
    public static int execute(Object command, String... args) {
        return execute(command, new PrintWriter(System.err, true), args);
    }

    /** As {@link #execute(Object, String...)}, with usage errors and failures printed to {@code err}. */
    public static int execute(Object command, PrintWriter err, String... args) {
        boolean verbose = LibraryLogging.requested(args);
        if (verbose) {
            LibraryLogging.verbose();
        }
        return commandLine(command, err, verbose).execute(args);
    }

    static CommandLine commandLine(Object command, PrintWriter err) {
        return commandLine(command, err, false);
    }

    static CommandLine commandLine(Object command, PrintWriter err, boolean verbose) {
        CommandLine cl = new CommandLine(command);
        if (command instanceof SubcommandProvider provider) {
            provider.addSubcommands(cl);
        }
        // -v/--verbose on every command and subcommand; read before parsing (LibraryLogging), declared here for --help.
        cl.getCommandSpec().addOption(CommandLine.Model.OptionSpec.builder("-v", "--verbose")
                .description("Show JGit's and sshd's log and the full cause of a failure on stderr.")
                .scopeType(CommandLine.ScopeType.INHERIT).build());
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(Cli::exitCodeOf);
        cl.setExecutionExceptionHandler((ex, line, parseResult) -> {
            line.getErr().println(line.getCommandSpec().qualifiedName() + ": " + oneLine(ex));
            if (verbose) {
                ex.printStackTrace(line.getErr()); // the cause chain, with -v only: without it errors stay one line
            }
            return exitCodeOf(ex);
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine line = ex.getCommandLine();
            if (ex.getCause() instanceof BadInputException bad && ex.getArgSpec() instanceof CommandLine.Model.OptionSpec option) {
                // A typed option's converter refused the value: the same one line as any bad input, after the option's name.
                line.getErr().println(line.getCommandSpec().qualifiedName() + ": " + option.longestName() + ": " + oneLine(bad));
                return BAD_INPUT;
            }
            line.getErr().println(line.getCommandSpec().qualifiedName() + ": " + oneLine(ex));
            line.getErr().println("Try '" + line.getCommandSpec().qualifiedName() + " --help' for usage.");
            return BAD_INPUT;
        });
        return cl;
    }

    static int exitCodeOf(Throwable t) {
        if (t instanceof ClaimcheckException ce) {
            return ce.exitCode();
        }
        if (t instanceof CommandLine.ParameterException) {
            return BAD_INPUT;
        }
        return FAILED;
    }

    private static String oneLine(Throwable t) {
        String message = t.getMessage();
        if (message == null || message.isBlank() || !(t instanceof ClaimcheckException || t instanceof CommandLine.ParameterException)) {
            message = t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        }
        return message.replace('\n', ' ').strip();
    }
}
