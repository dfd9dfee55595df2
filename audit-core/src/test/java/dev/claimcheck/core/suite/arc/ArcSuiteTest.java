package dev.claimcheck.core.suite.arc;

import static dev.claimcheck.core.cli.AuditRunner.audit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.grade.Regrade;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.RunStatus;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Task;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.sim.OracleEntry;
import dev.claimcheck.core.stats.RunMetrics;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.suite.SuiteContext;
import dev.claimcheck.core.suite.SuiteRegistry;
import dev.claimcheck.core.verify.Finding;
import dev.claimcheck.core.verify.Regraders;
import dev.claimcheck.core.verify.RunReport;
import dev.claimcheck.core.verify.Verifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ARC suite end to end against the simulator, over real loopback HTTP, and re-graded as verify does. */
class ArcSuiteTest {
    static final Path FIXTURES = Path.of("src/test/resources/suites/arc");

    @TempDir
    Path root;

    final ArcSuite suite = new ArcSuite();

    SuiteContext context(Path folder) {
        ArcOptions o = new ArcOptions();
        o.dataset = folder;
        return new SuiteContext(0, o, root);
    }

    @Test
    void eachTestInputIsOneTaskAskedWithTheTrainingPairsAsRowsOfDigits() {
        List<Task> tasks = suite.tasks(context(FIXTURES));
        assertThat(tasks).extracting(Task::id).containsExactly("count05/0", "mirror01/0", "recolor02/0", "recolor02/1",
                "scale03/0", "transpose04/0");
        Task t = tasks.get(3);
        assertThat(t.expected()).isEqualTo("52\n25\n22");
        assertThat(t.redistributable()).isFalse();
        assertThat(t.messages()).hasSize(1);
        assertThat(t.messages().get(0).role()).isEqualTo("user");
        assertThat(t.messages().get(0).content()).isEqualTo("""
                Each example below shows an input grid and the output grid that a hidden rule makes of it. \
                Find the rule and apply it to the test input.
                A grid is written one row per line, one digit (0-9) per cell, with no spaces.

                Example 1
                Input:
                10
                01
                Output:
                20
                02

                Example 2
                Input:
                113
                Output:
                223

                Example 3
                Input:
                0
                1
                4
                Output:
                0
                2
                4

                Test input:
                51
                15
                11

                Reply with the output grid for the test input in the same form, one row per line, \
                as the last thing in your reply.""");
    }

    @Test
    void theOraclesRightGridIsGradedRightAndItsWrongGridWrongForEveryTask() {
        SuiteContext c = context(FIXTURES);
        for (Task t : suite.tasks(c)) {
            var entry = (OracleEntry.PlainAnswer) suite.oracleEntry(t, c).orElseThrow();
            assertThat(suite.grade(t, "Let us look.\n" + entry.correct()).correct()).as(t.id()).isTrue();
            var wrong = suite.grade(t, "Let us look.\n" + entry.wrong());
            assertThat(wrong.correct()).as(t.id()).isFalse();
            assertThat(wrong.extracted()).as("a real grid, not a parse failure: " + t.id()).isNotNull();
        }
    }

    @Test
    void aSimulatedAuditWithTwoAttemptsIsScoredAndVerifyRegradesItFromTheRecordedAnswers() throws Exception {
        var r = audit("arc", "--dataset", FIXTURES.toString(), "--base-url", "sim:accuracy=0.5", "--k", "2", "--seed", "7",
                "--root", root.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        RunManifest m = r.manifest();
        assertThat(m.status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(m.workload()).isEqualTo(Workload.ARC);
        var dataset = m.suite().dataset();
        assertThat(dataset.name()).isEqualTo("arc");
        assertThat(dataset.source()).isEqualTo("arc");
        assertThat(dataset.sha256()).isEqualTo(ArcLoader.load(FIXTURES).sha256());
        assertThat(dataset.rows()).isEqualTo(6);
        assertThat(dataset.answersSha256()).hasSize(64);
        assertThat(m.suite().options().get("--dataset")).isEqualTo("arc");
        assertThat(m.harness().graders()).containsEntry("arc-grid", "1");
        ArcMetrics x = m.metrics().get(ArcFigures.BLOCK);
        assertThat(x.k()).isEqualTo(2);
        assertThat(x.tasks()).isEqualTo(5);
        assertThat(x.testInputs()).isEqualTo(6);
        assertThat(x.noGrid()).as("the simulator always answers a grid").isZero();
        assertThat(m.metrics().score()).isEqualTo(x.passAt2().value());
        assertThat(r.out()).contains("arc.passAt2", "arc.passAt1", "arc.testInputs");
        assertThat(Files.readString(r.runDir().resolve("summary.csv"))).contains("arc.passAt2,", "arc.tasks,5");

        List<Sample> samples = Journal.readAll(new RunFolder(r.runDir()));
        assertThat(samples).hasSize(12);
        assertThat(samples).anySatisfy(s -> assertThat(s.verdict().correct()).isTrue())
                .anySatisfy(s -> assertThat(s.verdict().correct()).isFalse());
        assertThat(Files.readString(r.runDir().resolve("samples.jsonl"))).as("prompts are kept as hashes only")
                .doesNotContain("Test input:");
        assertThat(RunMetrics.of(samples, SuiteRegistry.figures(Workload.ARC))).isEqualTo(m.metrics());
        assertThat(samples).allSatisfy(s -> assertThat(Regrade.of(s)).isEqualTo(s.verdict()));
        assertThat(Regraders.standard().forSuite("arc").orElseThrow().regrade(m, samples, root)).isEmpty();
        RunReport report = new Verifier(Verifier.Options.defaults()).verifyRun(r.runDir());
        assertThat(report.checks()).contains("metrics", "regrade");
        assertThat(report.findings()).extracting(Finding::id).as(report.findings().toString())
                .doesNotContain("metricsMismatch", "regradeMismatch", "promptMismatch", "datasetMismatch",
                        "expectedMismatch", "unknownTask", "schema", "notRegraded");
    }

    @Test
    void aPerfectModelScoresOneAndAnAlwaysWrongOneZeroWithRealGrids() {
        var right = audit("arc", "--dataset", FIXTURES.toString(), "--base-url", "sim:accuracy=1",
                "--root", root.toString());
        assertThat(right.exitCode()).as(right.err()).isZero();
        assertThat(right.manifest().request().k()).as("without --k the suite's two attempts, as pass@2 needs").isEqualTo(2);
        assertThat(right.manifest().metrics().score()).isEqualTo(1.0);
        assertThat(right.manifest().metrics().get(ArcFigures.BLOCK).passAt1().value()).isEqualTo(1.0);

        var wrong = audit("arc", "--dataset", FIXTURES.toString(), "--base-url", "sim:accuracy=0", "--k", "2",
                "--root", root.toString());
        assertThat(wrong.exitCode()).as(wrong.err()).isZero();
        Metrics m = wrong.manifest().metrics();
        assertThat(m.score()).isEqualTo(0.0);
        ArcMetrics x = m.get(ArcFigures.BLOCK);
        assertThat(x.noGrid()).isZero();
        assertThat(x.wrongShape()).as("some wrong answers have the wrong shape, the rest one wrong cell").isBetween(1, 11);
    }

    /**
     * 80 generated task files (1 or 2 test inputs each) at a known accuracy of 0.6 per attempt, 4 attempts: pass@1 is
     * 0.6 and pass@2 is 1 − 0.4² = 0.84 in truth, and each interval must hold its true value.
     */
    @Test
    void aKnownAccuracyIsRecoveredWithinTheIntervals() throws Exception {
        Path folder = Files.createDirectories(root.resolve("generated"));
        SplittableRandom random = new SplittableRandom(2026);
        for (int f = 0; f < 80; f++) {
            StringBuilder json = new StringBuilder("{\"train\": [").append(pair(random)).append("], \"test\": [")
                    .append(pair(random));
            if (f % 3 == 0) {
                json.append(", ").append(pair(random));
            }
            Files.writeString(folder.resolve(String.format("g%03d.json", f)), json.append("]}").toString());
        }
        var r = audit("arc", "--dataset", folder.toString(), "--base-url", "sim:accuracy=0.6", "--k", "4", "--seed", "11",
                "--concurrency", "8", "--root", root.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        ArcMetrics x = r.manifest().metrics().get(ArcFigures.BLOCK);
        assertThat(x.tasks()).isEqualTo(80);
        assertThat(x.testInputs()).isEqualTo(107);
        assertThat(0.6).isBetween(x.passAt1().ci95Low(), x.passAt1().ci95High());
        assertThat(0.84).isBetween(x.passAt2().ci95Low(), x.passAt2().ci95High());
        assertThat(x.passAt1().ci95High() - x.passAt1().ci95Low()).as("an interval that says something").isLessThan(0.2);
        assertThat(x.passAt2().ci95High() - x.passAt2().ci95Low()).isLessThan(0.2);
    }

    @Test
    void aFolderUnderTheRootIsRecordedRelativeToItAndTheRunResumes() throws Exception {
        Path data = Files.createDirectories(root.resolve("data/evaluation"));
        try (var files = Files.list(FIXTURES)) {
            for (Path p : files.toList()) {
                Files.copy(p, data.resolve(p.getFileName()));
            }
        }
        var r = audit("arc", "--dataset", data.toString(), "--dataset-name", "arc-agi-2-evaluation", "--base-url", "sim",
                "--max-total-tokens", "1", "--concurrency", "1", "--root", root.toString());
        assertThat(r.manifest().status()).isEqualTo(RunStatus.STOPPED);
        assertThat(r.manifest().suite().options().get("--dataset")).isEqualTo("data/evaluation");
        assertThat(r.manifest().suite().dataset().source()).isEqualTo("data/evaluation");
        assertThat(r.manifest().suite().dataset().name()).isEqualTo("arc-agi-2-evaluation");
        var resumed = audit("--resume", r.runDir().toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        Files.writeString(data.resolve("count05.json"), Files.readString(data.resolve("count05.json")) + "\n");
        var changed = audit("--resume", r.runDir().toString());
        assertThat(changed.exitCode()).isEqualTo(2);
        assertThat(changed.err()).contains("the run cannot be resumed with this data");
    }

    @Test
    void usageErrorsExitTwoWithOneClearLine() throws Exception {
        var missing = audit("arc", "--base-url", "sim", "--root", root.toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("--dataset");
        Path bad = Files.createDirectories(root.resolve("bad"));
        Files.writeString(bad.resolve("x1.json"), "{\"train\": [{\"input\": [[1]], \"output\": [[1, 2], [3]]}], \"test\": []}");
        var r = audit("arc", "--dataset", bad.toString(), "--base-url", "sim", "--root", root.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("bad/x1.json: $.train[0].output[1]: ragged: 1 cells, row 0 has 2");
        assertThat(new picocli.CommandLine(suite.newOptions()).getUsageMessage())
                .contains("--dataset=DIR", "--redistributable", "--dataset-name");
    }

    /** A pair whose output is its input with colours shifted: any rule will do, the oracle knows the answer. */
    private static String pair(SplittableRandom random) {
        int h = 1 + random.nextInt(6);
        int w = 1 + random.nextInt(6);
        StringBuilder in = new StringBuilder("[");
        StringBuilder out = new StringBuilder("[");
        for (int r = 0; r < h; r++) {
            in.append(r == 0 ? "[" : ", [");
            out.append(r == 0 ? "[" : ", [");
            for (int c = 0; c < w; c++) {
                int v = random.nextInt(10);
                in.append(c == 0 ? "" : ", ").append(v);
                out.append(c == 0 ? "" : ", ").append((v + 1) % 10);
            }
            in.append(']');
            out.append(']');
        }
        return "{\"input\": " + in.append(']') + ", \"output\": " + out.append(']') + "}";
    }
}
