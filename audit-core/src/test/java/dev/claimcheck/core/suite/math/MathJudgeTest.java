package dev.claimcheck.core.suite.math;

import static dev.claimcheck.core.cli.AuditRunner.audit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.claimcheck.core.cli.AuditRunner;
import dev.claimcheck.core.model.JudgeVerdict;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.stats.RunMetrics;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.suite.SuiteRegistry;
import dev.claimcheck.core.verify.Finding;
import dev.claimcheck.core.verify.Regraders;
import dev.claimcheck.core.verify.RunReport;
import dev.claimcheck.core.verify.Verifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The math answer judge against simulated judges whose profiles are known exactly (MathSimJudge): at accuracy 1 a
 * judge gives the reference verdict (correct exactly when the response ends with the reference answer boxed), at
 * accuracy 0 the opposite one, and a "malformed" judge replies in prose. (MathSimJudge's reference: the last box of
 * the response is the reference answer.) The fixture's rows 4-6 have reference answers
 * beyond the rule grader's exact budget, so every wrong answer to them is graded unknown.
 */
class MathJudgeTest {
    static final String DATASET = MathSuiteTest.FIXTURES.resolve("judged.jsonl").toString();
    static final String EXACT = "sim:accuracy=1=judge-exact";
    static final String CONTRARY = "sim:accuracy=0=judge-contrary";
    static final String MALFORMED = "sim:accuracy=0=judge-malformed";

    @TempDir
    Path root;

    AuditRunner.Result run(String model, String... extra) {
        List<String> args = new ArrayList<>(List.of("math", "--dataset", DATASET, "--base-url", model, "--root",
                root.toString()));
        args.addAll(List.of(extra));
        return audit(args.toArray(String[]::new));
    }

    List<Sample> samples(AuditRunner.Result r) {
        return Journal.readAll(new RunFolder(r.runDir()));
    }

    /** Each attempt's judge verdict by task and attempt (the journal's order depends on concurrency). */
    static java.util.Map<String, Boolean> byKey(List<Sample> samples) {
        java.util.Map<String, Boolean> out = new java.util.TreeMap<>();
        samples.forEach(s -> out.put(s.taskId() + "#" + s.attempt(), s.judge().correct()));
        return out;
    }

    @Test
    void byDefaultTheJudgeIsAskedOnlyAboutTheAnswersTheRulesLeaveUnknownAndDecidesThem() {
        var r = run("sim:accuracy=0", "--judge", EXACT);
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<Sample> samples = samples(r);
        assertThat(samples).filteredOn(s -> s.judge() != null).extracting(Sample::taskId).containsExactlyInAnyOrder("4", "5", "6");
        // The rule verdict stays as graded: unknown, not correct; the judge's verdict lies beside it.
        assertThat(samples).filteredOn(s -> s.judge() != null).allSatisfy(s -> {
            assertThat(s.verdict().detail()).startsWith("unknown:");
            assertThat(s.verdict().correct()).isFalse();
            assertThat(s.judge().status()).isEqualTo(JudgeVerdict.Status.GRADED);
            assertThat(s.judge().correct()).isFalse();
            assertThat(s.judge().prompt()).isEqualTo(MathJudgePrompt.VERSION);
            assertThat(s.judge().reason()).isEqualTo("simulated reference verdict");
        });
        MathMetrics m = r.manifest().metrics().get(MathFigures.BLOCK);
        assertThat(m.unknown()).isZero(); // all three decided by the judge
        MathJudgeMetrics j = m.judge();
        assertThat(j.judge()).isEqualTo(EXACT);
        assertThat(j.asked()).isEqualTo(3);
        assertThat(j.judgeDecided()).isEqualTo(3);
        assertThat(j.judgeDecidedCorrect()).isZero();
        assertThat(j.stillUnknown()).isZero();
        assertThat(j.agreement()).isNull(); // the judge saw no answer the rules decided
        assertThat(r.manifest().metrics().score()).isZero();
        assertThat(r.manifest().suite().options()).containsEntry("--judge", EXACT);
    }

    @Test
    void aJudgeDecidedAnswerScoresByTheJudgesVerdictAndIsCountedApart() {
        // The contrary judge calls every wrong answer correct: the three unknowns score 1, the rules' three wrong 0.
        var r = run("sim:accuracy=0", "--judge", CONTRARY);
        assertThat(r.exitCode()).as(r.err()).isZero();
        MathMetrics m = r.manifest().metrics().get(MathFigures.BLOCK);
        assertThat(m.judge().judgeDecided()).isEqualTo(3);
        assertThat(m.judge().judgeDecidedCorrect()).isEqualTo(3);
        assertThat(m.correct()).isEqualTo(3);
        assertThat(r.manifest().metrics().score()).isEqualTo(0.5);
        assertThat(m.passAtK().get(0).estimate().value()).isEqualTo(0.5);
        assertThat(m.consAtK().value()).isEqualTo(0.5);
        assertThat(samples(r)).allSatisfy(s -> assertThat(s.verdict().correct()).isFalse()); // rule verdicts unchanged
        assertThat(r.out()).contains("math.judge.decided");
        assertThat(RunMetrics.of(samples(r), SuiteRegistry.figures(Workload.MATH))).isEqualTo(r.manifest().metrics());
    }

    @Test
    void aMalformedReplyIsACountedParseFailureAndTheAnswerStaysUnknown() {
        var r = run("sim:accuracy=0", "--judge", MALFORMED);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(samples(r)).filteredOn(s -> s.judge() != null).allSatisfy(s -> {
            assertThat(s.judge().status()).isEqualTo(JudgeVerdict.Status.PARSE_FAILURE);
            assertThat(s.judge().correct()).isNull();
            assertThat(s.judge().failure()).isEqualTo("no JSON object in the reply");
            assertThat(s.judge().reply()).isEqualTo("I think the response is incorrect.");
        });
        MathMetrics m = r.manifest().metrics().get(MathFigures.BLOCK);
        assertThat(m.judge().parseFailures()).isEqualTo(3);
        assertThat(m.judge().judgeDecided()).isZero();
        assertThat(m.judge().stillUnknown()).isEqualTo(3);
        assertThat(m.unknown()).isEqualTo(3); // never scored silently: still unknown, graded not correct
        assertThat(r.manifest().metrics().score()).isZero();
    }

    @Test
    void judgeAllMeasuresAgreementWithTheRulesOnWhatTheyDecided() {
        var exact = run("sim:accuracy=0.5", "--seed", "5", "--k", "2", "--judge", EXACT, "--judge-all");
        assertThat(exact.exitCode()).as(exact.err()).isZero();
        MathJudgeMetrics j = exact.manifest().metrics().get(MathFigures.BLOCK).judge();
        assertThat(j.asked()).isEqualTo(12);
        int unknown = j.judgeDecided();
        MathJudgeMetrics.Agreement a = j.agreement();
        assertThat(a.pairs()).isEqualTo(12 - unknown);
        assertThat(a.agreements()).isEqualTo(a.pairs()); // the exact judge and the rules agree wherever the rules decide
        assertThat(a.raw().value()).isEqualTo(1.0);
        assertThat(a.onlyRuleCorrect() + a.onlyJudgeCorrect()).isZero();

        root = root.resolve("contrary");
        var contrary = run("sim:accuracy=1", "--k", "2", "--judge", CONTRARY, "--judge-all");
        MathJudgeMetrics.Agreement c = contrary.manifest().metrics().get(MathFigures.BLOCK).judge().agreement();
        // Every answer is right and decided by the rules; the contrary judge calls all 12 wrong.
        assertThat(c.pairs()).isEqualTo(12);
        assertThat(c.agreements()).isZero();
        assertThat(c.onlyRuleCorrect()).isEqualTo(12);
        assertThat(c.raw().value()).isZero();
        // 12 pairs, each (1, 0): D_o = 1, D_e = 12 / 23 over the pooled twelve 1s and twelve 0s, so α = (1 − 12) / 12.
        assertThat(c.alpha()).isCloseTo(-11.0 / 12, within(1e-12));
        assertThat(c.resamples()).isEqualTo(2000);
        // The rule verdict still scores every answer it decides.
        assertThat(contrary.manifest().metrics().score()).isEqualTo(1.0);
    }

    @Test
    void aJudgeAtHalfAccuracyGivesTheSameVerdictsOnEveryRunOfOneSeed() {
        String judge = "sim:accuracy=0.5,seed=3=judge-a";
        var first = run("sim:accuracy=0.5", "--seed", "5", "--k", "2", "--judge", judge, "--judge-all");
        root = root.resolve("again");
        var again = run("sim:accuracy=0.5", "--seed", "5", "--k", "2", "--judge", judge, "--judge-all");
        assertThat(again.manifest().metrics()).isEqualTo(first.manifest().metrics());
        assertThat(byKey(samples(again))).isEqualTo(byKey(samples(first)));
    }

    @Test
    void verifyReReadsTheRecordedRepliesAndSaysTheJudgeWasNotAskedAgain() throws Exception {
        // The dataset lies under the root, where verify --rejudge finds it, as a resume would.
        Path dataset = root.resolve("judged.jsonl");
        Files.copy(Path.of(DATASET), dataset);
        var r = audit("math", "--dataset", dataset.toString(), "--base-url", "sim:accuracy=0", "--root", root.toString(),
                "--judge", CONTRARY);
        assertThat(r.exitCode()).as(r.err()).isZero();
        Verifier.Options options = new Verifier.Options(null, true, true, Instant.now(), 1);
        RunReport report = new Verifier(options, Regraders.standard()).verifyRun(r.runDir());
        assertThat(report.findings()).extracting(Finding::id).doesNotContain("regradeMismatch", "metricsMismatch");
        assertThat(report.findings()).filteredOn(f -> f.id().equals("notRegraded")).extracting(Finding::detail)
                .anySatisfy(msg -> assertThat(msg).startsWith("answer judge not asked again"));

        RunReport rejudged = new Verifier(options, Regraders.standard(false, true)).verifyRun(r.runDir());
        assertThat(rejudged.findings()).extracting(Finding::id).doesNotContain("regradeMismatch", "metricsMismatch",
                "notRegraded");

        // A recorded verdict its own reply does not give is a mismatch.
        Path journal = new RunFolder(r.runDir()).journalPart(0);
        String text = Files.readString(journal);
        Files.writeString(journal, text.replaceFirst("\\\\\"verdict\\\\\": \\\\\"correct", "\\\\\"verdict\\\\\": \\\\\"incorrect"));
        RunReport tampered = new Verifier(options, Regraders.standard()).verifyRun(r.runDir());
        assertThat(tampered.findings()).filteredOn(f -> f.id().equals("regradeMismatch")).extracting(Finding::detail)
                .anySatisfy(msg -> assertThat(msg).contains("recorded correct, its reply reads incorrect"));
    }

    @Test
    void theModelUnderTestNeverJudgesItself() {
        var r = run("sim", "--model", "Org/Judge-A", "--judge", "sim=org/judge-a");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("is the model under test ('Org/Judge-A'): a model never grades its own answers");
    }

    @Test
    void aSimulatedJudgeIsRefusedForARealRunAndJudgeAllNeedsAJudge() {
        var real = run("http://127.0.0.1:9/v1", "--model", "org/m", "--judge", EXACT);
        assertThat(real.exitCode()).isEqualTo(2);
        assertThat(real.err()).contains("a simulated judge grades only a simulated run");
        var alone = run("sim", "--judge-all");
        assertThat(alone.exitCode()).isEqualTo(2);
        assertThat(alone.err()).contains("--judge-all needs --judge BASE_URL=MODEL");
    }
}
