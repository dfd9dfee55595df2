package dev.claimcheck.core.verify;

import static dev.claimcheck.core.cli.AuditRunner.audit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Verdict;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.RunFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The math re-grade: recorded responses against recorded answers, with the recorded grader version. */
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
