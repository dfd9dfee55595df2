package dev.claimcheck.core.cli;

import dev.claimcheck.core.RunFailedException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * Placeholder so the JBang entry point and the launcher build can be wired and tested; the real
 * `grade` command replaces this class.
 */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = "Placeholder for the grade command (ARCHITECTURE.md §3).")
public class GradeCommand implements Callable<Integer> {
    public GradeCommand() {
    }

    @Override
    public Integer call() {
        throw new RunFailedException("not implemented yet");
    }
}
