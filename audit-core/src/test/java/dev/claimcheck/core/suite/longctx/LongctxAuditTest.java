package dev.claimcheck.core.suite.longctx;

import static dev.claimcheck.core.cli.AuditRunner.audit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Verdict;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.Json;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.verify.Finding;
import dev.claimcheck.core.verify.GeneratedSuiteRegrader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audit longctx} against the simulator over loopback HTTP, end to end. */
class LongctxAuditTest {
    @TempDir
    Path root;

    @Test
    void aDepthDecayProfileIsRecoveredByThePerCellMetrics() throws Exception {
        // Configured: accuracy 0.9 × (1 − 0.6 × depth), i.e. 0.90 at depth 0, 0.63 at 50, 0.36 at 100.
        var r = audit("longctx", "--base-url", "sim:accuracy=0.9,depthDecay=0.6", "--lengths", "1k", "--depths", "0,50,100",
                "--kinds", "single", "--samples", "400", "--root", root.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        Metrics m = r.manifest().metrics();
        assertThat(m.get(LongctxFigures.CELLS)).extracting(LongctxCell::depth).containsExactly(0, 50, 100);
        for (LongctxCell c : m.get(LongctxFigures.CELLS)) {
            double configured = 0.9 * (1 - 0.6 * c.depth() / 100.0);
            assertThat(configured).as("depth %d: %s", c.depth(), c).isBetween(c.ci95Low(), c.ci95High());
            assertThat(c.n()).isEqualTo(400);
            assertThat(c.length()).isEqualTo(1024);
        }
        assertThat(m.get(LongctxFigures.CELLS).get(0).accuracy()).isGreaterThan(m.get(LongctxFigures.CELLS).get(2).accuracy());
        assertThat(r.out()).contains("cells.1024.d0", "cells.1024.d100", "longctx.effectiveLength",
                "longctx.promptTokensRatio");
        // docs/architecture.md §5.3: the score is the mean over cells.
        assertThat(m.score()).isCloseTo(m.get(LongctxFigures.CELLS).stream().mapToDouble(LongctxCell::accuracy).average().orElseThrow(),
                within(1e-12));
        assertThat(m.ci95Low()).isLessThan(m.score());
        // At exactly these paths in run.json.
        JsonNode json = Json.mapper().readTree(Files.readString(r.runDir().resolve("run.json")));
        assertThat(json.at("/metrics/cells/0").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("length", "depth", "accuracy", "ci95Low", "ci95High", "n");
        assertThat(json.at("/metrics/longctx/effectiveLength/threshold").asDouble()).isEqualTo(0.85);
        assertThat(json.at("/metrics/docs").isMissingNode()).isTrue();
        assertThat(Files.readString(r.runDir().resolve("summary.csv"))).contains("cells.1024.d50,");
    }

    @Test
    void samplesKeepTheHashAndTargetNotThePromptAndTheServerCountAgrees() throws Exception {
        var r = audit("longctx", "--base-url", "sim", "--lengths", "8k", "--depths", "0,100", "--root", root.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<Sample> samples = Journal.readAll(new RunFolder(r.runDir()));
        assertThat(samples).hasSize(14);
        for (Sample s : samples) {
            assertThat(s.messages()).isNull();
            assertThat(s.targetTokens()).isEqualTo(8192L);
            assertThat(s.promptSha256()).hasSize(64);
            // The simulator counts o200k_base over the same contents: within 2% of the target.
            assertThat((double) s.usage().promptTokens() / s.targetTokens()).isCloseTo(1.0, within(0.02));
        }
        assertThat(Files.size(r.runDir().resolve("samples.jsonl"))).isLessThan(64 * 1024);
        var ratio = r.manifest().metrics().get(LongctxFigures.BLOCK).promptTokensRatio();
        assertThat(ratio.mean()).isCloseTo(1.0, within(0.02));
        assertThat(ratio.n()).isEqualTo(14);
        assertThat(r.manifest().metrics().get(LongctxFigures.BLOCK).byKind()).containsOnlyKeys("aggregate", "multiKey", "multiQuery",
                "multiValue", "qa", "single", "varTrack");
    }

    @Test
    void verifyRegeneratesThePromptsAndRegradesAndCatchesAFlippedVerdict() {
        var r = audit("longctx", "--base-url", "sim:accuracy=0.5", "--lengths", "1k,2k", "--depths", "0,50", "--root",
                root.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<Sample> samples = Journal.readAll(new RunFolder(r.runDir()));
        GeneratedSuiteRegrader regrader = new GeneratedSuiteRegrader();
        assertThat(regrader.regrade(r.manifest(), samples, root)).isEmpty();

        List<Sample> edited = new ArrayList<>(samples);
        int wrong = 0;
        while (edited.get(wrong).verdict().correct()) {
            wrong++;
        }
        Sample s = edited.get(wrong);
        Verdict v = s.verdict();
        edited.set(wrong, new Sample(s.taskId(), s.attempt(), s.messages(), s.promptSha256(), s.targetTokens(), s.request(),
                s.response(), s.usage(), s.timing(), new Verdict(true, 1, v.extracted(), v.expected(), v.grader(),
                v.graderVersion(), v.detail()), null, s.retries()));
        assertThat(regrader.regrade(r.manifest(), edited, root)).extracting(Finding::id).containsExactly("regradeMismatch");
    }

    @Test
    void lengthsBeyondTheAdvertisedMaxModelLenAreReportedAndNotSent() {
        var r = audit("longctx", "--base-url", "sim:maxModelLen=4096", "--lengths", "2k,8k", "--depths", "50",
                "--max-tokens", "1024", "--root", root.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("skipping 7 tasks of 1 length(s) [8192] above the model's advertised context of 4096 "
                + "tokens (max_model_len); they are not sent");
        assertThat(r.manifest().status()).isEqualTo(dev.claimcheck.core.model.RunStatus.COMPLETE);
        assertThat(Journal.readAll(new RunFolder(r.runDir()))).hasSize(7)
                .allSatisfy(s -> assertThat(s.targetTokens()).isEqualTo(2048L));
        assertThat(r.manifest().metrics().get(LongctxFigures.CELLS)).extracting(LongctxCell::length).containsOnly(2048);

        var none = audit("longctx", "--base-url", "sim:maxModelLen=4096", "--lengths", "8k", "--root", root.toString());
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("every task is longer than the model's advertised context of 4096 tokens");
    }

    @Test
    void aPromptThatMaxTokensWouldPushOverTheContextIsSentWithMaxTokensCappedAndNothingIsLost() {
        // 1k and 2k fit the advertised 4096 and are sent (8k is skipped); 2k + max_tokens 2560 does not fit: those
        // attempts go with max_tokens capped to the context less the prompt's (generous) estimate, and complete.
        var r = audit("longctx", "--base-url", "sim:maxModelLen=4096", "--lengths", "1k,2k,8k", "--depths", "50",
                "--max-tokens", "2560", "--root", root.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("skipping 7 tasks of 1 length(s) [8192]");
        assertThat(r.manifest().status()).isEqualTo(dev.claimcheck.core.model.RunStatus.COMPLETE);
        assertThat(r.manifest().request().servedContext()).isEqualTo(4096L);
        List<Sample> samples = Journal.readAll(new RunFolder(r.runDir()));
        assertThat(samples).hasSize(14);
        assertThat(samples).filteredOn(s -> s.targetTokens() == 1024L).hasSize(7).allSatisfy(s -> {
            assertThat(s.error()).isNull();
            assertThat(s.request().path("max_tokens").asInt()).isEqualTo(2560);
        });
        assertThat(samples).filteredOn(s -> s.targetTokens() == 2048L).hasSize(7).allSatisfy(s -> {
            assertThat(s.error()).as("capped, not refused").isNull();
            assertThat(s.request().path("max_tokens").asInt()).isBetween(1000, 4096 - 2048);
        });
        assertThat(r.manifest().metrics().errors()).isEmpty();
        assertThat(r.manifest().metrics().graded()).isEqualTo(14);
        var report = new dev.claimcheck.core.verify.Verifier(dev.claimcheck.core.verify.Verifier.Options.defaults()).verifyRun(r.runDir());
        assertThat(report.findings()).extracting(Finding::id).as(report.findings().toString())
                .doesNotContain("metricsMismatch", "regradeMismatch", "promptMismatch", "schema", "notRegraded");
    }

    @Test
    void theVerifierRecomputesTheMetricsAndRegradesLongctxAndDocsRuns() {
        var lc = audit("longctx", "--base-url", "sim:depthDecay=0.5", "--lengths", "1k,2k", "--depths", "0,50,100", "--k", "2",
                "--root", root.toString());
        var docs = audit("docs", "--base-url", "sim", "--per-kind", "3", "--root", root.toString());
        assertThat(lc.exitCode()).as(lc.err()).isZero();
        assertThat(docs.exitCode()).as(docs.err()).isZero();
        var verifier = new dev.claimcheck.core.verify.Verifier(dev.claimcheck.core.verify.Verifier.Options.defaults());
        for (Path dir : List.of(lc.runDir(), docs.runDir())) {
            var report = verifier.verifyRun(dir);
            // Unsigned here (signing is covered elsewhere): everything but the signature must hold.
            assertThat(report.findings()).extracting(Finding::id).as(report.findings().toString())
                    .doesNotContain("metricsMismatch", "regradeMismatch", "promptMismatch", "datasetMismatch",
                            "expectedMismatch", "unknownTask", "schema", "notRegraded");
        }
    }

    @Test
    void aStoppedRunResumesWithItsRecordedListOptions() {
        var stopped = audit("longctx", "--base-url", "sim", "--lengths", "1k", "--depths", "0,100", "--kinds", "single,qa",
                "--samples", "3", "--concurrency", "1", "--max-total-tokens", "5000", "--root", root.toString());
        assertThat(stopped.exitCode()).as(stopped.err()).isZero();
        assertThat(stopped.manifest().status()).isEqualTo(dev.claimcheck.core.model.RunStatus.STOPPED);
        int partial = Journal.readAll(new RunFolder(stopped.runDir())).size();
        // The budget is part of the run, so the resume stops again at once; it must rebuild the same 12-attempt grid
        // from the list options recorded in suite.options.
        var resumed = audit("--resume", stopped.runDir().toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("resuming: " + partial + "/12 attempts already done");
    }

    @Test
    void aDryRunSumsTheTargetsWithoutRenderingThePrompts() {
        var r = audit("longctx", "--base-url", "sim", "--lengths", "8k,1m", "--dry-run", "--root", root.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        // 35 tasks per length (5 depths × 7 kinds): 35 × 8192 + 35 × 1048576.
        assertThat(r.out()).contains("70 tasks × k=1").contains("36,986,880 in all (targetTokens of the generated prompts)");
    }

    @Test
    void badOptionsAreOneClearLine() {
        var r = audit("longctx", "--base-url", "sim", "--lengths", "8q", "--root", root.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).contains("--lengths: '8q' is not a token count").doesNotContain("\n");
        var d = audit("longctx", "--base-url", "sim", "--depths", "120", "--root", root.toString());
        assertThat(d.exitCode()).isEqualTo(2);
        assertThat(d.err()).contains("--depths values must be between 0 and 100, got 120");
    }
}
