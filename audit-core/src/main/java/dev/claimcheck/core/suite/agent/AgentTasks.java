package dev.claimcheck.core.suite.agent;

import dev.claimcheck.core.model.ToolCall;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The catalogue of agent tasks (written by us), the fault each one gets, and its recorded solutions. */
final class AgentTasks {
    /** Bumped whenever a task, a world or a fault's behaviour changes. */
    static final String VERSION = "1";

    private static final List<AgentTask> ALL = build();
    private static final Map<String, AgentTask> BY_ID = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(AgentTask::id, Function.identity()));

    private AgentTasks() {
    }

    static List<AgentTask> all() {
        return ALL;
    }

    static AgentTask byId(String id) {
        AgentTask t = BY_ID.get(id);
        if (t == null) {
            throw new IllegalArgumentException("no agent task " + id);
        }
        return t;
    }

    /**
     * The fault a task gets: one of the enabled faults it supports, or null when none applies. Within a world the
     * faults rotate over the tasks from a seeded starting point, so every fault gets a fair share of tasks and the
     * seed changes which task gets which. Fixed per task (not per attempt), so the reference script is the same for
     * all k attempts.
     */
    static Fault faultFor(AgentTask task, Set<Fault> enabled, long seed) {
        List<Fault> candidates = new ArrayList<>();
        for (Fault f : Fault.values()) {
            if (enabled.contains(f) && task.supports().contains(f)) {
                candidates.add(f);
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        long position = ALL.stream().filter(t -> t.world().equals(task.world())).toList().indexOf(task);
        return candidates.get((int) Math.floorMod(position + draw(seed, task.world()), (long) candidates.size()));
    }

    /** The reference solution's calls under this fault, recorded by running it. */
    static List<ToolCall> referenceScript(AgentTask task, Fault fault) {
        Driver d = new Driver(new Environment(task, fault), Driver.Mode.REFERENCE);
        task.reference().run(d);
        return d.calls();
    }

    /** A plausible wrong script: the fault-specific mistake, or the task's wrong solution when no fault applies. */
    static List<ToolCall> mistakeScript(AgentTask task, Fault fault) {
        if (fault == null) {
            Driver d = new Driver(new Environment(task, null), Driver.Mode.REFERENCE);
            task.wrong().run(d);
            return d.calls();
        }
        Driver d = new Driver(new Environment(task, fault), Driver.Mode.MISTAKE);
        task.reference().run(d);
        return d.calls();
    }

    /** Replays calls in a fresh environment (what the simulator's scripted policy and verify do). */
    static Environment replay(AgentTask task, Fault fault, List<ToolCall> calls) {
        Environment env = new Environment(task, fault);
        for (ToolCall c : calls) {
            env.execute(c.name(), c.arguments());
        }
        return env;
    }

    private static List<AgentTask> build() {
        List<AgentTask> written = new ArrayList<>();
        written.addAll(WorkspaceTasks.all());
        written.addAll(OrderTasks.all());
        written.addAll(CalendarTasks.all());
        // Every second task that takes a tool error gets the permanent kind: half the recoveries need a retry,
        // half need the error read and the call changed.
        List<AgentTask> all = new ArrayList<>(written.size());
        int toolErrors = 0;
        for (AgentTask t : written) {
            boolean permanent = t.supports().contains(Fault.TOOL_ERROR) && toolErrors++ % 2 == 1;
            all.add(permanent ? t.withPermanentToolError() : t);
        }
        return List.copyOf(all);
    }

    private static long draw(long seed, String id) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(ByteBuffer.allocate(8).putLong(seed).array());
            d.update(id.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(d.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
