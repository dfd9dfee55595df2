package dev.claimcheck.core.cli;

import static dev.claimcheck.core.cli.AuditRunner.journalLines;
import static dev.claimcheck.core.cli.BenchCommandTest.bench;
import static dev.claimcheck.core.cli.BenchCommandTest.onlyRun;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.RunStatus;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.ThroughputPoint;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.stats.RunMetrics;
import dev.claimcheck.core.stats.ThroughputFigures;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.store.RunManifestStore;
import dev.claimcheck.core.store.SampleCodec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench --resume}: a killed or interrupted bench finishes from its journal, whole points kept, the rest rerun. */
class BenchResumeTest {
    static final String[] SWEEP = {"--base-url", "sim:tpotMs=1", "--concurrency", "2,4,8", "--input-tokens", "64",
        "--output-tokens", "8", "--requests", "20", "--seed", "5"};

    @TempDir
    Path root;

    @Test
    void aBenchInterruptedWhileAppendingPoint1KeepsPoint0AndRerunsPoint1AndPoint2FromScratch() throws Exception {
        Path run = straightRun();
        RunFolder folder = new RunFolder(run);
        List<Sample> all = Journal.readAll(folder);
        List<Sample> point0 = ofPoint(all, 0);
        // Interrupted while appending point 1: 5 of its records in, the 6th torn; run.json still running,
        // its checkpoint listing point 0 only.
        ByteArrayOutputStream journal = new ByteArrayOutputStream();
        for (Sample s : point0) {
            journal.write(SampleCodec.encode(s));
        }
        long cutAt = journal.size();
        for (Sample s : ofPoint(all, 1).subList(0, 5)) {
            journal.write(SampleCodec.encode(s));
        }
        long tornAt = journal.size();
        byte[] sixth = SampleCodec.encode(ofPoint(all, 1).get(5));
        journal.write(sixth, 0, sixth.length / 2);
        Files.write(folder.journalPart(0), journal.toByteArray());
        RunManifest complete = RunManifestStore.read(folder);
        RunManifestStore.write(folder, complete.withStatus(RunStatus.RUNNING, null, null, RunMetrics.of(point0, ThroughputFigures.INSTANCE)));

        var r = bench("--resume", run.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("point 1 (").contains("point 2 (").doesNotContain("point 0 (");
        RunManifest resumed = RunManifestStore.read(folder);
        assertThat(resumed.status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(resumed.simulated()).isTrue();
        assertThat(resumed.journalRepairs()).satisfiesExactly(
                torn -> assertThat(torn).extracting("file", "offset", "droppedBytes")
                        .containsExactly("samples.jsonl", tornAt, (long) sixth.length / 2),
                partial -> assertThat(partial).extracting("file", "offset", "droppedBytes")
                        .containsExactly("samples.jsonl", cutAt, tornAt - cutAt));
        List<Sample> after = Journal.readAll(folder);
        assertThat(after).hasSize(60);
        assertThat(after.stream().map(Sample::key).distinct().count()).isEqualTo(60);
        assertThat(lines(ofPoint(after, 0))).isEqualTo(lines(point0)); // kept, not rerun
        assertThat(ofPoint(after, 1).get(0).load().epochUs()).isNotEqualTo(ofPoint(all, 1).get(0).load().epochUs());
        assertThat(resumed.metrics()).isEqualTo(RunMetrics.of(after, ThroughputFigures.INSTANCE));
        assertThat(resumed.metrics().get(ThroughputFigures.POINTS)).extracting(ThroughputPoint::index, ThroughputPoint::requests, ThroughputPoint::completed)
                // 20 requests each, minus the default warm-up of the first wave (2, 4, 8 streams)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 18, 18), org.assertj.core.groups.Tuple.tuple(1, 16, 16),
                        org.assertj.core.groups.Tuple.tuple(2, 12, 12));
        assertThat(Files.readString(run.resolve("summary.csv"))).isNotBlank();
    }

    @Test
    void aResumedBenchSignsAndVerifies(@TempDir Path keys) throws Exception {
        dev.claimcheck.core.verify.Evidence.requireSshKeygen();
        Path run = straightRun();
        RunFolder folder = new RunFolder(run);
        List<Sample> all = Journal.readAll(folder);
        ByteArrayOutputStream journal = new ByteArrayOutputStream();
        for (Sample s : all.subList(0, 25)) { // point 0 and 5 records of point 1
            journal.write(SampleCodec.encode(s));
        }
        Files.write(folder.journalPart(0), journal.toByteArray());
        RunManifestStore.write(folder, RunManifestStore.read(folder).withStatus(RunStatus.RUNNING, null, null, null));
        assertThat(bench("--resume", run.toString()).exitCode()).isZero();

        Path key = dev.claimcheck.core.verify.Evidence.keygen(keys, "bench", "bench@example.org");
        Files.writeString(root.resolve("results/allowed_signers"),
                dev.claimcheck.core.verify.Evidence.signerLine("bench@example.org", "", key));
        assertThat(SignVerifyCommandTest.sign(run.toString(), "--key", key.toString()).exitCode()).isZero();
        SignVerifyCommandTest.Result ok = SignVerifyCommandTest.verify(run.toString());
        assertThat(ok.exitCode()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out()).contains("TRUSTED").contains("PASS regrade");
    }

    @Test
    void aWholeLastPointInTheCheckpointIsKeptAndOnlyTheMissingPointRuns() throws Exception {
        Path run = straightRun();
        RunFolder folder = new RunFolder(run);
        List<Sample> all = Journal.readAll(folder);
        List<Sample> firstTwo = all.stream().filter(s -> s.load().point().index() < 2).toList();
        ByteArrayOutputStream journal = new ByteArrayOutputStream();
        for (Sample s : firstTwo) {
            journal.write(SampleCodec.encode(s));
        }
        Files.write(folder.journalPart(0), journal.toByteArray());
        RunManifestStore.write(folder, RunManifestStore.read(folder)
                .withStatus(RunStatus.RUNNING, null, null, RunMetrics.of(firstTwo, ThroughputFigures.INSTANCE)));

        var r = bench("--resume", run.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("point 2 (").doesNotContain("point 1 (");
        assertThat(RunManifestStore.read(folder).journalRepairs()).isEmpty();
        List<Sample> after = Journal.readAll(folder);
        assertThat(lines(after.subList(0, 40))).isEqualTo(lines(firstTwo));
        assertThat(ofPoint(after, 2)).hasSize(20);
    }

    @Test
    void aShardResumesAsItself() throws Exception {
        var r0 = bench("--base-url", "sim:tpotMs=1", "--concurrency", "4,4", "--input-tokens", "64", "--output-tokens", "8",
                "--requests", "20", "--shard", "1/2", "--prompt-salt", "0123456789abcdef", "--root", root.toString());
        assertThat(r0.exitCode()).as(r0.err()).isZero();
        Path run = onlyRun(root);
        RunFolder folder = new RunFolder(run);
        List<Sample> all = Journal.readAll(folder);
        ByteArrayOutputStream journal = new ByteArrayOutputStream();
        for (Sample s : all.subList(0, 13)) { // point 0 (10 records) and 3 of point 1
            journal.write(SampleCodec.encode(s));
        }
        Files.write(folder.journalPart(0), journal.toByteArray());
        RunManifestStore.write(folder, RunManifestStore.read(folder).withStatus(RunStatus.RUNNING, null, null, null));

        var r = bench("--resume", run.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        List<Sample> after = Journal.readAll(folder);
        assertThat(after).hasSize(20).allSatisfy(s -> assertThat(s.load().shard()).isEqualTo("1/2"));
        assertThat(ofPoint(after, 1)).hasSize(10); // the shard's share, numbered local·n + i as before:
        assertThat(ofPoint(after, 1)).extracting(Sample::taskId).isEqualTo(ofPoint(all, 1).stream().map(Sample::taskId).toList());
        assertThat(RunManifestStore.read(folder).suite().options()).containsEntry("--shard", "1/2");
    }

    @Test
    void resumingACompleteRunChangesNothingAndExits0() throws Exception {
        Path run = straightRun();
        byte[] journal = Files.readAllBytes(run.resolve("samples.jsonl"));
        byte[] manifest = Files.readAllBytes(run.resolve("run.json"));

        var r = bench("--resume", run.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("already complete; nothing to do");
        assertThat(Files.readAllBytes(run.resolve("samples.jsonl"))).isEqualTo(journal);
        assertThat(Files.readAllBytes(run.resolve("run.json"))).isEqualTo(manifest);
    }

    @Test
    void resumeTakesTheRunFolderOnly() throws Exception {
        Path run = straightRun();
        var r = bench("--resume", run.toString(), "--base-url", "sim");
        assertThat(r.exitCode()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err()).contains("--resume takes the run folder only");
        var missing = bench("--resume", root.resolve("nowhere").toString());
        assertThat(missing.exitCode()).isEqualTo(Cli.BAD_INPUT);
    }

    @Test
    void aBenchKilledMidRunResumesToEveryRecordOfEveryPointExactlyOnce() throws Exception {
        Path killedRoot = root.resolve("killed");
        String[] args = {"--base-url", "sim:tpotMs=10", "--concurrency", "2,2,2", "--input-tokens", "64", "--output-tokens",
            "20", "--requests", "30", "--seed", "3", "--root", killedRoot.toString()};
        Process p = new ProcessBuilder(KillAndResumeTest.command(BenchMain.class, args)).redirectErrorStream(true)
                .redirectOutput(root.resolve("child.log").toFile()).start();
        Path runDir = KillAndResumeTest.awaitRunDir(killedRoot, "results/runs/sim/throughput/serving");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (journalLines(runDir) < 30 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(p.isAlive()).as("the child must still be running when killed").isTrue();
        p.destroyForcibly(); // SIGKILL on Unix: no final run.json
        p.waitFor(30, TimeUnit.SECONDS);
        RunFolder folder = new RunFolder(runDir);
        assertThat(RunManifestStore.read(folder).status()).isEqualTo(RunStatus.RUNNING);
        assertThat(journalLines(runDir)).isLessThan(90);

        var r = bench("--resume", runDir.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("[SIMULATED] serving");
        RunManifest m = RunManifestStore.read(folder);
        assertThat(m.status()).isEqualTo(RunStatus.COMPLETE);
        List<Sample> samples = Journal.readAll(folder);
        assertThat(samples.stream().map(Sample::key).distinct().count()).isEqualTo(90);
        Map<Integer, Long> perPoint = samples.stream().collect(Collectors.groupingBy(s -> s.load().point().index(),
                TreeMap::new, Collectors.counting()));
        assertThat(perPoint).containsExactlyEntriesOf(new TreeMap<>(Map.of(0, 30L, 1, 30L, 2, 30L)));
        assertThat(samples).allSatisfy(s -> assertThat(s.error()).isNull());
        assertThat(m.metrics()).isEqualTo(RunMetrics.of(samples, ThroughputFigures.INSTANCE));
    }

    private Path straightRun() throws Exception {
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(SWEEP), java.util.stream.Stream.of("--root", root.toString()))
                .toArray(String[]::new);
        var r = bench(args);
        assertThat(r.exitCode()).as(r.err()).isZero();
        return onlyRun(root);
    }

    /** Samples as their journal lines (records holding arrays compare by reference). */
    private static List<String> lines(List<Sample> samples) {
        return samples.stream().map(s -> new String(SampleCodec.encode(s), StandardCharsets.UTF_8)).toList();
    }

    private static List<Sample> ofPoint(List<Sample> samples, int index) {
        return samples.stream().filter(s -> s.load().point().index() == index).toList();
    }
}
