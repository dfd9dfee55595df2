package dev.claimcheck.core.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.RunManifest.DatasetRef;
import dev.claimcheck.core.model.RunManifest.TaskList;
import dev.claimcheck.core.model.Task;
import dev.claimcheck.core.suite.Suite;
import dev.claimcheck.core.suite.SuiteContext;
import java.util.List;
import java.util.Objects;

/**
 * What a run sends: tasks × k attempts with one request template, and the dataset they came from.
 *
 * @param tasks the tasks after --limit, in dataset or generator order
 * @param template the body sent with every request, minus messages
 * @param systemPrompt prepended as a system message when not null
 * @param maxTotalTokens stop (resumably) once prompt + completion tokens reach this; null for no budget
 * @param partition for a shard ({@code --shard i/n}), the pairs it runs; null to run every pair
 */
public record AuditPlan(Suite suite, SuiteContext context, DatasetRef dataset, List<Task> tasks, int k, ObjectNode template,
                        String systemPrompt, int concurrency, Long maxTotalTokens, ShardPartition partition) {
    public AuditPlan {
        Objects.requireNonNull(suite, "suite");
        tasks = List.copyOf(tasks);
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be >= 1");
        }
    }

    /** A plan of every pair. */
    public AuditPlan(Suite suite, SuiteContext context, DatasetRef dataset, List<Task> tasks, int k, ObjectNode template,
                     String systemPrompt, int concurrency, Long maxTotalTokens) {
        this(suite, context, dataset, tasks, k, template, systemPrompt, concurrency, maxTotalTokens, null);
    }

    /** The same plan over fewer tasks (the partition, made from the full list, is kept). */
    public AuditPlan withTasks(List<Task> kept) {
        return new AuditPlan(suite, context, dataset, kept, k, template, systemPrompt, concurrency, maxTotalTokens, partition);
    }

    /** The attempts this plan sends: every pair, or this shard's. */
    public long attempts() {
        if (partition == null) {
            return (long) tasks.size() * k;
        }
        long n = 0;
        for (Task task : tasks) {
            for (int a = 0; a < k; a++) {
                n += partition.owns(task.id(), a) ? 1 : 0;
            }
        }
        return n;
    }

    /**
     * What run.json {@code tasks} commits to at the start: the tasks this plan sends any attempt of (a shard's own
     * list), counted and hashed like the shard partition's full list, so verify can tell when whole tasks are dropped.
     */
    public TaskList committedTasks() {
        List<String> ids = tasks.stream().filter(this::sendsAny).map(Task::id).toList();
        return new TaskList(ids.size(), ShardPartition.taskIdsSha256(ids.stream()));
    }

    /** Whether this plan sends the attempt. */
    public boolean sends(Task task, int attempt) {
        return partition == null || partition.owns(task.id(), attempt);
    }

    /** Whether this plan sends any attempt of the task (its prompt need not be rendered otherwise). */
    public boolean sendsAny(Task task) {
        return partition == null || partition.ownsAny(task.id());
    }

    /** The messages sent for a task: the optional system prompt, then the task's own (rendered by the suite). */
    public List<ChatMessage> messagesFor(Task task) {
        return ChatMessage.withSystemPrompt(systemPrompt, suite.messages(task, context));
    }
}
