package dev.claimcheck.core.suite.agent;

import dev.claimcheck.core.model.AgentDetail;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Task;
import dev.claimcheck.core.model.Verdict;
import java.util.List;

/**
 * The agent re-grade ({@code verify}, docs/architecture.md §7.3): replay the recorded tool calls in the seeded
 * environment and judge the final state again. A replayed tool result that differs from the recorded one means
 * the transcript was not produced by this environment; the replay then fails the attempt and says where.
 */
public final class AgentReplay {
    private AgentReplay() {
    }

    /**
     * The verdict the replay of {@code sample}'s transcript gives (detail included, so every count is checked).
     *
     * @param task the regenerated task (its meta names the fault)
     * @throws IllegalArgumentException when the task is not an agent task
     */
    public static Verdict verdict(Task task, Sample sample) {
        AgentTask t = AgentTasks.byId(task.id());
        Fault fault = AgentSuite.faultOf(task);
        Environment env = new Environment(t, fault);
        List<ChatMessage> transcript = sample.transcript() == null ? List.of() : sample.transcript();
        int steps = 0;
        String divergence = null;
        for (int i = 0; i < transcript.size(); i++) {
            ChatMessage m = transcript.get(i);
            if (!m.role().equals("assistant")) {
                continue;
            }
            steps++;
            List<ChatMessage> results = AgentEpisode.act(env, m.toolCalls());
            for (int j = 0; j < results.size() && divergence == null; j++) {
                int at = i + 1 + j;
                String recorded = at < transcript.size() ? transcript.get(at).content() : null;
                if (!results.get(j).content().equals(recorded)) {
                    divergence = "replay diverged at transcript message " + at + ": the environment answers "
                            + clip(results.get(j).content()) + ", the transcript records " + clip(recorded);
                }
            }
        }
        // An episode ended on its own when its last turn called no tool; otherwise a budget stopped it. Only which
        // budget (steps or tokens) is taken from the record, so a stop cannot be added or removed unnoticed.
        boolean finished = !transcript.isEmpty() && transcript.get(transcript.size() - 1).role().equals("assistant")
                && transcript.get(transcript.size() - 1).toolCalls().isEmpty();
        Verdict recorded = sample.verdict();
        String recordedStop = recorded == null ? null : AgentDetail.parse(recorded.detail()).map(AgentDetail::budgetStop).orElse(null);
        String stop = finished ? null : recordedStop == null ? "unfinished" : recordedStop;
        String content = sample.response() == null ? null : sample.response().content();
        Verdict replayed = AgentEpisode.verdict(env, t, fault, task.expected(), steps, stop, content);
        if (divergence != null) {
            replayed = new Verdict(false, 0, replayed.extracted(), replayed.expected(), replayed.grader(),
                    replayed.graderVersion(), divergence);
        }
        return sample.response() != null && sample.response().truncated() ? replayed.markedTruncated() : replayed;
    }

    private static String clip(String s) {
        return s == null ? "nothing" : s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }
}
