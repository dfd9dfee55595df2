package dev.claimcheck.core.grade.tau2;

import dev.claimcheck.core.BadInputException;
import java.util.Arrays;

/**
 * τ²-bench's termination reasons ({@code SimulationRun.termination_reason}), each with the side it is charged to, so a
 * user simulator's failure is counted apart from the agent's. Only {@code agent_stop} and {@code user_stop} are graded
 * on their criteria (any other ending scores 0, as upstream); infrastructure errors and an exceeded context window
 * never produced an evaluable rollout and upstream leaves them out of its denominators, as we do.
 */
public enum Termination {
    USER_STOP("user_stop", Side.COMPLETED),
    AGENT_STOP("agent_stop", Side.COMPLETED),
    MAX_STEPS("max_steps", Side.BUDGET),
    TIMEOUT("timeout", Side.BUDGET),
    TOO_MANY_ERRORS("too_many_errors", Side.AGENT),
    AGENT_ERROR("agent_error", Side.AGENT),
    USER_ERROR("user_error", Side.USER_SIMULATOR),
    INFRASTRUCTURE_ERROR("infrastructure_error", Side.INFRASTRUCTURE),
    CONTEXT_WINDOW_EXCEEDED("context_window_exceeded", Side.INFRASTRUCTURE),
    UNEXPECTED_ERROR("unexpected_error", Side.INFRASTRUCTURE);

    /** Who a trial's ending is charged to. */
    public enum Side {
        /** The conversation ended normally and is graded on the task's criteria. */
        COMPLETED,
        /** The agent failed (an error, or too many tool errors in a row). */
        AGENT,
        /** The user simulator failed: not the agent's fault, counted apart. */
        USER_SIMULATOR,
        /** The step or time budget ran out. */
        BUDGET,
        /** The harness or the provider failed. */
        INFRASTRUCTURE
    }

    private final String id;
    private final Side side;

    Termination(String id, Side side) {
        this.id = id;
        this.side = side;
    }

    public String id() {
        return id;
    }

    public Side side() {
        return side;
    }

    /** Graded on its criteria: the conversation ended by the agent or the user. */
    public boolean graded() {
        return side == Side.COMPLETED;
    }

    /** Counted in pass^k at all (upstream's NON_EVALUABLE_TERMINATION_REASONS are not). */
    public boolean evaluable() {
        return this != INFRASTRUCTURE_ERROR && this != CONTEXT_WINDOW_EXCEEDED;
    }

    /** The reason as τ²-bench writes it; {@code where} names the field for the error. */
    public static Termination of(String id, String where) {
        for (Termination t : values()) {
            if (t.id.equals(id)) {
                return t;
            }
        }
        throw new BadInputException(where + ": unknown termination_reason '" + id + "'; τ²-bench's are "
                + String.join(", ", Arrays.stream(values()).map(Termination::id).toList()));
    }
}
