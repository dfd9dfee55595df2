package dev.claimcheck.core.run;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.fingerprint.ServedInfo;
import dev.claimcheck.core.model.RunManifest.EndpointRef;
import dev.claimcheck.core.model.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * The served model's context length, when the endpoint advertises it, and the tasks that do not fit: a prompt whose
 * {@code targetTokens} exceeds it is reported in one line and skipped, never sent blindly (issue #8).
 */
final class ContextLimit {
    private ContextLimit() {
    }

    /** The served context length (docs/architecture.md §6.1); one reading, shared with the fingerprint. */
    static OptionalLong of(EndpointRef endpoint, String modelId) {
        return ServedInfo.contextLength(endpoint, modelId);
    }

    /** The plan without the tasks longer than the advertised context, each skip reported in one line. */
    static AuditPlan skipTooLong(AuditPlan plan, EndpointRef endpoint, String modelId, ProgressListener progress) {
        OptionalLong max = of(endpoint, modelId);
        if (max.isEmpty()) {
            return plan;
        }
        List<Task> kept = new ArrayList<>();
        TreeSet<Long> skippedLengths = new TreeSet<>();
        for (Task t : plan.tasks()) {
            String target = t.meta().get("targetTokens");
            if (target != null && Long.parseLong(target) > max.getAsLong()) {
                skippedLengths.add(Long.parseLong(target));
            } else {
                kept.add(t);
            }
        }
        if (skippedLengths.isEmpty()) {
            return plan;
        }
        String line = "skipping " + (plan.tasks().size() - kept.size()) + " tasks of " + skippedLengths.size()
                + " length(s) " + skippedLengths + " above the model's advertised context of " + max.getAsLong()
                + " tokens (max_model_len); they are not sent";
        if (kept.isEmpty()) {
            throw new BadInputException("every task is longer than the model's advertised context of " + max.getAsLong()
                    + " tokens (max_model_len); choose shorter --lengths");
        }
        progress.note(line);
        return plan.withTasks(kept);
    }
}
