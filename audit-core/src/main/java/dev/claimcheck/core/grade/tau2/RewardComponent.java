package dev.claimcheck.core.grade.tau2;

import dev.claimcheck.core.BadInputException;
import java.util.Arrays;

/**
 * τ²-bench's reward components ({@code RewardType}): a task's {@code reward_basis} lists those whose rewards multiply
 * into its reward. Whether we re-derive a component or read it from the file is {@link #rederived()}.
 */
public enum RewardComponent {
    /** The final database against the reference actions replayed: needs the domain's tools, so read from the file. */
    DB(false),
    /** The task's environment assertions on the final state: read from the file. */
    ENV_ASSERTION(false),
    /** Natural-language assertions judged by an LLM: read from the file. */
    NL_ASSERTION(false),
    /** The reference actions matched against the recorded tool calls: re-derived. */
    ACTION(true),
    /** The information the agent must say, found in its messages: re-derived. */
    COMMUNICATE(true);

    private final boolean rederived;

    RewardComponent(boolean rederived) {
        this.rederived = rederived;
    }

    public boolean rederived() {
        return rederived;
    }

    /** The component as τ²-bench writes it; {@code where} names the field for the error. */
    public static RewardComponent of(String name, String where) {
        for (RewardComponent c : values()) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new BadInputException(where + ": unknown component '" + name + "'; τ²-bench's are "
                + String.join(", ", Arrays.stream(values()).map(Enum::name).sorted().toList()));
    }
}
