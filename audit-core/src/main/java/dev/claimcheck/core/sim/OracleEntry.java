package dev.claimcheck.core.sim;

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
     * A plain-text answer (a line such as {@code Answer: 4821937}, or a JSON object): the simulator ends its content
     * with {@code correct} with probability {@code accuracy × (1 − depthDecay × depth)}, else with {@code wrong}; the
     * text is sent as one token so its spacing survives. {@code depth} is where the answer sits in the prompt (0 =
     * start, 1 = end), a fact of the prompt itself, which lets {@code sim:depthDecay} model lost-in-the-middle.
     */
    record PlainAnswer(String correct, String wrong, double depth) implements OracleEntry {
        public PlainAnswer {
            Objects.requireNonNull(correct, "correct");
            Objects.requireNonNull(wrong, "wrong");
            if (!(depth >= 0 && depth <= 1)) {
                throw new IllegalArgumentException("depth must be in [0, 1]: " + depth);
            }
        }
    }

    /**
     * A whole reply: the simulator's content is exactly {@code correct} with probability {@code accuracy}, else exactly
     * {@code wrong} — no filler words before it (they would change what is judged, e.g. a reply's word count or its
     * case) and no JSON wrapping. It is split at its spaces, so the streamed tokens join back to the text byte for byte.
     */
    record VerbatimReply(String correct, String wrong) implements OracleEntry {
        public VerbatimReply {
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

    /**
     * One turn of native tool calls (BFCL's FC mode): the simulator calls exactly {@code correct} with probability
     * {@code accuracy}, else {@code wrong}, all in one turn with empty content; an empty list means no call, and the
     * reply is then {@code text} alone.
     */
    record ToolCallReply(List<ToolCall> correct, List<ToolCall> wrong, String text) implements OracleEntry {
        public ToolCallReply {
            correct = List.copyOf(correct);
            wrong = List.copyOf(wrong);
            Objects.requireNonNull(text, "text");
        }
    }
}
