package dev.claimcheck.site.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's chromium and chromedriver, which the browser tests drive (never a Selenium Manager download). Missing, they
 * fail the test with the install line; {@code ./test --skip-browser} (it exports {@code CLAIMCHECK_SKIP=browser}, the
 * variable audit-core's {@code Prerequisite} reads for its own groups) skips the browser tests on purpose.
 */
public final class Chromium {
    public static final Path BINARY = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {
    }

    /** Call first in every browser test. */
    public static void require() {
        boolean skipped = Arrays.stream(System.getenv().getOrDefault("CLAIMCHECK_SKIP", "").split(","))
                .map(String::trim).anyMatch("browser"::equals);
        if (skipped) {
            Assumptions.abort("CLAIMCHECK_SKIP names browser (./test --skip-browser): skipped on request");
        }
        for (Path p : new Path[] {BINARY, DRIVER}) {
            if (!Files.isExecutable(p)) {
                Assertions.fail(p + " not found. Needs: apt-get install -y chromium chromium-driver (./test installs them"
                        + " when it can), or skip the browser tests on purpose: ./test --skip-browser");
            }
        }
    }
}
