package dev.claimcheck.core.cli;

/** {@code sign} as a main class on the test classpath, for tests that need a fresh JVM (SLF4J binds once per process). */
public final class SignMain {
    private SignMain() {
    }

    public static void main(String... args) {
        System.exit(Cli.execute(new SignCommand(), args));
    }
}
