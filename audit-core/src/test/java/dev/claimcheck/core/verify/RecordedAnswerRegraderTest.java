package dev.claimcheck.core.verify;

import static dev.claimcheck.core.cli.AuditRunner.audit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.grade.Graders;
import dev.claimcheck.core.grade.MathGrader;
import dev.claimcheck.core.model.Response;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Verdict;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.Json;
import dev.claimcheck.core.store.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The math re-grade: recorded responses against recorded answers, with the recorded grader version; a newer version
 * that disagrees is drift (issue #17: runs graded by math 1).
 */
class RecordedAnswerRegraderTest {
    static final Path DATASET = Path.of("src/test/resources/suites/math/easy.jsonl");

    @TempDir
    Path root;

    dev.claimcheck.core.model.RunManifest manifest;
    List<Sample> samples;
    final RecordedAnswerRegrader regrader = new RecordedAnswerRegrader();

    @BeforeEach
    void run() {
        var r = audit("math", "--dataset", DATASET.toString(), "--base-url", "sim:accuracy=0.5", "--k", "2",
                "--root", root.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        manifest = r.manifest();
        samples = Journal.readAll(new RunFolder(r.runDir()));
    }

    @Test
    void anHonestRunReGradesCleanly() {
        assertThat(regrader.regrade(manifest, samples, root)).isEmpty();
    }

    @Test
    void everyAttemptOfAFailedProblemDroppedIsATaskMissing() {
        // The forger keeps the problems the model solved; the answers no longer cover every row, so only the count tells.
        String failed = samples.get(indexOfWrong(samples)).taskId();
        List<Sample> kept = samples.stream().filter(s -> !s.taskId().equals(failed)).toList();
        assertThat(regrader.regrade(manifest, kept, root)).extracting(Finding::id).containsExactly("taskMissing");
    }

    @Test
    void aVerdictFlippedToCorrectIsCaught() {
        List<Sample> edited = new ArrayList<>(samples);
        int i = indexOfWrong(edited);
        Sample s = edited.get(i);
        Verdict v = s.verdict();
        edited.set(i, with(s, new Verdict(true, 1, v.extracted(), v.expected(), v.grader(), v.graderVersion(), v.detail())));
        assertThat(regrader.regrade(manifest, edited, root)).extracting(Finding::id).containsExactly("regradeMismatch");
    }

    @Test
    void expectedAnswersEditedToFitTheResponsesBreakTheAnswersHash() {
        List<Sample> edited = new ArrayList<>();
        String task = samples.get(indexOfWrong(samples)).taskId();
        for (Sample s : samples) {
            Verdict v = s.verdict();
            if (s.taskId().equals(task) && v != null) {
                // The forger makes every attempt of the task "right" by replacing the expected answer.
                String answer = v.extracted() == null ? "0" : v.extracted();
                s = with(s, new Verdict(true, 1, v.extracted(), answer, v.grader(), v.graderVersion(), v.detail()));
            }
            edited.add(s);
        }
        assertThat(regrader.regrade(manifest, edited, root)).extracting(Finding::id).contains("expectedMismatch");
    }

    /**
     * A response math 1 and math 2 read differently (v1 takes the clause's number, v2 the answer's): recorded as v1
     * graded it, not correct. v1 re-grades it the same (no failure); v2 says correct, which is drift.
     */
    private static Sample gradedByVersionOne(Sample wrong) {
        Verdict v = wrong.verdict();
        String content = "The answer is " + v.expected() + ", because the total is " + v.expected() + "5.";
        Verdict v1 = Graders.byIdAndVersion("math", "1").grade(content, v.expected());
        assertThat(v1.correct()).as(v1.detail()).isFalse();
        Response r = wrong.response();
        return new Sample(wrong.taskId(), wrong.attempt(), wrong.messages(), wrong.promptSha256(), wrong.targetTokens(),
                wrong.request(), new Response(content, r.reasoning(), r.toolCalls(), r.finishReason()), wrong.usage(),
                wrong.timing(), v1, null, wrong.retries());
    }

    @Test
    void aRunGradedByVersionOneIsRegradedWithItAndTheNewestVersionsDisagreementIsDrift() {
        List<Sample> edited = new ArrayList<>(samples);
        int i = indexOfWrong(edited);
        edited.set(i, gradedByVersionOne(edited.get(i)));
        List<Finding> findings = regrader.regrade(manifest, edited, root);
        assertThat(findings).extracting(Finding::id).containsExactly("regradeDrift");
        assertThat(findings.get(0).severity()).isEqualTo(Finding.Severity.DRIFT);
        assertThat(findings.get(0).detail()).contains("grader math " + MathGrader.VERSION + " says correct=true, recorded version 1 said false");
    }

    @Test
    void verifyReportsDriftForASignedRunGradedByVersionOne() throws Exception {
        Evidence.requireSshKeygen();
        Path key = Evidence.keygen(Files.createDirectories(root.resolve("keys")), "alice", "alice@example.org");
        Path signers = root.resolve("allowed_signers");
        Files.writeString(signers, Evidence.signerLine("alice@example.org", "", key));
        Path run = Evidence.runs(root).get(0);
        List<Sample> edited = new ArrayList<>(samples);
        int i = indexOfWrong(edited);
        edited.set(i, gradedByVersionOne(edited.get(i)));
        Path file = run.resolve("samples.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(i, Json.mapper().writeValueAsString(edited.get(i)));
        Files.write(file, lines);
        Evidence.resign(run, key);
        RunReport r = new Verifier(new Verifier.Options(signers, true, true, Instant.now(), 1)).verifyRun(run);
        assertThat(r.passed()).as(String.join("\n", r.lines())).isTrue();
        assertThat(r.findings()).extracting(Finding::id).containsExactly("regradeDrift");
        assertThat(r.lines()).anyMatch(l -> l.startsWith("DRIFT regradeDrift: ") && l.contains("recorded version 1"));
    }

    private static int indexOfWrong(List<Sample> list) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).verdict() != null && !list.get(i).verdict().correct()) {
                return i;
            }
        }
        throw new AssertionError("the simulated run has no wrong answer");
    }

    private static Sample with(Sample s, Verdict v) {
        return new Sample(s.taskId(), s.attempt(), s.messages(), s.promptSha256(), s.targetTokens(), s.request(),
                s.response(), s.usage(), s.timing(), v, null, s.retries());
    }
}
