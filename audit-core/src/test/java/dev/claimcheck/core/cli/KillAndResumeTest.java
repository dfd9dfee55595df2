package dev.claimcheck.core.cli;

import static dev.claimcheck.core.cli.AuditRunner.audit;
import static dev.claimcheck.core.cli.AuditRunner.journalLines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.model.RunStatus;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.store.RunManifestStore;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run killed with SIGKILL mid-way resumes to exactly the result of an uninterrupted run. */
class KillAndResumeTest {
    @TempDir
    Path root;

    @Test
    void aKilledRunResumesToTheSameMetricsAsAnUninterruptedOne() throws Exception {
        String[] args = {"arith", "--base-url", "sim:ttftMs=50,faults=0.1", "--k", "4", "--concurrency", "4",
            "--seed", "11", "--root", root.resolve("killed").toString()};
        Process p = new ProcessBuilder(command(AuditMain.class, args)).redirectErrorStream(true)
                .redirectOutput(root.resolve("child.log").toFile()).start();
        Path runDir = awaitRunDir(root.resolve("killed"), "results/runs/sim/arith/arith");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (journalLines(runDir) < 60 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(p.isAlive()).as("the child must still be running when killed").isTrue();
        p.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no final run.json
        p.waitFor(30, TimeUnit.SECONDS);
        assertThat(RunManifestStore.read(new RunFolder(runDir)).status()).isEqualTo(RunStatus.RUNNING);
        assertThat(journalLines(runDir)).isLessThan(200);

        var resumed = audit("--resume", runDir.toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();

        var straight = audit("arith", "--base-url", "sim:ttftMs=50,faults=0.1", "--k", "4", "--concurrency", "4",
                "--seed", "11", "--root", root.resolve("straight").toString());
        List<Sample> samples = Journal.readAll(new RunFolder(runDir));
        assertThat(samples).hasSize(200);
        assertThat(samples.stream().map(Sample::key).distinct().count()).isEqualTo(200);
        var m = RunManifestStore.read(new RunFolder(runDir));
        assertThat(m.status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(m.metrics()).isEqualTo(straight.manifest().metrics());
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A child JVM running {@code main} on the test classpath. */
    static List<String> command(Class<?> main, String[] args) {
        List<String> cmd = new java.util.ArrayList<>(List.of(javaBin(), "-cp", System.getProperty("java.class.path"),
                main.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** The child's run folder under {@code root}/{@code runs}, once its journal exists. */
    static Path awaitRunDir(Path root, String runs) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Path parent = root.resolve(runs);
            if (Files.isDirectory(parent)) {
                try (Stream<Path> s = Files.list(parent)) {
                    var dir = s.findFirst();
                    if (dir.isPresent() && Files.exists(dir.get().resolve("samples.jsonl"))) {
                        return dir.get();
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the child never created its run folder; see child.log in " + root + File.separator);
    }
}
