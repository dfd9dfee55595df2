package dev.claimcheck.core.suite.bfcl;

import static dev.claimcheck.core.cli.AuditRunner.audit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.grade.BfclGrader;
import dev.claimcheck.core.grade.Regrade;
import dev.claimcheck.core.grade.bfcl.BfclDetail;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.Response;
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
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** BFCL end to end against the simulator over real loopback HTTP, in both modes, and re-graded as verify does. */
class BfclSuiteTest {
    static final Path FIXTURE = Path.of("src/test/resources/suites/bfcl");

    @TempDir
    Path root;

    final BfclSuite suite = new BfclSuite();
    final BfclGrader grader = new BfclGrader();

    SuiteContext context(String mode) {
        BfclOptions o = new BfclOptions();
        o.dataset = FIXTURE;
        o.mode = mode;
        return new SuiteContext(0, o, root);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fc", "prompt"})
    void theSimulatorsReferenceReplyPassesTheCheckAndItsWrongReplyDoesNot(String mode) {
        SuiteContext c = context(mode);
        List<Task> tasks = suite.tasks(c);
        assertThat(tasks).hasSize(10).extracting(t -> t.meta().get("category")).doesNotContain("web_search");
        for (Task t : tasks) {
            OracleEntry entry = suite.oracleEntry(t, c).orElseThrow();
            Response right;
            Response wrong;
            if (entry instanceof OracleEntry.ToolCallReply r) {
                right = new Response(r.correct().isEmpty() ? r.text() : "", null, r.correct(), null);
                wrong = new Response(r.wrong().isEmpty() ? r.text() : "", null, r.wrong(), null);
            } else {
                OracleEntry.VerbatimReply r = (OracleEntry.VerbatimReply) entry;
                right = new Response(r.correct(), null, List.of(), null);
                wrong = new Response(r.wrong(), null, List.of(), null);
            }
            assertThat(grader.gradeResponse(right, t.expected()).correct()).as(t.id() + " " + right).isTrue();
            assertThat(grader.gradeResponse(wrong, t.expected()).correct()).as(t.id() + " " + wrong).isFalse();
        }
    }

    @Test
    void anFcAuditSendsToolsRecoversItsAccuracyAndReGradesFromTheSampleLines() throws Exception {
        var r = audit("bfcl", "--dataset", FIXTURE.toString(), "--base-url", "sim:accuracy=0.7", "--k", "2",
                "--seed", "5", "--root", root.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        RunManifest m = r.manifest();
        assertThat(m.workload()).isEqualTo(Workload.BFCL);
        assertThat(m.suite().dataset().name()).isEqualTo("bfcl-v4-fc");
        assertThat(m.suite().dataset().rows()).isEqualTo(10);
        Metrics x = m.metrics();
        assertThat(x.score()).isBetween(x.ci95Low(), x.ci95High()).isStrictlyBetween(0.0, 1.0);
        BfclMetrics b = x.get(BfclFigures.BLOCK);
        assertThat(b.mode()).isEqualTo("fc");
        assertThat(b.byCategory()).containsOnlyKeys("simple_python", "multiple", "parallel", "irrelevance");
        assertThat(b.byCategory().get("simple_python").tasks()).isEqualTo(4);
        assertThat(b.notRun()).containsKeys("web_search", "multi_turn_base", "memory");
        assertThat(b.notRun().get("web_search")).contains("web search");
        double mean = b.byCategory().values().stream().mapToDouble(e -> e.value()).average().orElseThrow();
        assertThat(b.categoryMean().value()).isCloseTo(mean, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(r.out()).contains("AST accuracy", "bfcl.categoryMean", "bfcl.category.parallel");

        List<Sample> samples = Journal.readAll(new RunFolder(r.runDir()));
        assertThat(samples).hasSize(20);
        Sample parallel = samples.stream().filter(s -> s.taskId().equals("parallel_0") && s.verdict().correct()).findFirst().orElseThrow();
        assertThat(parallel.request().get("tools").get(0).at("/function/name").asText()).isEqualTo("math_factorial");
        assertThat(parallel.response().toolCalls()).hasSize(3);
        assertThat(BfclDetail.parse(parallel.verdict().detail()).orElseThrow().calls()).isEqualTo(3);
        assertThat(new RecordedAnswerRegrader().regrade(m, samples, root)).isEmpty();
        assertThat(samples).allSatisfy(s -> assertThat(Regrade.of(s)).isEqualTo(s.verdict()));
        assertThat(RunMetrics.of(samples, SuiteRegistry.figures(Workload.BFCL))).isEqualTo(x);
    }

    @Test
    void promptModeIsItsOwnRowAndReadsCallsFromTheText() throws Exception {
        var r = audit("bfcl", "--dataset", FIXTURE.toString(), "--mode", "prompt", "--base-url", "sim:accuracy=1",
                "--root", root.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        RunManifest m = r.manifest();
        assertThat(m.suite().dataset().name()).isEqualTo("bfcl-v4-prompt");
        assertThat(m.metrics().score()).isEqualTo(1.0);
        List<Sample> samples = Journal.readAll(new RunFolder(r.runDir()));
        Sample s = samples.stream().filter(x -> x.taskId().equals("multiple_1")).findFirst().orElseThrow();
        assertThat(s.request().has("tools")).isFalse();
        assertThat(s.messages().get(0).content()).startsWith(BfclRequests.PROMPT_SYSTEM);
        assertThat(s.messages().get(1).content()).isEqualTo("You are a helpful travel assistant.");
        assertThat(s.response().content()).isEqualTo("[get_time(city='Osaka')]");
        assertThat(new RecordedAnswerRegrader().regrade(m, samples, root)).isEmpty();
    }

    @Test
    void aSimulatorThatAlwaysErrsScoresZeroAndAnEditedVerdictIsCaught() throws Exception {
        var r = audit("bfcl", "--dataset", FIXTURE.toString(), "--base-url", "sim:accuracy=0", "--root", root.toString());
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

    @Test
    void aCategoryThatIsNotRunIsRefusedWithItsReason() {
        var r = audit("bfcl", "--dataset", FIXTURE.toString(), "--categories", "web_search", "--base-url", "sim",
                "--root", root.toString());
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("web_search is not run: needs live web search");
    }

    @Test
    void categoriesSelectTheQuestions() {
        BfclOptions o = new BfclOptions();
        o.dataset = FIXTURE;
        o.mode = "fc";
        o.categories = List.of("parallel", "irrelevance");
        assertThat(suite.tasks(new SuiteContext(0, o, root))).extracting(Task::id)
                .containsExactly("parallel_0", "parallel_1", "irrelevance_0", "irrelevance_1");
    }
}
