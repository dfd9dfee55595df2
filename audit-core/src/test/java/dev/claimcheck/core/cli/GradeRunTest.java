package dev.claimcheck.core.cli;

import static dev.claimcheck.core.cli.AuditRunner.audit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.grade.sandbox.Sandbox;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.provenance.Signer;
import dev.claimcheck.core.provenance.SigningKeys;
import dev.claimcheck.core.store.Json;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.store.RunManifestStore;
import dev.claimcheck.core.testing.Prerequisite;
import dev.claimcheck.core.verify.Evidence;
import dev.claimcheck.core.verify.Regraders;
import dev.claimcheck.core.verify.RunReport;
import dev.claimcheck.core.verify.Verifier;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code grade --run RUN_DIR [--shard i/n]} re-grades a recorded run's responses without the endpoint, and
 * {@code grade --merge} makes one run of the re-graded shards: with the graders the run recorded, the metrics are the
 * recorded run's, whether re-graded in one piece or in shards (docs/scale-out.md).
 */
class GradeRunTest {
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

    @Test
    void arithReGradedWholeAndInThreeShardsGivesTheRecordedMetrics() throws Exception {
        assertRegradesToRecorded("arith", "--base-url", "sim:accuracy=0.6", "--k", "2", "--problems", "10");
    }

    @Test
    void mathReGradedWholeAndInThreeShardsGivesTheRecordedMetrics() throws Exception {
        Path data = Files.createDirectories(root.resolve("data")).resolve("easy.jsonl");
        Files.copy(SUITES.resolve("math/easy.jsonl"), data);
        assertRegradesToRecorded("math", "--dataset", data.toString(), "--base-url", "sim:accuracy=0.5", "--k", "3");
    }

    @Test
    void codeReGradedInTheSandboxInThreeShardsGivesTheRecordedMetrics() throws Exception {
        Prerequisite.SANDBOX.require(Sandbox.system().unavailableReason());
        Path data = Files.createDirectories(root.resolve("data")).resolve("problems.jsonl");
        Files.copy(SUITES.resolve("code/problems.jsonl"), data);
        assertRegradesToRecorded("code", "--dataset", data.toString(), "--base-url", "sim:accuracy=0.5", "--k", "2");
    }

    @Test
    void theVerdictsComeFromGradingTheResponsesAgainNotFromTheJournal() throws Exception {
        var recorded = audit("arith", "--base-url", "sim:accuracy=0.6", "--problems", "10", "--root", root.toString());
        Path journal = recorded.runDir().resolve("samples.jsonl");
        Files.writeString(journal, Files.readString(journal).replace("\"correct\":true", "\"correct\":false")
                .replace("\"score\":1.0", "\"score\":0.0"));
        assertThat(Files.readString(journal)).doesNotContain("\"correct\":true").contains("\"correct\":false");
        var again = grade("--run", recorded.runDir().toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(metrics(dirOf(again)).get("score").asDouble()).isEqualTo(recorded.manifest().metrics().score()).isPositive();
    }

    @Test
    void aShardOfARunIsNotReGradedAlone() throws Exception {
        var shard = audit("arith", "--base-url", "sim", "--problems", "4", "--shard", "0/2", "--root", root.toString());
        var r = grade("--run", shard.runDir().toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("is one shard of a run");
    }

    private void assertRegradesToRecorded(String... run) throws Exception {
        List<String> args = new ArrayList<>(List.of(run));
        args.addAll(List.of("--root", root.toString()));
        var recorded = audit(args.toArray(String[]::new));
        assertThat(recorded.exitCode()).as(recorded.err()).isZero();
        Path source = recorded.runDir();

        var whole = grade("--run", source.toString());
        assertThat(whole.exitCode()).as(whole.err()).isZero();
        Path wholeDir = dirOf(whole);
        assertThat(metrics(wholeDir)).isEqualTo(metrics(source));
        RunManifest m = RunManifestStore.read(new RunFolder(wholeDir));
        assertThat(m.regradeOf().id()).isEqualTo(recorded.manifest().runId());

        List<String> merge = new ArrayList<>(List.of("--merge"));
        for (int i = 0; i < 3; i++) {
            var part = grade("--run", source.toString(), "--shard", i + "/3");
            assertThat(part.exitCode()).as(part.err()).isZero();
            Signer.sign(dirOf(part), SigningKeys.open(key), false);
            merge.add(dirOf(part).toString());
        }
        var merged = grade(merge.toArray(String[]::new));
        assertThat(merged.exitCode()).as(merged.err()).isZero();
        Path mergedDir = dirOf(merged);
        assertThat(metrics(mergedDir)).isEqualTo(metrics(source));

        Signer.sign(mergedDir, SigningKeys.open(key), false);
        Path signers = root.resolve("results/allowed_signers");
        Files.writeString(signers, Evidence.signerLine("ci@example.org", "", key));
        RunReport report = new Verifier(new Verifier.Options(signers, true, true, Instant.now(), 1), Regraders.standard(false))
                .verifyRun(mergedDir);
        assertThat(report.failureIds()).as(report.lines().toString()).isEmpty();
    }

    private static Path dirOf(AuditRunner.Result r) {
        String line = r.err().lines().filter(l -> l.startsWith("re-graded: ") || l.startsWith("merged ")).findFirst().orElseThrow();
        return Path.of(line.substring(line.indexOf(": ") + 2));
    }

    private static JsonNode metrics(Path dir) throws Exception {
        return Json.mapper().readTree(Files.readString(dir.resolve("run.json"))).get("metrics");
    }

    private static AuditRunner.Result grade(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        int code = Cli.execute(new GradeCommand(e), new PrintWriter(e, true), args);
        return new AuditRunner.Result(code, "", err.toString(StandardCharsets.UTF_8));
    }
}
