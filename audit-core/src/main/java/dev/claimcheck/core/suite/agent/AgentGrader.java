package dev.claimcheck.core.suite.agent;

import dev.claimcheck.core.grade.Grader;
import dev.claimcheck.core.model.Verdict;

/**
 * The agent workload's grader identity. An agent attempt is judged on the environment's final state after its
 * episode ({@link AgentEpisode}), never on the response text, so grading text alone cannot pass: it says so.
 * It is therefore not in {@code Graders} ({@code grade@.} grades text).
 */
public final class AgentGrader implements Grader {
    public static final String ID = "agentFinalState";
    /** Bumped whenever a goal, a counter or the replay rules change. */
    public static final String VERSION = "1";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public Verdict grade(String response, String expected) {
        return new Verdict(false, 0, null, expected, ID, VERSION,
                "agent attempts are graded on the final state of their episode, not on text");
    }
}
