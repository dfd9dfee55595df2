package dev.claimcheck.core.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.RunManifest.DatasetRef;
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
 */
public record AuditPlan(Suite suite, SuiteContext context, DatasetRef dataset, List<Task> tasks, int k, ObjectNode template,
                        String systemPrompt, int concurrency, Long maxTotalTokens) {
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

    public long attempts() {
        return (long) tasks.size() * k;
    }

    /** The messages sent for a task: the optional system prompt, then the task's own (rendered by the suite). */
    public List<ChatMessage> messagesFor(Task task) {
        return ChatMessage.withSystemPrompt(systemPrompt, suite.messages(task, context));
    }
}
