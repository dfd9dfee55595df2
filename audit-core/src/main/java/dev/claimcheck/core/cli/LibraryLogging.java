package dev.claimcheck.core.cli;

import java.util.List;

/**
 * JGit and Apache MINA sshd log through SLF4J. By default the no-op provider is chosen, so their warnings never break
 * "errors are one clear line" (docs/architecture.md §3.1); {@code -v/--verbose} chooses slf4j-simple instead, debug level
 * for JGit and sshd, on stderr, so a failed {@code --commit} or key load shows its cause. The choice is made before
 * the first logger exists (SLF4J binds once per process); a provider the user selected with {@code -Dslf4j.provider}
 * is left alone.
 */
final class LibraryLogging {
    static final String NOP = "org.slf4j.helpers.NOP_FallbackServiceProvider";
    static final String SIMPLE = "org.slf4j.simple.SimpleServiceProvider";
    static final List<String> FLAGS = List.of("-v", "--verbose");

    private LibraryLogging() {
    }

    /** Quiet unless the user chose a provider. */
    static void quiet() {
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", NOP);
            if (System.getProperty("slf4j.internal.verbosity") == null) {
                System.setProperty("slf4j.internal.verbosity", "WARN");
            }
        }
    }

    /** Whether the command line asks for -v/--verbose (before a lone {@code --}, which ends the options). */
    static boolean requested(String... args) {
        for (String a : args) {
            if (a.equals("--")) {
                return false;
            }
            if (FLAGS.contains(a)) {
                return true;
            }
        }
        return false;
    }

    /** Selects slf4j-simple at debug level for JGit and sshd, on stderr, unless the user chose another provider. */
    static void verbose() {
        if (System.getProperty("slf4j.provider") == null || NOP.equals(System.getProperty("slf4j.provider"))) {
            System.setProperty("slf4j.provider", SIMPLE);
            System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
            System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jgit", "debug");
            System.setProperty("org.slf4j.simpleLogger.log.org.apache.sshd", "debug");
            System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        }
    }
}
