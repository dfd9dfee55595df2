package dev.claimcheck.core.verify;

import static dev.claimcheck.core.cli.AuditRunner.audit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.ToolCall;
import dev.claimcheck.core.model.Verdict;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.RunFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent re-grade: the recorded tool calls replayed in the seeded environment, the final state judged again. */
class AgentReplayRegraderTest {
    @TempDir
    Path root;

    RunManifest manifest;
    List<Sample> samples;
    Path runDir;
    final Regrader regrader = Regraders.standard().forSuite("agent").orElseThrow();

    @BeforeEach
    void run() {
        var r = audit("agent", "--base-url", "sim:accuracy=0.6", "--k", "2", "--root", root.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        manifest = r.manifest();
        runDir = r.runDir();
        samples = Journal.readAll(new RunFolder(r.runDir()));
    }

    @Test
    void anHonestRunReplaysCleanly() {
        assertThat(regrader.regrade(manifest, samples, root)).isEmpty();
    }

    @Test
    void theWholeVerifierFindsNothingButTheMissingSignature() {
        var report = new Verifier(Verifier.Options.defaults()).verifyRun(runDir);
        assertThat(report.failureIds()).as(String.join("\n", report.lines())).allMatch(id -> id.equals("unsigned") || id.equals("notSigned")
                || id.equals("manifestMissing"));
        assertThat(report.has("regradeMismatch")).isFalse();
        assertThat(report.has("metricsMismatch")).isFalse();
    }

    @Test
    void aFailedAttemptClaimedAsASuccessIsCaught() {
        List<Sample> edited = new ArrayList<>(samples);
        int i = index(edited, false);
        Sample s = edited.get(i);
        Verdict v = s.verdict();
        edited.set(i, withVerdictAndTranscript(s, new Verdict(true, 1, v.extracted(), v.expected(), v.grader(),
                v.graderVersion(), v.detail().replace("\"goalMet\":false", "\"goalMet\":true")), s.transcript()));
        assertThat(regrader.regrade(manifest, edited, root)).extracting(Finding::id).containsExactly("regradeMismatch");
    }

    @Test
    void aTranscriptWhoseToolResultsTheEnvironmentNeverGaveIsCaught() {
        List<Sample> edited = new ArrayList<>(samples);
        int i = index(edited, true);
        Sample s = edited.get(i);
        List<ChatMessage> transcript = new ArrayList<>(s.transcript());
        for (int j = 0; j < transcript.size(); j++) {
            ChatMessage m = transcript.get(j);
            if (m.role().equals("tool")) {
                transcript.set(j, ChatMessage.tool(m.toolCallId(), "{\"ok\":true,\"forged\":true}"));
                break;
            }
        }
        edited.set(i, withVerdictAndTranscript(s, s.verdict(), transcript));
        assertThat(regrader.regrade(manifest, edited, root)).extracting(Finding::id).containsExactly("regradeMismatch");
    }

    @Test
    void droppingTheCallThatDidTheWorkIsCaught() {
        List<Sample> edited = new ArrayList<>(samples);
        int i = index(edited, true);
        Sample s = edited.get(i);
        List<ChatMessage> transcript = new ArrayList<>();
        for (ChatMessage m : s.transcript()) {
            // The forger keeps the conversation but blanks every mutating call's effect by renaming the tool.
            List<ToolCall> calls = m.toolCalls().stream().map(c -> c.name().matches("write_file|refund_item|cancel_order|book_event|cancel_event")
                    ? new ToolCall(c.id(), "list_files", "{}") : c).toList();
            transcript.add(new ChatMessage(m.role(), m.content(), calls, m.toolCallId()));
        }
        edited.set(i, withVerdictAndTranscript(s, s.verdict(), transcript));
        assertThat(regrader.regrade(manifest, edited, root)).extracting(Finding::id).containsExactly("regradeMismatch");
    }

    @Test
    void aBudgetStopCannotBeRemovedUnnoticed(@TempDir Path other) {
        // Three turns reach the goal of a config task (list, read, write) but leave no turn for the final answer.
        var r = audit("agent", "--base-url", "sim:accuracy=1.0", "--faults", "none", "--max-steps", "3", "--limit", "5",
                "--root", other.toString());
        List<Sample> stopped = Journal.readAll(new RunFolder(r.runDir()));
        List<Sample> edited = new ArrayList<>(stopped);
        int i = 0;
        Sample s = edited.get(i);
        Verdict v = s.verdict();
        assertThat(v.correct()).isFalse();
        assertThat(v.detail()).contains("\"goalMet\":true", "\"budgetStop\":\"steps\"");
        edited.set(i, withVerdictAndTranscript(s, new Verdict(true, 1, v.extracted(), v.expected(), v.grader(), v.graderVersion(),
                v.detail().replace(",\"budgetStop\":\"steps\"", "")), s.transcript()));

        assertThat(regrader.regrade(r.manifest(), stopped, other)).isEmpty();
        assertThat(regrader.regrade(r.manifest(), edited, other)).extracting(Finding::id).containsExactly("regradeMismatch");
    }

    private static int index(List<Sample> list, boolean correct) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).verdict() != null && list.get(i).verdict().correct() == correct) {
                return i;
            }
        }
        throw new AssertionError("no attempt with correct=" + correct);
    }

    private static Sample withVerdictAndTranscript(Sample s, Verdict v, List<ChatMessage> transcript) {
        return new Sample(s.taskId(), s.attempt(), s.messages(), s.promptSha256(), s.targetTokens(), s.request(),
                s.response(), s.usage(), s.timing(), v, s.error(), s.retries(), transcript, s.load());
    }
}
