package dev.claimcheck.core.cli;

import dev.claimcheck.core.RunFailedException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * Placeholder so the JBang entry point and the launcher build can be wired and tested; the real
 * `audit` command replaces this class.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Placeholder for the audit command (ARCHITECTURE.md §3).")
public class AuditCommand implements Callable<Integer> {
    public AuditCommand() {
    }

    @Override
    public Integer call() {
        throw new RunFailedException("not implemented yet");
    }
}
