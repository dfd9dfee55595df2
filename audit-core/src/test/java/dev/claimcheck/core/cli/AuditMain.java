package dev.claimcheck.core.cli;

/** The audit command as a process of its own, for tests that kill it. */
public final class AuditMain {
    private AuditMain() {
    }

    public static void main(String[] args) {
        System.exit(Cli.execute(new AuditCommand(), args));
    }
}
