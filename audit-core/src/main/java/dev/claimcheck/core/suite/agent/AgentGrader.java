package dev.claimcheck.core.suite.agent;

import dev.claimcheck.core.grade.NamedGrader;
import dev.claimcheck.core.model.Verdict;

/**
 * The agent workload's grader identity. An agent attempt is judged on the environment's final state after its
 * episode ({@link AgentEpisode}), never on the response text, so grading text alone cannot pass: it says so.
 * It is therefore not in {@code Graders} ({@code grade@.} grades text).
 */
public final class AgentGrader extends NamedGrader {
    public static final String ID = "agentFinalState";
    /** Bumped whenever a goal, a counter or the replay rules change. */
    public static final String VERSION = "1";

    public AgentGrader() {
        super(ID, VERSION);
    }

    @Override
    public Verdict grade(String response, String expected) {
        return verdict(false, null, expected, "agent attempts are graded on the final state of their episode, not on text");
    }
}
