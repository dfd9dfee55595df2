package dev.claimcheck.site.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

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

    /** A headless Chromium with a throw-away profile, driven through chromedriver; closing quits it and deletes the profile. */
    public record Session(ChromeDriver driver, Path profile) implements AutoCloseable {
        @Override
        public void close() {
            driver.quit();
            try (Stream<Path> s = Files.walk(profile)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * {@link #require()}, then a browser at {@code width}×{@code height} with the flags every browser test uses
     * (../shared/TOOLCHAIN.md: headless, no sandbox as root, no background traffic, file pages may read files), and
     * any {@code extra} flags (e.g. {@code --blink-settings=scriptEnabled=false}).
     */
    public static Session start(int width, int height, String... extra) throws IOException {
        require();
        Path profile = Files.createTempDirectory("claimcheck-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--allow-file-access-from-files", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        options.addArguments(extra);
        ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build(), options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Session(driver, profile);
    }
}
