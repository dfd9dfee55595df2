package dev.claimcheck.core.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.testing.Prerequisite;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code ./jbang audit@. --help} through the real launcher, as a user would: bootstraps
 * jbang-cli from Maven Central when no jbang is installed (once per machine, ~10 s), installs
 * audit-core into the local repository when its sources changed, builds the script and runs it.
 * One launch per build. {@code ./test --skip-launcher} skips it where Maven Central is out of reach.
 */
class LauncherTest {
    static final long TIMEOUT_MINUTES = 10;

    @Test
    void auditHelpRunsThroughTheLauncher() throws Exception {
        Prerequisite.LAUNCHER.require(null);
        Repo repo = Repo.find();
        Path launcher = repo.root.resolve("jbang");
        assertThat(launcher).as("the launcher").isRegularFile().isExecutable();

        Path out = Files.createTempFile("claimcheck-launcher", ".out");
        Path err = Files.createTempFile("claimcheck-launcher", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "audit@.", "--help")
                    .directory(repo.root.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            long start = System.nanoTime();
            Process process = pb.start();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError("./jbang audit@. --help did not finish within " + TIMEOUT_MINUTES
                        + " minutes; stderr:\n" + read(err));
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            String stdout = read(out);
            String stderr = read(err);
            String context = String.format("./jbang audit@. --help (%d ms)%n--- stdout:%n%s%n--- stderr:%n%s", millis, stdout, stderr);
            assertThat(process.exitValue()).as("exit code of %s", context).isZero();
            assertThat(stdout).as(context).contains("Usage: audit").contains("--help");
            assertThat(stderr).as("the launcher must never download a JDK: %s", context).doesNotContain("Downloading JDK");
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String read(Path file) throws java.io.IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** docs/design/one-classpath.md: JBang's cache is keyed by coordinates only, so another local repository is refused. */
    @Test
    void aJbangRepoIsRefusedBeforeAnythingRuns() throws Exception {
        Repo repo = Repo.find();
        ProcessBuilder pb = new ProcessBuilder(repo.root.resolve("jbang").toString(), "audit@.", "--help")
                .directory(repo.root.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put("JBANG_REPO", "/tmp/elsewhere-m2");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isEqualTo(1);
        assertThat(out).contains("JBANG_REPO is not supported").contains("keyed by coordinates only")
                .doesNotContain("installing audit-core");
    }
}
