package dev.claimcheck.core.cli;

import static dev.claimcheck.core.cli.AuditRunner.audit;
import static dev.claimcheck.core.cli.AuditRunner.journalLines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.model.AttemptKey;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.RunStatus;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.Json;
import dev.claimcheck.core.store.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main job end to end: audit against the built-in simulator over real loopback HTTP. */
class AuditCommandTest {
    @TempDir
    Path root;

    @Test
    void aSimulatorAuditWritesACompleteLabelledRunAndPrintsTheTable() throws Exception {
        var r = audit("arith", "--base-url", "sim", "--k", "4", "--root", root.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("[SIMULATED]", "score (95% CI)", "tasks                        50",
                "attempts                     200", "score per 1k output tokens");
        RunManifest m = r.manifest();
        assertThat(m.status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(m.simulated()).isTrue();
        assertThat(m.runId()).matches("\\d{8}T\\d{6}Z-[0-9a-f]{8}");
        assertThat(r.runDir()).startsWith(root.resolve("results/runs/sim/arith/arith"));
        assertThat(m.metrics().attempts()).isEqualTo(200);
        assertThat(m.metrics().score()).isBetween(0.55, 0.85);
        assertThat(m.metrics().ci95Low()).isLessThan(m.metrics().score());
        assertThat(m.endpoint().baseUrl()).isEqualTo("sim");
        assertThat(m.request().template().get("max_tokens").asInt()).isEqualTo(16384);
        assertThat(Files.readString(r.runDir().resolve("summary.csv"))).startsWith("metric,value,ci_low,ci_high,n")
                .contains("simulated,true");
        assertThat(journalLines(r.runDir())).isEqualTo(200);
        assertThat(r.runDir().resolve("run.lock")).doesNotExist();
    }

    @Test
    void theSameSeedGivesTheSameMetricsAndAnotherSeedDifferentOnes() {
        var a = audit("arith", "--base-url", "sim", "--k", "2", "--limit", "20", "--root", root.toString());
        var b = audit("arith", "--base-url", "sim", "--k", "2", "--limit", "20", "--concurrency", "3", "--root", root.toString());
        var c = audit("arith", "--base-url", "sim", "--k", "2", "--limit", "20", "--seed", "5", "--root", root.toString());
        assertThat(b.manifest().metrics()).isEqualTo(a.manifest().metrics());
        assertThat(c.manifest().suite().dataset().sha256()).isNotEqualTo(a.manifest().suite().dataset().sha256());
    }

    @Test
    void injectedFaultsEndAsRetriedSuccessesOrCountedErrorsNeverDuplicates() {
        var r = audit("arith", "--base-url", "sim:faults=0.2", "--k", "4", "--max-retries", "1", "--root", root.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        List<Sample> samples = Journal.readAll(new RunFolder(r.runDir()));
        Set<AttemptKey> keys = new HashSet<>();
        samples.forEach(s -> assertThat(keys.add(s.key())).as("duplicate %s", s.key()).isTrue());
        assertThat(keys).hasSize(200);
        assertThat(samples).allSatisfy(s -> assertThat(s.graded() ^ (s.error() != null)).isTrue());
        assertThat(samples).anySatisfy(s -> assertThat(s.retries()).isNotEmpty());
        var m = r.manifest().metrics();
        // With one retry, about 0.2² of attempts exhaust it: they are counted by cause, not scored as wrong.
        assertThat(m.errorCount()).isPositive();
        assertThat(m.graded() + m.errorCount()).isEqualTo(200);
        assertThat(samples.stream().filter(s -> s.error() != null))
                .allSatisfy(s -> assertThat(s.error().retries()).isEqualTo(1));
    }

    @Test
    void sustainedServerErrorsOpenTheBreakerAndLeaveAResumableRun() {
        var r = audit("arith", "--base-url", "sim:faults=1.0,faultKinds=500+503", "--limit", "10",
                "--root", root.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("run stopped").contains("resume with: ./jbang audit@. --resume");
        assertThat(r.manifest().status()).isEqualTo(RunStatus.STOPPED);
        assertThat(r.manifest().stopReason()).containsIgnoringCase("circuit");
    }

    @Test
    void aTokenBudgetStopsCleanlyAndResumeFinishesTheRun() throws Exception {
        var stopped = audit("arith", "--base-url", "sim", "--k", "2", "--concurrency", "1",
                "--max-total-tokens", "2000", "--root", root.toString());
        assertThat(stopped.exitCode()).isZero();
        assertThat(stopped.manifest().status()).isEqualTo(RunStatus.STOPPED);
        assertThat(stopped.manifest().stopReason()).contains("token budget");
        long partial = journalLines(stopped.runDir());
        assertThat(partial).isBetween(1L, 99L);

        RunManifest.TaskList committed = stopped.manifest().tasks();
        var resumed = audit("--resume", stopped.runDir().toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        // The budget is part of the run: a resume stops again at once, having sent nothing more.
        assertThat(journalLines(stopped.runDir())).isEqualTo(partial);
        assertThat(stopped.manifest().tasks()).as("resume keeps the commitment").isNotNull().isEqualTo(committed);
    }

    @Test
    void aResumeThatWouldRunAnotherTaskListThanTheCommittedOneIsRefused() throws Exception {
        var stopped = audit("arith", "--base-url", "sim", "--concurrency", "1", "--max-total-tokens", "500",
                "--root", root.toString());
        assertThat(stopped.manifest().status()).isEqualTo(RunStatus.STOPPED);
        Path runJson = stopped.runDir().resolve("run.json");
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(runJson.toFile());
        json.with("tasks").put("count", 7); // as if the harness now made another task list from the same options
        Files.write(runJson, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(json));
        var resumed = audit("--resume", stopped.runDir().toString());
        assertThat(resumed.exitCode()).isEqualTo(2);
        assertThat(resumed.err()).contains("committed to 7 tasks").contains("cannot be resumed");
    }

    @Test
    void resumingACompleteRunChangesNothing() throws Exception {
        var r = audit("arith", "--base-url", "sim", "--limit", "5", "--root", root.toString());
        String before = Files.readString(r.runDir().resolve("run.json"));
        var again = audit("--resume", r.runDir().toString());
        assertThat(again.exitCode()).isZero();
        assertThat(Files.readString(r.runDir().resolve("run.json"))).isEqualTo(before);
    }

    @Test
    void dryRunPrintsThePlanAndWritesNothing() {
        var r = audit("arith", "--base-url", "sim", "--k", "4", "--dry-run", "--root", root.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("50 tasks × k=4 = 200 attempts", "nothing sent", "\"max_tokens\":16384",
                "requests        200 (one per attempt)").doesNotContain("requests per attempt");
        assertThat(root.resolve("results")).doesNotExist();
    }

    @Test
    void theThinkingLaneRecordsItsTemplateAndReasoningTokens() {
        var r = audit("arith", "--base-url", "sim", "--lane", "thinking", "--limit", "5", "--temperature", "0.6",
                "--top-p", "0.95", "--chat-template-kwargs", "{\"enable_thinking\": true}", "--root", root.toString());
        RunManifest m = r.manifest();
        assertThat(m.lane().id()).isEqualTo("thinking");
        assertThat(m.request().template().toString()).contains("\"max_tokens\":65536", "\"temperature\":0.6",
                "\"top_p\":0.95", "\"enable_thinking\":true");
        assertThat(m.metrics().reasoningTokens().mean()).isEqualTo(256.0);
    }

    @Test
    void responsesCutAtMaxTokensAreMarkedTruncatedNotWrongByParse() {
        var r = audit("arith", "--base-url", "sim", "--max-tokens", "8", "--limit", "5", "--root", root.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.manifest().metrics().truncated()).isEqualTo(5);
        assertThat(Journal.readAll(new RunFolder(r.runDir()))).allSatisfy(s -> {
            assertThat(s.response().finishReason()).isEqualTo("length");
            assertThat(s.verdict().truncated()).isTrue();
            assertThat(s.verdict().detail()).startsWith("truncated (finish_reason length): ");
        });
    }
}
