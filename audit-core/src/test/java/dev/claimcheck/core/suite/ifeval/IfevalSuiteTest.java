package dev.claimcheck.core.suite.ifeval;

import static dev.claimcheck.core.cli.AuditRunner.audit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.grade.Regrade;
import dev.claimcheck.core.grade.ifeval.IfevalDetail;
import dev.claimcheck.core.grade.ifeval.IfevalSpec;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.model.RunManifest;
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
import dev.claimcheck.core.verify.RecordedAnswerRegrader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IFEval end to end against the simulator, over real loopback HTTP, and re-graded as verify does. */
class IfevalSuiteTest {
    static final Path FIXTURE = Path.of("src/test/resources/suites/ifeval/input_data.jsonl");

    @TempDir
    Path root;

    final IfevalSuite suite = new IfevalSuite();

    SuiteContext context(Path dataset) {
        IfevalOptions o = new IfevalOptions();
        o.dataset = dataset;
        return new SuiteContext(0, o, root);
    }

    @Test
    void theSimulatorsComplyingReplyFollowsEveryInstructionAndItsViolatingReplyDoesNot() {
        SuiteContext c = context(FIXTURE);
        List<Task> tasks = suite.tasks(c);
        assertThat(tasks).hasSize(20);
        for (Task t : tasks) {
            var entry = (OracleEntry.VerbatimReply) suite.oracleEntry(t, c).orElseThrow();
            assertThat(suite.grade(t, entry.correct()).correct()).as(t.id() + ": " + entry.correct()).isTrue();
            assertThat(suite.grade(t, entry.wrong()).correct()).as(t.id() + ": " + entry.wrong()).isFalse();
        }
    }

    @Test
    void aSimulatorAuditRecoversItsKnownAccuracyWithinTheIntervals() throws Exception {
        var r = audit("ifeval", "--dataset", FIXTURE.toString(), "--base-url", "sim:accuracy=0.7", "--k", "2",
                "--seed", "11", "--root", root.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        RunManifest m = r.manifest();
        assertThat(m.workload()).isEqualTo(Workload.IFEVAL);
        Metrics x = m.metrics();
        assertThat(x.tasks()).isEqualTo(20);
        assertThat(x.score()).isBetween(x.ci95Low(), x.ci95High());
        IfevalMetrics i = x.get(IfevalFigures.BLOCK);
        assertThat(i.promptLoose().value()).isGreaterThanOrEqualTo(x.score());
        assertThat(i.instructionLoose().value()).isGreaterThanOrEqualTo(i.instructionStrict().value());
        assertThat(i.instructionStrict().ci95Low()).isLessThan(i.instructionStrict().value());
        assertThat(i.byCategory()).containsKeys("keywords", "length_constraints", "detectable_format", "punctuation");
        assertThat(r.out()).contains("prompt-level strict accuracy", "ifeval.instructionStrict", "ifeval.category.keywords");
        assertThat(Files.readString(r.runDir().resolve("summary.csv"))).contains("ifeval.promptLoose,", "ifeval.instructionLoose,");

        var dataset = m.suite().dataset();
        assertThat(dataset.sha256()).isEqualTo(PromptHash.sha256Hex(Files.readAllBytes(FIXTURE)));
        assertThat(dataset.rows()).isEqualTo(20);
        assertThat(m.suite().options().get("--dataset")).isEqualTo("input_data.jsonl");

        List<Sample> samples = Journal.readAll(new RunFolder(r.runDir()));
        assertThat(samples).hasSize(40);
        // verify's re-grade: every verdict again from its sample line, the metrics from the samples alone.
        assertThat(new RecordedAnswerRegrader().regrade(m, samples, root)).isEmpty();
        assertThat(samples).allSatisfy(s -> assertThat(Regrade.of(s)).isEqualTo(s.verdict()));
        assertThat(RunMetrics.of(samples, SuiteRegistry.figures(Workload.IFEVAL))).isEqualTo(x);
        // Instruction-level strict accuracy is followed instructions over all instructions, from the details.
        long followed = 0;
        long all = 0;
        for (Sample s : samples) {
            IfevalDetail d = IfevalDetail.parse(s.verdict().detail()).orElseThrow();
            followed += d.instructions().stream().filter(IfevalDetail.Followed::strict).count();
            all += d.instructions().size();
            assertThat(d.allStrict()).isEqualTo(s.verdict().correct());
        }
        assertThat(i.instructionStrict().value()).isEqualTo((double) followed / all);
    }

    /**
     * Calibration: across eight fixed seeds (k 2 each) the 95% interval of prompt-level strict accuracy holds the
     * simulator's scripted 0.7 at least seven times, and the mean of the eight scores is within 0.05 of it.
     */
    @Test
    void theKnownAccuracyIsWithinTheIntervalAcrossSeeds() {
        int covered = 0;
        double sum = 0;
        java.util.Set<Double> scores = new java.util.HashSet<>();
        for (int seed = 1; seed <= 8; seed++) {
            var r = audit("ifeval", "--dataset", FIXTURE.toString(), "--base-url", "sim:accuracy=0.7", "--k", "2",
                    "--seed", Integer.toString(seed), "--root", root.toString());
            assertThat(r.exitCode()).as(r.err()).isZero();
            Metrics x = r.manifest().metrics();
            covered += x.ci95Low() <= 0.7 && 0.7 <= x.ci95High() ? 1 : 0;
            sum += x.score();
            scores.add(x.score());
        }
        assertThat(scores).as("each seed draws anew").hasSizeGreaterThan(1);
        assertThat(covered).isGreaterThanOrEqualTo(7);
        assertThat(sum / 8).isCloseTo(0.7, org.assertj.core.api.Assertions.within(0.05));
    }

    @Test
    void anEditedRecordedAnswerIsCaughtByTheRegrade() throws Exception {
        var r = audit("ifeval", "--dataset", FIXTURE.toString(), "--base-url", "sim:accuracy=0", "--root", root.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.manifest().metrics().score()).isZero();
        List<Sample> samples = Journal.readAll(new RunFolder(r.runDir()));
        Sample s = samples.get(0);
        var flipped = new dev.claimcheck.core.model.Verdict(true, 1, s.verdict().extracted(), s.verdict().expected(),
                s.verdict().grader(), s.verdict().graderVersion(), s.verdict().detail());
        List<Sample> edited = new java.util.ArrayList<>(samples);
        edited.set(0, new Sample(s.taskId(), s.attempt(), s.messages(), s.promptSha256(), s.targetTokens(), s.request(),
                s.response(), s.usage(), s.timing(), flipped, s.error(), s.retries(), s.transcript(), s.load()));
        assertThat(new RecordedAnswerRegrader().regrade(r.manifest(), edited, root))
                .anySatisfy(f -> assertThat(f.kind()).isEqualTo(Finding.Kind.REGRADE_MISMATCH));
    }

    /** Only the final content is graded: reasoning that breaks an instruction is not held against the reply, nor does
     * reasoning that follows one rescue a reply that breaks it. */
    @Test
    void theReasoningIsNeverChecked() throws Exception {
        Path data = root.resolve("reasoning.jsonl");
        Files.writeString(data, """
                {"key": 1, "prompt": "Shout a greeting in English.", "instruction_id_list": ["change_case:english_capital"], "kwargs": [{}]}
                {"key": 2, "prompt": "Use the word restate.", "instruction_id_list": ["keywords:existence"], "kwargs": [{"keywords": ["restate"]}]}
                """);
        var right = audit("ifeval", "--dataset", data.toString(), "--base-url", "sim:accuracy=1,reasoningTokens=12",
                "--lane", "thinking", "--root", root.toString());
        assertThat(right.exitCode()).as(right.err()).isZero();
        Sample shout = sample(right.runDir(), "1");
        assertThat(shout.response().reasoning()).isNotBlank().isNotEqualTo(shout.response().reasoning().toUpperCase());
        assertThat(shout.verdict().correct()).as("lower-case reasoning, upper-case content").isTrue();

        var wrong = audit("ifeval", "--dataset", data.toString(), "--base-url", "sim:accuracy=0,reasoningTokens=12",
                "--lane", "thinking", "--root", root.toString());
        assertThat(wrong.exitCode()).as(wrong.err()).isZero();
        Sample restate = sample(wrong.runDir(), "2");
        assertThat(restate.response().reasoning()).contains("restate");
        assertThat(restate.response().content()).doesNotContainIgnoringCase("restate");
        assertThat(restate.verdict().correct()).as("the keyword only in the reasoning").isFalse();
    }

    @Test
    void aBadDatasetLineIsOneClearErrorWithExitCode2() throws Exception {
        Path data = root.resolve("bad.jsonl");
        Files.writeString(data, "{\"key\": 1, \"prompt\": \"x\", \"instruction_id_list\": [\"language:response_language\"], "
                + "\"kwargs\": [{\"language\": \"xx\"}]}\n");
        var r = audit("ifeval", "--dataset", data.toString(), "--base-url", "sim", "--root", root.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("bad.jsonl:1: key 1: instruction language:response_language: kwarg language \"xx\" is not a language");
    }

    @Test
    void theExpectedAnswerIsTheSpecSoARegradeNeedsNoDataset() {
        Task t = suite.tasks(context(FIXTURE)).get(1);
        assertThat(IfevalSpec.parse(t.expected()).toJson()).isEqualTo(t.expected());
        assertThat(t.id()).isEqualTo("9002");
    }

    private static Sample sample(Path runDir, String taskId) throws Exception {
        return Journal.readAll(new RunFolder(runDir)).stream().filter(s -> s.taskId().equals(taskId)).findFirst().orElseThrow();
    }
}
