package dev.claimcheck.core.suite.agent;

import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One agent task, written by us: a world, an instruction (and its ambiguous variant with the answer
 * {@code ask_user} gives), the changed requirement a checkpoint announces, which faults apply, a reference
 * solution and a wrong one, and the goal checked on the world's final state.
 *
 * @param world the world's id: {@code workspace}, {@code orders} or {@code calendar}
 * @param faultTool the tool that fails once under {@code toolError} (null: the task takes no tool error)
 * @param staleTarget what the world changes after its first read under {@code staleFile} (null: not applicable)
 * @param reference the fault-aware reference solution, a program over a {@link Driver}
 * @param wrong a plausible wrong solution (used when no fault applies); it must fail the goal
 * @param permanentToolError under {@code toolError}: false, the tool fails once and a retry succeeds; true, it keeps
 *                           failing with an error that says what the call lacks, until a call supplies it
 */
record AgentTask(String id, String world, Supplier<World> newWorld, String instruction, String ambiguousInstruction,
                 String clarification, String checkpointNotice, Set<Fault> supports, String faultTool,
                 String staleTarget, Program reference, Program wrong, Goal goal, boolean permanentToolError) {
    /** A task whose tool error is transient. */
    AgentTask(String id, String world, Supplier<World> newWorld, String instruction, String ambiguousInstruction,
              String clarification, String checkpointNotice, Set<Fault> supports, String faultTool,
              String staleTarget, Program reference, Program wrong, Goal goal) {
        this(id, world, newWorld, instruction, ambiguousInstruction, clarification, checkpointNotice, supports, faultTool,
                staleTarget, reference, wrong, goal, false);
    }

    /** The same task with a permanent tool error. */
    AgentTask withPermanentToolError() {
        return new AgentTask(id, world, newWorld, instruction, ambiguousInstruction, clarification, checkpointNotice, supports,
                faultTool, staleTarget, reference, wrong, goal, true);
    }

    AgentTask {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(instruction, "instruction");
        supports = Set.copyOf(supports);
        if (supports.contains(Fault.AMBIGUITY) && (ambiguousInstruction == null || clarification == null)) {
            throw new IllegalArgumentException(id + ": ambiguity needs an ambiguous instruction and a clarification");
        }
        if (supports.contains(Fault.CHECKPOINT) && checkpointNotice == null) {
            throw new IllegalArgumentException(id + ": checkpoint needs a notice");
        }
        if (supports.contains(Fault.TOOL_ERROR) && faultTool == null) {
            throw new IllegalArgumentException(id + ": toolError needs a fault tool");
        }
        if (supports.contains(Fault.STALE_FILE) && staleTarget == null) {
            throw new IllegalArgumentException(id + ": staleFile needs a target");
        }
    }

    /** A solution: tool calls made through a driver that executes them in the environment. */
    @FunctionalInterface
    interface Program {
        void run(Driver d);
    }

    /** The goal on the final state; {@code checkpointed}: the changed requirement was announced and now applies. */
    @FunctionalInterface
    interface Goal {
        boolean met(World world, boolean checkpointed);
    }

    /** The instruction the agent is given under this fault. */
    String instructionFor(Fault fault) {
        return fault == Fault.AMBIGUITY ? ambiguousInstruction : instruction;
    }
}
