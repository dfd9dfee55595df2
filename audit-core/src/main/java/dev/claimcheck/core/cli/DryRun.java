package dev.claimcheck.core.cli;

import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.Task;
import dev.claimcheck.core.run.AuditPlan;
import dev.claimcheck.core.run.AuditSpec;
import dev.claimcheck.core.store.Json;
import java.io.PrintStream;
import java.util.Locale;

/** {@code --dry-run}: what a run would send, and roughly how many tokens, without sending anything. */
final class DryRun {
    private DryRun() {
    }

    static void print(PrintStream out, AuditPlan plan, AuditSpec spec) {
        long promptChars = 0;
        long targetTokens = 0;
        for (Task task : plan.tasks()) {
            String target = task.meta().get("targetTokens");
            if (target != null) {
                // A generated prompt of known length: exact, and not rendered (it may be 1M tokens).
                targetTokens += Long.parseLong(target);
                continue;
            }
            for (ChatMessage m : plan.messagesFor(task)) {
                promptChars += m.content() == null ? 0 : m.content().length();
            }
        }
        // ~4 characters per token for English text: an estimate, labelled as such.
        long promptTokens = (targetTokens + (promptChars + 3) / 4) * plan.k();
        long maxTokens = plan.template().path("max_tokens").asLong(0);
        out.printf(Locale.ROOT, "dry run: %s · %d tasks × k=%d = %d attempts (nothing sent)%n", plan.suite().id(),
                plan.tasks().size(), plan.k(), plan.attempts());
        out.printf(Locale.ROOT, "  prompt tokens   ≈ %,d in all (%s)%n", promptTokens, promptChars == 0 && targetTokens > 0
                ? "targetTokens of the generated prompts" : "≈ 4 characters per token");
        out.printf(Locale.ROOT, "  output tokens   ≤ %,d in all (max_tokens %,d per attempt)%n", maxTokens * plan.attempts(), maxTokens);
        if (spec.maxTotalTokens() != null) {
            out.printf(Locale.ROOT, "  budget          stops at %,d tokens%n", spec.maxTotalTokens());
        }
        out.println("  endpoint        " + (spec.simulated() ? spec.baseUrl() + " (built-in simulator)" : spec.baseUrl()));
        out.println("  request         " + Json.mapper().valueToTree(plan.template()).toString());
    }
}
