package dev.claimcheck.core.endpoint;

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
}
