package dev.claimcheck.core.endpoint;

import dev.claimcheck.core.model.ToolCall;
import java.util.List;
import java.util.Objects;

/** One oracle answer; more kinds (agent tool scripts, planted needles) join this sealed set. */
public sealed interface OracleEntry {

    /**
     * A final answer: the simulator ends its content with {@code \boxed{correct}} with probability
     * {@code accuracy}, else with {@code \boxed{wrong}}.
     */
    record FinalAnswer(String correct, String wrong) implements OracleEntry {
        public FinalAnswer {
            Objects.requireNonNull(correct, "correct");
            Objects.requireNonNull(wrong, "wrong");
        }
    }

    /**
     * A program: the simulator ends its content with a fenced block in {@code language} holding {@code correct}
     * with probability {@code accuracy}, else {@code wrong}. Whitespace inside the block is kept as written.
     */
    record Program(String language, String correct, String wrong) implements OracleEntry {
        public Program {
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(correct, "correct");
            Objects.requireNonNull(wrong, "wrong");
        }
    }

    /**
     * A scripted tool-calling policy for a multi-turn episode (agent). The simulator finds it from the conversation's
     * opening (every message before the first assistant turn), so each turn of the growing conversation resolves to
     * the same entry. Per episode it follows {@code reference} with probability {@code accuracy}, else {@code mistake}
     * (drawn from seed, opening hash and attempt): turn n makes call n, and after the last call it answers
     * {@code closing} with no call.
     */
    record AgentScript(List<ToolCall> reference, List<ToolCall> mistake, String closing) implements OracleEntry {
        public AgentScript {
            reference = List.copyOf(reference);
            mistake = List.copyOf(mistake);
            Objects.requireNonNull(closing, "closing");
        }
    }
}
