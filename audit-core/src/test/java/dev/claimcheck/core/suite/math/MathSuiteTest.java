package dev.claimcheck.core.suite.math;

import static dev.claimcheck.core.cli.AuditRunner.audit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.grade.MathGrader;
import dev.claimcheck.core.grade.Regrade;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.RunStatus;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.stats.RunMetrics;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.suite.SuiteRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The math suite end to end against the simulator, over real loopback HTTP. */
class MathSuiteTest {
    static final Path FIXTURES = Path.of("src/test/resources/suites/math");

    @TempDir
    Path root;

    @Test
    void aPerfectModelScoresOneWithEveryMathMetric() throws Exception {
        var r = audit("math", "--dataset", FIXTURES.resolve("easy.jsonl").toString(), "--base-url", "sim:accuracy=1.0",
                "--lane", "thinking", "--k", "4", "--root", root.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        RunManifest m = r.manifest();
        assertThat(m.status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(m.workload()).isEqualTo(Workload.MATH);
        assertThat(m.metrics().score()).isEqualTo(1.0);
        assertThat(m.metrics().get(MathFigures.BLOCK).passAtK()).allSatisfy(p -> assertThat(p.estimate().value()).isEqualTo(1.0));
        assertThat(m.metrics().get(MathFigures.BLOCK).consAtK().value()).isEqualTo(1.0);
        assertThat(m.metrics().get(MathFigures.BLOCK).parseFailures()).isZero();
        assertThat(r.out()).contains("math.passAt4", "math.consAt4", "math.parseFailures");
        assertThat(Files.readString(r.runDir().resolve("summary.csv"))).contains("math.passAt1,1.0", "math.consAt4,1.0");
        var dataset = m.suite().dataset();
        assertThat(dataset.name()).isEqualTo("easy");
        assertThat(dataset.source()).isEqualTo("easy.jsonl");
        assertThat(dataset.rows()).isEqualTo(5);
        assertThat(dataset.redistributable()).isFalse();
        assertThat(dataset.fields().id()).isEqualTo("problem_idx");
        assertThat(dataset.sha256()).isEqualTo(PromptHash.sha256Hex(Files.readAllBytes(FIXTURES.resolve("easy.jsonl"))));
        assertThat(dataset.answersSha256()).hasSize(64);
        assertThat(m.suite().options().get("--dataset")).isEqualTo("easy.jsonl");
        assertThat(m.harness().graders()).containsEntry("math", MathGrader.VERSION).containsEntry("math", "3");

        List<Sample> samples = Journal.readAll(new RunFolder(r.runDir()));
        assertThat(samples).hasSize(20);
        // Everything verify needs is recomputable from the samples: metrics, and each verdict by re-grading.
        assertThat(RunMetrics.of(samples, SuiteRegistry.figures(Workload.MATH))).isEqualTo(m.metrics());
        assertThat(samples).allSatisfy(s -> assertThat(Regrade.of(s)).isEqualTo(s.verdict()));
    }

    @Test
    void aModelThatIsAlwaysWrongScoresZero() {
        var r = audit("math", "--dataset", FIXTURES.resolve("easy.csv").toString(), "--base-url", "sim:accuracy=0",
                "--k", "2", "--root", root.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.manifest().metrics().score()).isEqualTo(0.0);
        assertThat(r.manifest().metrics().get(MathFigures.BLOCK).consAtK().value()).isEqualTo(0.0);
        assertThat(r.manifest().metrics().get(MathFigures.BLOCK).tokensPerCorrect()).isNull();
    }

    @Test
    void aNonRedistributableDatasetNeverPutsPromptTextInSamplesOrProofs() throws Exception {
        var r = audit("math", "--dataset", FIXTURES.resolve("easy.json").toString(), "--base-url", "sim:accuracy=0.5",
                "--k", "4", "--root", root.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        RunManifest m = r.manifest();
        assertThat(m.proofs()).isNotEmpty().hasSizeLessThanOrEqualTo(4);
        String journal = Files.readString(r.runDir().resolve("samples.jsonl"));
        List<String> proofs = m.proofs().stream().map(p -> read(root.resolve(p.path()))).toList();
        for (String secret : List.of("Solve $3x + 5 = 20$", "A circle has radius", "greatest common divisor")) {
            assertThat(journal).doesNotContain(secret);
            assertThat(Files.readString(r.runDir().resolve("run.json"))).doesNotContain(secret);
            proofs.forEach(p -> assertThat(p).doesNotContain(secret));
        }
        assertThat(journal).contains("\"expected\":\"9\\\\pi\"", "promptSha256");
        for (var p : m.proofs()) {
            assertThat(PromptHash.sha256Hex(Files.readAllBytes(root.resolve(p.path())))).isEqualTo(p.sha256());
            assertThat(p.path()).startsWith("proofs/sim/math/" + m.runId() + "/");
        }
    }

    @Test
    void withRedistributableThePromptIsKeptAndTheTemplateApplies() throws Exception {
        var r = audit("math", "--dataset", FIXTURES.resolve("easy.jsonl").toString(), "--redistributable",
                "--prompt-template", "Problem: {problem}\nAnswer in \\boxed{}.", "--base-url", "sim", "--root", root.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        Sample first = Journal.readAll(new RunFolder(r.runDir())).stream().filter(s -> s.taskId().equals("1")).findFirst().orElseThrow();
        assertThat(first.messages().get(0).content()).isEqualTo("Problem: What is $2 + 3 \\cdot 4$?\nAnswer in \\boxed{}.");
        assertThat(r.manifest().suite().dataset().redistributable()).isTrue();
        try (Stream<Path> files = Files.walk(root.resolve("proofs"))) {
            assertThat(files.filter(Files::isRegularFile).map(MathSuiteTest::read))
                    .anySatisfy(p -> assertThat(p).contains("Problem: "));
        }
    }

    @Test
    void aDatasetUnderTheRootIsRecordedRelativeToItAndTheRunResumes() throws Exception {
        Files.createDirectories(root.resolve("data"));
        Files.copy(FIXTURES.resolve("easy.jsonl"), root.resolve("data/aime.jsonl"));
        var r = audit("math", "--dataset", root.resolve("data/aime.jsonl").toString(), "--base-url", "sim",
                "--max-total-tokens", "1", "--concurrency", "1", "--root", root.toString());
        assertThat(r.manifest().status()).isEqualTo(RunStatus.STOPPED);
        assertThat(r.manifest().suite().options().get("--dataset")).isEqualTo("data/aime.jsonl");
        assertThat(r.manifest().suite().dataset().source()).isEqualTo("data/aime.jsonl");
        // The resumed run finds the dataset through the recorded root-relative path (and stops again at its budget).
        var resumed = audit("--resume", r.runDir().toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        Files.move(root.resolve("data/aime.jsonl"), root.resolve("data/moved.jsonl"));
        var lost = audit("--resume", r.runDir().toString());
        assertThat(lost.exitCode()).isEqualTo(2);
        assertThat(lost.err()).contains("dataset file not found: data/aime.jsonl");
    }

    @Test
    void helpListsTheSuiteOptions() {
        // --help succeeds although --dataset is required (picocli prints it to System.out).
        var r = audit("math", "--help");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(new picocli.CommandLine(new MathSuite().newOptions()).getUsageMessage())
                .contains("--dataset=FILE", "--fields", "--redistributable", "--prompt-template");
    }

    @Test
    void usageErrorsExitTwoWithOneClearLine() throws Exception {
        var missing = audit("math", "--base-url", "sim", "--root", root.toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("--dataset");
        var template = audit("math", "--dataset", FIXTURES.resolve("easy.jsonl").toString(), "--prompt-template", "no slot",
                "--base-url", "sim", "--root", root.toString());
        assertThat(template.exitCode()).isEqualTo(2);
        assertThat(template.err()).contains("--prompt-template must contain {problem}");
        Path dup = root.resolve("dup.jsonl");
        Files.writeString(dup, "{\"id\":1,\"problem\":\"p\",\"answer\":1}\n{\"id\":1,\"problem\":\"q\",\"answer\":2}\n");
        var bad = audit("math", "--dataset", dup.toString(), "--base-url", "sim", "--root", root.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("dup.jsonl:2: duplicate id '1' (first on line 1)");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
