package dev.claimcheck.site.cost;

import dev.claimcheck.core.model.Sample;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A run's token and time totals, summed from its journal: what the endpoint reported per attempt
 * ({@code usage.prompt_tokens}, {@code completion_tokens}, {@code prompt_tokens_details.cached_tokens}) and the
 * per-request end-to-end time. Failed tries before an attempt's outcome are not in the journal's usage, so they are
 * not counted.
 *
 * @param tasks distinct task ids with an attempt
 * @param attempts attempts in the journal (graded or errored)
 * @param reported attempts with any token count from the endpoint (an attempt that errored before a response has none)
 * @param promptTokens prompt tokens over all attempts, cached ones included
 * @param cachedTokens the part of {@code promptTokens} the server reported as served from its prefix cache
 * @param completionTokens completion tokens over all attempts, reasoning included
 * @param timed attempts with an end-to-end time
 * @param e2eMsTotal the sum of those times, in milliseconds
 */
public record RunUsage(int tasks, int attempts, int reported, long promptTokens, long cachedTokens, long completionTokens,
                       int timed, double e2eMsTotal) {
    public static final RunUsage NONE = new RunUsage(0, 0, 0, 0, 0, 0, 0, 0);

    public static RunUsage of(List<Sample> samples) {
        Set<String> tasks = new HashSet<>();
        long prompt = 0;
        long cached = 0;
        long completion = 0;
        int reported = 0;
        int timed = 0;
        double e2e = 0;
        for (Sample s : samples) {
            tasks.add(s.taskId());
            if (s.usage().promptTokens() + s.usage().completionTokens() > 0) {
                reported++;
            }
            prompt += s.usage().promptTokens();
            // A server may report more cached tokens than prompt tokens; never more than the prompt is cached.
            cached += Math.min(s.usage().cachedTokens(), s.usage().promptTokens());
            completion += s.usage().completionTokens();
            if (s.timing().e2eMs() != null) {
                timed++;
                e2e += s.timing().e2eMs();
            }
        }
        return new RunUsage(tasks.size(), samples.size(), reported, prompt, cached, completion, timed, e2e);
    }

    /** Whether the endpoint reported any token count (a run of errored attempts has none to price). */
    public boolean counted() {
        return reported > 0;
    }

    /** Mean end-to-end time per attempt in milliseconds; null when no attempt was timed. */
    public Double meanE2eMs() {
        return timed == 0 ? null : e2eMsTotal / timed;
    }

    /** Mean prompt tokens over the attempts the endpoint reported counts for; null when it reported none. */
    public Double meanPromptTokens() {
        return reported == 0 ? null : (double) promptTokens / reported;
    }

    /**
     * Completion tokens (reasoning included) over the run's tasks: one task with all its attempts, a multi-turn
     * episode with every turn; null when the endpoint reported no counts.
     */
    public Double outputTokensPerTask() {
        return reported == 0 || tasks == 0 ? null : (double) completionTokens / tasks;
    }

    /** Mean cached prompt tokens over the same attempts. */
    public Double meanCachedTokens() {
        return reported == 0 ? null : (double) cachedTokens / reported;
    }
}
