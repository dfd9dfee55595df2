package dev.claimcheck.core.suite.proofs;

import static dev.claimcheck.core.cli.AuditRunner.audit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.claimcheck.core.cli.AuditRunner;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.suite.judge.JudgeSpec;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.verify.Finding;
import dev.claimcheck.core.verify.Regraders;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof workload against simulated judges whose scoring profiles are known exactly (SimJudge): a judge at
 * accuracy 1 awards the reference grade, a harsh one at accuracy 0 takes ceil(7/2) = 4 points off it (floored at 0), a
 * lenient one adds 4 (capped at 7), a malformed one replies in prose.
 */
class ProofSuiteTest {
    static final Path FIXTURE = Path.of("src/test/resources/suites/proofs");
    static final String SET = FIXTURE.resolve("set").toString();
    static final String VENDOR = FIXTURE.resolve("vendor").toString();
    static final String EXACT = "sim:accuracy=1=judge-exact";
    static final String HARSH = "sim:accuracy=0=judge-harsh";

    @TempDir
    Path root;

    AuditRunner.Result importRun(String... judges) {
        List<String> args = new ArrayList<>(List.of("proofs", "--base-url", "sim", "--model", "toy/toy-2", "--root",
                root.toString(), "--dataset", SET, "--import-solutions", VENDOR));
        for (String j : judges) {
            args.add("--judge");
            args.add(j);
        }
        return audit(args.toArray(String[]::new));
    }

    @Test
    void anImportRecordsTheVendorsBilingualGradesAsTheClaimAndTheJudgesTotalsBesideIt() {
        var r = importRun(EXACT, HARSH);
        assertThat(r.exitCode()).as(r.err()).isZero();
        ProofMetrics m = r.manifest().metrics().get(ProofFigures.BLOCK);
        assertThat(m.problems()).isEqualTo(3);
        assertThat(m.maxTotal()).isEqualTo(21);
        // The vendor's 7 + 7 + 0, read from its README (the part files Q2-1, Q2-2 are one problem).
        assertThat(m.claim().claimedTotal()).isEqualTo(14);
        assertThat(m.byProblem()).extracting(ProofMetrics.ProblemRow::claimedPoints).containsExactly(7.0, 7.0, 0.0);
        assertThat(m.byProblem().get(0).claimSource()).isEqualTo("README_en.md:5, README_zh.md:4");
        assertThat(m.judges()).extracting(ProofMetrics.JudgeRow::total).containsExactly(14.0, 6.0);
        assertThat(m.byProblem()).extracting(ProofMetrics.ProblemRow::spread).containsExactly(4.0, 4.0, 0.0);
        assertThat(m.total()).isEqualTo(10);
        assertThat(m.totalLow()).isEqualTo(6);
        assertThat(m.totalHigh()).isEqualTo(14);
        assertThat(m.graders()).isEqualTo(2);
        assertThat(m.claim().verdict()).isEqualTo("consistent");
        // Units (7,3), (7,3), (0,0): D_o = 64/6, D_e = 592/30, α = 17/37.
        assertThat(m.agreement().alpha()).isCloseTo(17.0 / 37, within(1e-12));
        // Pinned: the bootstrap over the 3 problems (2000 resamples, fixed seed).
        assertThat(m.agreement().ci95Low()).isCloseTo(-2.0 / 3, within(1e-12));
        assertThat(m.agreement().ci95High()).isCloseTo(21.0 / 31, within(1e-12));
        Metrics shared = r.manifest().metrics();
        assertThat(shared.score()).isCloseTo(10.0 / 21, within(1e-12));
        assertThat(r.manifest().simulated()).isTrue();
    }

    @Test
    void everyInputIsListedWithItsHash() {
        var r = importRun(EXACT, HARSH);
        ProofMetrics m = r.manifest().metrics().get(ProofFigures.BLOCK);
        assertThat(m.inputs()).extracting(InputHash::name).containsExactlyInAnyOrder("grading_scheme.json",
                "problems/1.tex", "problems/2.tex", "problems/3.tex", "TOY25_Q1.md", "TOY25_Q2-1.md", "TOY25_Q2-2.md",
                "TOY25_Q3.md", "README_en.md", "README_zh.md");
        assertThat(m.inputs()).allSatisfy(h -> assertThat(h.sha256()).matches("sha256:[0-9a-f]{64}"));
        assertThat(r.manifest().suite().dataset().sha256()).startsWith("sha256:");
        assertThat(r.manifest().suite().options()).containsEntry("--dataset", "set").containsEntry("--import-solutions", "vendor")
                .containsEntry("--judge", EXACT + " | " + HARSH);
    }

    @Test
    void aTrustedHumanReviewCountsAsAGraderBesideTheJudgesWhenRead() {
        var r = importRun(HARSH, "sim:accuracy=0=judge-malformed");
        List<Sample> samples = Journal.readAll(new RunFolder(r.runDir()));
        assertThat(ProofRunMetrics.of(samples).claim().verdict()).isEqualTo("notReproduced"); // one judge parsed
        List<ProofReview.Grade> grades = new ArrayList<>();
        for (String problem : List.of("1", "2", "3")) {
            grades.add(new ProofReview.Grade(problem, 0, problem.equals("3") ? 0 : 6, "sha256:x", "read in full"));
        }
        var review = new ProofReview(ProofReview.SCHEMA, r.manifest().runId(), "alice@example.org", grades);
        ProofMetrics m = ProofRunMetrics.of(samples, List.of(review));
        assertThat(m.judges()).extracting(ProofMetrics.JudgeRow::judge).containsExactly(HARSH, "sim:accuracy=0=judge-malformed",
                "human:alice@example.org");
        assertThat(m.judges().get(2).total()).isEqualTo(12);
        assertThat(m.graders()).isEqualTo(2);
        assertThat(m.totalLow()).isEqualTo(6);
        assertThat(m.totalHigh()).isEqualTo(12);
        assertThat(m.claim().verdict()).isEqualTo("refuted"); // 14 lies above the human's 12 and the harsh judge's 6
        // run.json holds the judges' figures only: reviews arrive later and are counted when read.
        assertThat(r.manifest().metrics().get(ProofFigures.BLOCK).graders()).isEqualTo(1);
    }

    @Test
    void aProofCutAtMaxTokensIsStillJudgedAndCounted() {
        var r = audit("proofs", "--base-url", "sim:accuracy=1", "--max-tokens", "3", "--root", root.toString(),
                "--dataset", SET, "--judge", EXACT, "--judge", HARSH);
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<Sample> samples = Journal.readAll(new RunFolder(r.runDir()));
        assertThat(samples).allSatisfy(s -> assertThat(s.verdict().truncated()).isTrue());
        ProofMetrics m = r.manifest().metrics().get(ProofFigures.BLOCK);
        assertThat(m.problems()).isEqualTo(3);
        // The cut text is neither the complete nor the flawed proof: the simulated reference for it is 0.
        assertThat(m.judges()).extracting(ProofMetrics.JudgeRow::graded).containsExactly(3, 3);
    }

    @Test
    void aJudgeMalformedHalfTheTimeGivesTheSameCountsAndFiguresOnEveryRunOfOneSeed() {
        // Pinned: seed 3 draws one malformed reply of three and one harsh grade of three (problem 2: 7 − 4 = 3).
        String malformed = "sim:accuracy=0.5,seed=3=judge-malformed";
        String harsh = "sim:accuracy=0.5,seed=3=judge-harsh";
        for (int run = 0; run < 2; run++) {
            ProofMetrics m = importRun(EXACT, malformed, harsh).manifest().metrics().get(ProofFigures.BLOCK);
            assertThat(m.judges()).extracting(ProofMetrics.JudgeRow::graded).containsExactly(3, 2, 3);
            assertThat(m.judges()).extracting(ProofMetrics.JudgeRow::parseFailures).containsExactly(0, 1, 0);
            assertThat(m.judges()).extracting(ProofMetrics.JudgeRow::total).containsExactly(14.0, null, 10.0);
            assertThat(m.graders()).isEqualTo(2);
            assertThat(m.total()).isEqualTo(12);
            assertThat(m.totalLow()).isEqualTo(10);
            assertThat(m.totalHigh()).isEqualTo(14);
            // α counts the malformed judge's two parsed grades too (missing values are allowed).
            assertThat(m.agreement().alpha()).isCloseTo(81.0 / 97, within(1e-12));
            assertThat(m.claim().verdict()).isEqualTo("consistent");
            root = root.resolve("again");
        }
    }

    @Test
    void theRecordedOptionsRestoreEveryJudgeForAResume() {
        var r = importRun("sim:accuracy=0.5,seed=3=judge-a", HARSH);
        var restored = (ProofOptions) dev.claimcheck.core.suite.SuiteOptions.restore(new ProofSuite(),
                r.manifest().suite().options());
        assertThat(restored.judgeSpecs()).containsExactly(new JudgeSpec("sim:accuracy=0.5,seed=3", "judge-a"),
                new JudgeSpec("sim:accuracy=0", "judge-harsh"));
    }

    @Test
    void twoHarshJudgesRefuteTheClaimAndSayByWhichRule() {
        var r = importRun(HARSH, "sim:accuracy=0=judge-harsh-2");
        ProofMetrics m = r.manifest().metrics().get(ProofFigures.BLOCK);
        assertThat(m.judges()).extracting(ProofMetrics.JudgeRow::total).containsExactly(6.0, 6.0);
        assertThat(m.claim().verdict()).isEqualTo("refuted");
        assertThat(m.claim().rule()).isEqualTo("claimed total 14 lies outside the graders' range [6, 6]"
                + " (sum over problems of the lowest and highest of 2 graders' points)");
        assertThat(ProofRunMetrics.rule(m)).as("the same rule as a sentence the site words")
                .isEqualTo(dev.claimcheck.core.stats.Sentence.of(dev.claimcheck.core.stats.Sentence.Kind.PROOF_OUTSIDE, "14", "6", "6", 2));
        assertThat(m.agreement().alpha()).isEqualTo(1.0);
    }

    @Test
    void aMalformedJudgeIsCountedAsParseFailuresAndLeavesTooFewGradersForAVerdict() {
        var r = importRun(EXACT, "sim:accuracy=0=judge-malformed");
        assertThat(r.exitCode()).as(r.err()).isZero();
        ProofMetrics m = r.manifest().metrics().get(ProofFigures.BLOCK);
        ProofMetrics.JudgeRow malformed = m.judges().get(1);
        assertThat(malformed.parseFailures()).isEqualTo(3);
        assertThat(malformed.graded()).isZero();
        assertThat(malformed.total()).isNull(); // never 0
        assertThat(m.byProblem()).allSatisfy(p -> assertThat(p.points()).containsOnlyKeys(EXACT));
        assertThat(m.total()).isEqualTo(14);
        assertThat(m.graders()).isEqualTo(1);
        assertThat(m.claim().verdict()).isEqualTo("notReproduced");
    }

    @Test
    void generatedProofsAreGradedByEveryJudgeOnEveryAttemptAndReproduceExactly() {
        String[] args = {"proofs", "--base-url", "sim:accuracy=0.5", "--k", "2", "--seed", "7", "--root", root.toString(),
                "--dataset", SET, "--judge", EXACT, "--judge", "sim:accuracy=0.5=judge-lenient"};
        var first = audit(args);
        assertThat(first.exitCode()).as(first.err()).isZero();
        var again = audit(args);
        ProofMetrics a = first.manifest().metrics().get(ProofFigures.BLOCK);
        ProofMetrics b = again.manifest().metrics().get(ProofFigures.BLOCK);
        assertThat(b).isEqualTo(a);
        assertThat(a.claim()).isNull(); // no vendor, no claim
        assertThat(a.judges()).allSatisfy(j -> assertThat(j.graded()).isEqualTo(6));
        // The exact judge gives 7 to a complete proof and 0 to a flawed one: its total is 7 × (complete share per problem).
        List<Sample> samples = Journal.readAll(new RunFolder(first.runDir()));
        double complete = samples.stream().filter(s -> s.response().content().contains(SimJudge.COMPLETE)).count();
        assertThat(a.judges().get(0).total()).isCloseTo(7 * complete / 2, within(1e-9));
        assertThat(a.judges().get(1).total()).isGreaterThanOrEqualTo(a.judges().get(0).total());
    }

    @Test
    void aJudgeThatIsTheModelUnderTestIsRefused() {
        var r = audit("proofs", "--base-url", "sim", "--model", "Org/Judge-A", "--root", root.toString(), "--dataset", SET,
                "--judge", "sim=org/judge-a", "--judge", HARSH);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("judge sim=org/judge-a is the model under test ('Org/Judge-A'): a model never grades its own proofs");
        assertThat(root.resolve("results")).doesNotExist(); // refused before a run folder is made
    }

    @Test
    void aSimulatedJudgeCannotGradeARealRun() {
        var r = audit("proofs", "--base-url", "http://127.0.0.1:9/v1", "--model", "toy/toy-2", "--root", root.toString(),
                "--dataset", SET, "--judge", EXACT, "--judge", HARSH);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("a simulated judge grades only a simulated run");
    }

    @Test
    void theSelfJudgingCheckAlsoHoldsWhenTheOptionsCameFromNoCommandLine() {
        ProofOptions o = new ProofOptions();
        o.judges = List.of("sim=Org/Judge-A", HARSH);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ProofSuite.refuseSelfJudging(o, "org/judge-a"))
                .isInstanceOf(dev.claimcheck.core.BadInputException.class).hasMessageContaining("a model never grades its own proofs");
    }

    @Test
    void theVerifyCommandRecomputesTheFiguresAndWarnsThatTheJudgesWereNotAskedAgain() {
        var r = importRun(EXACT, HARSH);
        var out = new java.io.ByteArrayOutputStream();
        var print = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
        int code = dev.claimcheck.core.cli.Cli.execute(new dev.claimcheck.core.cli.VerifyCommand(print, java.util.Map.of()),
                new java.io.PrintWriter(print, true), r.runDir().toString(), "--allow-simulated");
        String report = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        // Unsigned (this test does not sign), so not trusted; every recomputation passes.
        assertThat(report).contains("PASS metrics", "PASS regrade", "PASS journal", "PASS consistency",
                "WARN notRegraded: judges not asked again: re-judging needs the judges' endpoints");
        assertThat(code).as(report).isEqualTo(1);
    }

    @Test
    void verifyRejudgeAsksTheSimulatedJudgesAgainAndTheyAnswerAsRecorded() throws Exception {
        copy(FIXTURE, root.resolve("data"));
        var r = audit("proofs", "--base-url", "sim", "--model", "toy/toy-2", "--root", root.toString(), "--seed", "5",
                "--dataset", root.resolve("data/set").toString(), "--import-solutions", root.resolve("data/vendor").toString(),
                "--judge", EXACT, "--judge", "sim:accuracy=0.5=judge-harsh");
        assertThat(r.manifest().suite().options()).containsEntry("--dataset", "data/set");
        List<Sample> samples = Journal.readAll(new RunFolder(r.runDir()));
        var rejudge = Regraders.standard(false, true).forSuite(ProofSuite.ID).orElseThrow();
        assertThat(rejudge.regrade(r.manifest(), samples, root)).isEmpty();
        // A recorded grade edited (with its reply, so re-reading agrees) is caught only by asking the judge again.
        Sample first = samples.get(0);
        ProofDetail d = ProofDetail.read(first.verdict().detail()).orElseThrow();
        JudgeGrade g = d.judges().get(0);
        double edited = g.points() == 0 ? 1 : 0;
        JudgeGrade forged = new JudgeGrade(g.judge(), g.prompt(), g.status(), edited, g.justification(), null,
                "{\"points\": " + (int) edited + ", \"justification\": \"x\"}", g.completionTokens());
        ProofDetail tampered = new ProofDetail(d.problem(), d.maxPoints(), d.source(), d.inputs(), d.claimedPoints(),
                d.claimSource(), List.of(forged, d.judges().get(1)), d.setProblems());
        List<Sample> edited2 = new ArrayList<>(samples);
        edited2.set(0, new Sample(first.taskId(), first.attempt(), first.messages(), first.promptSha256(), first.targetTokens(),
                first.request(), first.response(), first.usage(), first.timing(), ProofSuite.verdict(tampered), null,
                first.retries()));
        assertThat(rejudge.regrade(r.manifest(), edited2, root)).extracting(Finding::kind).contains(Finding.Kind.REGRADE_MISMATCH)
                .doesNotContain(Finding.Kind.NOT_REGRADED);
    }

    static void copy(Path from, Path to) throws java.io.IOException {
        try (var files = java.nio.file.Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (java.nio.file.Files.isDirectory(f)) {
                    java.nio.file.Files.createDirectories(target);
                } else {
                    java.nio.file.Files.copy(f, target);
                }
            }
        }
    }

    @Test
    void verifyReReadsTheJudgeRepliesAndSaysRejudgingWasNotDone() {
        var r = importRun(EXACT, HARSH);
        List<Sample> samples = Journal.readAll(new RunFolder(r.runDir()));
        List<Finding> findings = Regraders.standard().forSuite(ProofSuite.ID).orElseThrow().regrade(r.manifest(), samples, root);
        assertThat(findings).extracting(Finding::kind).containsExactly(Finding.Kind.NOT_REGRADED);
        assertThat(findings.get(0).detail()).contains("re-judging needs the judges' endpoints");
    }
}
