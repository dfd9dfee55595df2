package dev.claimcheck.core.suite;

import dev.claimcheck.core.endpoint.ChatOutcome;
import dev.claimcheck.core.model.Response;
import dev.claimcheck.core.model.RetryRecord;
import dev.claimcheck.core.model.Timing;
import dev.claimcheck.core.model.ToolCall;
import dev.claimcheck.core.model.Usage;
import java.util.ArrayList;
import java.util.List;

/**
 * The bookkeeping every multi-turn attempt shares (the agent workload, Gaia2-search, SWE-bench's bash agent, τ² natively): usage
 * and retries summed over the turns, the first turn's timing with the end-to-end time summed, and the step and token
 * budgets that stop the next turn. One meter per attempt.
 */
public final class EpisodeMeter {
    /** Why an episode stopped before the model finished: its step or its token budget. */
    public static final String STOP_STEPS = "steps";
    public static final String STOP_TOKENS = "tokens";

    /** Step (model turns) and token (prompt + completion, summed over turns) budgets of one episode. */
    public record Budgets(int maxSteps, long maxTokens) {
    }

    private final Budgets budgets;
    private final List<RetryRecord> retries = new ArrayList<>();
    private long prompt;
    private long completion;
    private long reasoning;
    private long cached;
    private double e2e;
    private Timing first;
    private int steps;

    public EpisodeMeter(Budgets budgets) {
        this.budgets = budgets;
    }

    /** The budget a next turn would exceed ({@link #STOP_STEPS} or {@link #STOP_TOKENS}), or null while it may run. */
    public String exhausted() {
        if (steps >= budgets.maxSteps()) {
            return STOP_STEPS;
        }
        return prompt + completion >= budgets.maxTokens() ? STOP_TOKENS : null;
    }

    /** Counts one turn. */
    public void add(ChatOutcome outcome) {
        steps++;
        prompt += outcome.usage().promptTokens();
        completion += outcome.usage().completionTokens();
        reasoning += outcome.usage().reasoningTokens();
        cached += outcome.usage().cachedTokens();
        retries.addAll(outcome.retries());
        first = first == null ? outcome.timing() : first;
        e2e += outcome.timing().e2eMs() == null ? 0 : outcome.timing().e2eMs();
    }

    /** The model turns counted so far. */
    public int steps() {
        return steps;
    }

    public Usage usage() {
        return new Usage(prompt, completion, reasoning, cached);
    }

    /** The first turn's time to first byte/token with the turns' end-to-end times summed; none before a turn. */
    public Timing timing() {
        return first == null ? Timing.NONE : new Timing(first.firstByteMs(), first.ttftMs(), first.firstContentMs(), null, e2e);
    }

    public List<RetryRecord> retries() {
        return retries;
    }

    /** The attempt ended by a turn that failed after its retries: that error, with the episode's sums. */
    public ChatOutcome.Failure failure(ChatOutcome.Failure turn) {
        return new ChatOutcome.Failure(turn.error(), turn.partial(), usage(), timing(), retries);
    }

    /** The attempt as one response (the last turn's, or an empty one when no turn ran), with the episode's sums. */
    public ChatOutcome.Success success(Response last) {
        return new ChatOutcome.Success(last == null ? new Response("", null, List.of(), null) : last, usage(), timing(), retries);
    }

    /**
     * The calls as a transcript keeps them: each with an id (a tool message must name the call it answers; a server may
     * omit them), a name, and arguments cut just past {@code maxArgumentChars}, so a model emitting megabytes does not
     * resend them every turn nor bloat the journal (the cut arguments are still refused as too large).
     */
    public static List<ToolCall> withIds(List<ToolCall> calls, int step, int maxArgumentChars) {
        List<ToolCall> out = new ArrayList<>(calls == null ? 0 : calls.size());
        for (int i = 0; calls != null && i < calls.size(); i++) {
            ToolCall c = calls.get(i);
            String id = c.id() == null || c.id().isBlank() ? "call_" + step + "_" + (i + 1) : c.id();
            String args = c.arguments() == null ? "" : c.arguments();
            args = args.length() > maxArgumentChars ? args.substring(0, maxArgumentChars + 1) : args;
            out.add(new ToolCall(id, c.name() == null ? "" : c.name(), args));
        }
        return out;
    }
}
