package dev.claimcheck.core.cli;

/** {@code verify} as a main class on the test classpath, for tests that run shell scripts calling the verifier. */
public final class VerifyMain {
    private VerifyMain() {
    }

    public static void main(String... args) {
        System.exit(Cli.execute(new VerifyCommand(), args));
    }
}
