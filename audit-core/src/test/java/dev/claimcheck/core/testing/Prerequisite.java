package dev.claimcheck.core.testing;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A program the tests need from the machine. A test that cannot find it <em>fails</em> with the install line;
 * it is skipped only when the user asked for that on purpose: {@code ./test --skip-sandbox} exports
 * {@code CLAIMCHECK_SKIP=sandbox} (a comma-separated list) to the test JVMs, and {@code ./test} counts the skips
 * in its closing line. A skipped group is skipped even where its programs exist, so the flag means the same on
 * every machine. {@link #GIT} and {@link #SSH_KEYGEN} have no flag: signing is the project's core.
 * quarkus-site's {@code Chromium} reads the same variable for {@code browser}.
 */
public enum Prerequisite {
    SANDBOX("sandbox", "apt-get install -y bubblewrap python3"),
    /** The machine's pytest for /usr/bin/python3, which SWE-bench's fixture evaluation runs in the sandbox. */
    PYTEST("sandbox", "apt-get install -y python3-pytest"),
    GIT(null, "apt-get install -y git"),
    SSH_KEYGEN(null, "apt-get install -y openssh-client"),
    /** The simulator's documented curl examples run with real curl. */
    CURL(null, "apt-get install -y curl"),
    /** {@code ./jbang} on a cold cache needs Maven Central; nothing to install. */
    LAUNCHER("launcher", "network access to Maven Central");

    /** The environment variable {@code ./test} sets from its {@code --skip-NAME} flags. */
    public static final String SKIP_ENV = "CLAIMCHECK_SKIP";

    private final String flag;
    private final String remedy;

    Prerequisite(String flag, String remedy) {
        this.flag = flag;
        this.remedy = remedy;
    }

    /** Fails (or, when skipped on request, aborts) the calling test when {@code unavailable} is non-null. */
    public void require(String unavailable) {
        require(unavailable, System.getenv());
    }

    /** As {@link #require(String)}, with the environment given (for tests of this decision). */
    void require(String unavailable, Map<String, String> env) {
        if (skipped(env)) {
            Assumptions.abort(SKIP_ENV + " names " + flag + " (./test --skip-" + flag + "): skipped on request"
                    + (unavailable == null ? "" : "; " + unavailable));
        }
        if (unavailable != null) {
            Assertions.fail(unavailable + ". Needs: " + remedy + " (./test installs it when it can)"
                    + (flag == null ? "" : ", or skip these tests on purpose: ./test --skip-" + flag));
        }
    }

    /** Requires {@code path} to be an executable file. */
    public void requireExecutable(java.nio.file.Path path) {
        require(java.nio.file.Files.isExecutable(path) ? null : path + " not found");
    }

    boolean skipped(Map<String, String> env) {
        if (flag == null) {
            return false;
        }
        Set<String> names = Arrays.stream(env.getOrDefault(SKIP_ENV, "").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        return names.contains(flag);
    }
}
