package dev.claimcheck.core.cli;

import dev.claimcheck.core.fingerprint.ProbePlan;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.Task;
import dev.claimcheck.core.run.AuditPlan;
import dev.claimcheck.core.run.AuditSpec;
import dev.claimcheck.core.suite.RequestEstimate;
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
        // Per attempt: the suite's typical request count (exactly 1 for single-request suites) and its bound.
        double requests = 0;
        long maxRequests = 0;
        int maxPerAttempt = 0;
        for (Task task : plan.tasks()) {
            RequestEstimate r = plan.suite().requests(task, plan.context());
            requests += r.expected();
            maxRequests += r.max();
            maxPerAttempt = Math.max(maxPerAttempt, r.max());
            String target = task.meta().get("targetTokens");
            if (target != null) {
                // A generated prompt of known length: exact, and not rendered (it may be 1M tokens).
                targetTokens += Long.parseLong(target);
                continue;
            }
            long chars = 0;
            for (ChatMessage m : plan.messagesFor(task)) {
                chars += m.content() == null ? 0 : m.content().length();
            }
            // A multi-turn attempt resends its opening with every request.
            promptChars += Math.round(chars * r.expected());
        }
        boolean multiTurn = maxPerAttempt > 1;
        // ~4 characters per token for English text: an estimate, labelled as such.
        long promptTokens = (targetTokens + (promptChars + 3) / 4) * plan.k();
        long maxTokens = plan.template().path("max_tokens").asLong(0);
        out.printf(Locale.ROOT, "dry run: %s · %d tasks × k=%d = %d attempts (nothing sent)%n", plan.suite().id(),
                plan.tasks().size(), plan.k(), plan.attempts());
        if (multiTurn) {
            double perAttempt = plan.tasks().isEmpty() ? 0 : requests / plan.tasks().size();
            out.printf(Locale.ROOT, "  requests per attempt: ~%.1f (max %d) — an estimate: the reference solutions' "
                    + "steps; the step budget bounds it%n", perAttempt, maxPerAttempt);
            out.printf(Locale.ROOT, "  requests        ≈ %,d in all (at most %,d)%n", Math.round(requests * plan.k()),
                    maxRequests * plan.k());
        } else {
            out.printf(Locale.ROOT, "  requests        %,d (one per attempt)%n", plan.attempts());
        }
        out.printf(Locale.ROOT, "  prompt tokens   ≈ %,d in all (%s)%n", promptTokens, promptChars == 0 && targetTokens > 0
                ? "targetTokens of the generated prompts" : multiTurn
                ? "≈ 4 characters per token × ~requests per attempt; the growing transcript and tools not counted: a lower bound"
                : "≈ 4 characters per token");
        out.printf(Locale.ROOT, "  output tokens   ≤ %,d in all (max_tokens %,d per request)%n",
                maxTokens * maxRequests * plan.k(), maxTokens);
        if (spec.maxTotalTokens() != null) {
            out.printf(Locale.ROOT, "  budget          stops at %,d tokens%n", spec.maxTotalTokens());
        }
        if (spec.fingerprint()) {
            out.println("  fingerprint     2 × (" + ProbePlan.budget().line() + "), at the start and the end; "
                    + "--no-fingerprint skips it");
        }
        out.println("  endpoint        " + (spec.simulated() ? spec.baseUrl() + " (built-in simulator)" : spec.baseUrl()));
        out.println("  request         " + Json.mapper().valueToTree(plan.template()).toString());
    }
}
