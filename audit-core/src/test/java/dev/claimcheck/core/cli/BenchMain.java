package dev.claimcheck.core.cli;

/** The bench command as a process of its own (the JBang script's main), for running it from the test classpath. */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) {
        System.exit(Cli.execute(new BenchCommand(), args));
    }
}
