package dev.claimcheck.core.run;

import static dev.claimcheck.core.cli.AuditRunner.audit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.cli.AuditRunner;
import dev.claimcheck.core.grade.sandbox.Sandbox;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.provenance.Signer;
import dev.claimcheck.core.provenance.SigningKeys;
import dev.claimcheck.core.store.Json;
import dev.claimcheck.core.testing.Prerequisite;
import dev.claimcheck.core.verify.Evidence;
import dev.claimcheck.core.verify.Finding;
import dev.claimcheck.core.verify.Regraders;
import dev.claimcheck.core.verify.RunReport;
import dev.claimcheck.core.verify.Verifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code audit --shard i/n} then {@code audit --merge}: the merged run's metrics are those of the run made in one piece
 * with the same seed, number for number; a shard missing, given twice or of another run is refused with its verify
 * finding id, and verify checks the same of a merged run (docs/scale-out.md).
 */
class AuditMergeTest {
    static final Path SUITES = Path.of("src/test/resources/suites");

    @TempDir
    static Path keys;
    static Path key;

    @TempDir
    Path root;

    @BeforeAll
    static void key() throws Exception {
        Evidence.requireSshKeygen();
        key = Evidence.keygen(keys, "ci", "ci@example.org");
    }

    @ParameterizedTest(name = "arith in {0} shards")
    @ValueSource(ints = {1, 3, 7})
    void arithShardsMergeToTheUnshardedMetrics(int shards) throws Exception {
        String[] run = {"arith", "--base-url", "sim:accuracy=0.6", "--k", "2", "--problems", "12", "--seed", "5"};
        assertMergeEqualsUnsharded(run, shards);
    }

    @ParameterizedTest(name = "math in {0} shards")
    @ValueSource(ints = {1, 3, 7})
    void mathShardsMergeToTheUnshardedMetrics(int shards) throws Exception {
        Path data = Files.createDirectories(root.resolve("data")).resolve("easy.jsonl");
        Files.copy(SUITES.resolve("math/easy.jsonl"), data);
        String[] run = {"math", "--dataset", data.toString(), "--base-url", "sim:accuracy=0.5", "--k", "3"};
        assertMergeEqualsUnsharded(run, shards);
    }

    @ParameterizedTest(name = "code (sandboxed) in {0} shards")
    @ValueSource(ints = {1, 3, 7})
    void codeShardsMergeToTheUnshardedMetrics(int shards) throws Exception {
        Prerequisite.SANDBOX.require(Sandbox.system().unavailableReason());
        Path data = Files.createDirectories(root.resolve("data")).resolve("problems.jsonl");
        Files.copy(SUITES.resolve("code/problems.jsonl"), data);
        String[] run = {"code", "--dataset", data.toString(), "--base-url", "sim:accuracy=0.5", "--k", "2"};
        assertMergeEqualsUnsharded(run, shards);
    }

    @Test
    void eachShardRecordsItsPartAndTheFullTaskListsHash() throws Exception {
        List<Path> dirs = shards(new String[] {"arith", "--base-url", "sim", "--k", "2", "--problems", "5"}, 3);
        long total = 0;
        for (int i = 0; i < 3; i++) {
            RunManifest m = manifest(dirs.get(i));
            assertThat(m.shard().index()).isEqualTo(i);
            assertThat(m.shard().count()).isEqualTo(3);
            assertThat(m.shard().rule()).isEqualTo(ShardPartition.RULE);
            assertThat(m.shard().tasks()).isEqualTo(5);
            assertThat(m.shard().taskIdsSha256()).isEqualTo(manifest(dirs.get(0)).shard().taskIdsSha256());
            assertThat(AuditRunner.journalLines(dirs.get(i))).isEqualTo(m.shard().pairs());
            List<String> own = dev.claimcheck.core.store.Journal.readAll(new dev.claimcheck.core.store.RunFolder(dirs.get(i)))
                    .stream().map(s -> s.taskId()).distinct().toList();
            assertThat(m.tasks()).as("a shard commits to its own tasks")
                    .isEqualTo(new RunManifest.TaskList(own.size(), ShardPartition.taskIdsSha256(own.stream())));
            total += m.shard().pairs();
        }
        assertThat(total).isEqualTo(10); // 5 tasks × k 2, 4 + 3 + 3
    }

    @Test
    void aShardMissingTwiceOrFromAnotherRunIsRefusedWithItsFindingId() throws Exception {
        String[] run = {"arith", "--base-url", "sim", "--problems", "6"};
        List<Path> dirs = shards(run, 3);
        List<Path> other = shards(new String[] {"arith", "--base-url", "sim", "--problems", "6", "--seed", "9"}, 3);

        assertRefused(merge(dirs.get(0), dirs.get(1)), "shardMissing");
        assertRefused(merge(dirs.get(0), dirs.get(1), dirs.get(2), dirs.get(1)), "shardDuplicated");
        assertRefused(merge(dirs.get(0), dirs.get(1), other.get(2)), "shardForeign");
    }

    @Test
    void verifyFindsAMergedRunsShardGoneTamperedOrUnsigned() throws Exception {
        List<Path> dirs = shards(new String[] {"arith", "--base-url", "sim", "--problems", "6"}, 3);
        var merged = merge(dirs.toArray(Path[]::new));
        assertThat(merged.exitCode()).as(merged.err()).isZero();
        Path mergedDir = merged.runDir();
        sign(mergedDir);
        assertThat(verify(mergedDir).failureIds()).isEmpty();

        Files.writeString(dirs.get(1).resolve("MANIFEST.sig"), "not a signature\n");
        assertThat(verify(mergedDir).failureIds()).contains("shardForeign");

        deleteTree(dirs.get(2));
        assertThat(verify(mergedDir).failureIds()).contains("shardMissing");
    }

    private void assertMergeEqualsUnsharded(String[] run, int shards) throws Exception {
        var whole = audit(with(run, "--root", root.toString()));
        assertThat(whole.exitCode()).as(whole.err()).isZero();
        List<Path> dirs = shards(run, shards);
        var merged = merge(dirs.toArray(Path[]::new));
        assertThat(merged.exitCode()).as(merged.err()).isZero();
        Path mergedDir = merged.runDir();

        assertThat(metrics(mergedDir)).isEqualTo(metrics(whole.runDir()));
        assertThat(Files.readString(mergedDir.resolve("summary.csv"))).isEqualTo(Files.readString(whole.runDir().resolve("summary.csv")));
        RunManifest m = manifest(mergedDir);
        assertThat(m.mergedShards().shards()).extracting(RunManifest.ShardCitation::index)
                .containsExactlyElementsOf(Stream.iterate(0, i -> i + 1).limit(shards).toList());
        assertThat(m.mergedShards().shards()).allSatisfy(c -> {
            assertThat(c.manifestSha256()).hasSize(64);
            assertThat(c.signatureSha256()).hasSize(64);
        });
        sign(mergedDir);
        RunReport report = verify(mergedDir);
        assertThat(report.failureIds()).as(report.lines().toString()).isEmpty();
        assertThat(report.checks()).contains("shards");
        assertThat(m.tasks()).isEqualTo(new RunManifest.TaskList(m.mergedShards().tasks(), m.mergedShards().taskIdsSha256()));
        assertThat(report.findings()).extracting(Finding::id).doesNotContain("taskListUncommitted", "taskListMismatch");
    }

    /** Runs every shard of {@code run} in the test's root and signs each. */
    private List<Path> shards(String[] run, int n) throws Exception {
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            var r = audit(with(run, "--root", root.toString(), "--shard", i + "/" + n, "--concurrency", "3"));
            assertThat(r.exitCode()).as(r.err()).isZero();
            sign(r.runDir());
            dirs.add(r.runDir());
        }
        return dirs;
    }

    private AuditRunner.Result merge(Path... dirs) {
        List<String> args = new ArrayList<>(List.of("--merge"));
        for (Path d : dirs) {
            args.add(d.toString());
        }
        args.addAll(List.of("--root", root.toString()));
        return audit(args.toArray(String[]::new));
    }

    private static Path mergedDir(AuditRunner.Result merged) {
        String line = merged.err().lines().filter(l -> l.startsWith("merged ")).findFirst().orElseThrow();
        return Path.of(line.substring(line.indexOf(": ") + 2));
    }

    private static void assertRefused(AuditRunner.Result r, String id) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("cannot merge: " + id + ":");
    }

    private void sign(Path dir) {
        Signer.sign(dir, SigningKeys.open(key), false);
    }

    private RunReport verify(Path dir) throws Exception {
        Path signers = root.resolve("results/allowed_signers");
        Files.writeString(signers, Evidence.signerLine("ci@example.org", "", key));
        return new Verifier(new Verifier.Options(signers, true, true, Instant.now(), 1), Regraders.standard(false)).verifyRun(dir);
    }

    private static JsonNode metrics(Path dir) throws Exception {
        return Json.mapper().readTree(Files.readString(dir.resolve("run.json"))).get("metrics");
    }

    private static RunManifest manifest(Path dir) {
        return dev.claimcheck.core.store.RunManifestStore.read(new dev.claimcheck.core.store.RunFolder(dir));
    }

    private static String[] with(String[] run, String... more) {
        return Stream.concat(Stream.of(run), Stream.of(more)).toArray(String[]::new);
    }

    private static void deleteTree(Path dir) throws Exception {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
