package dev.claimcheck.core.suite.swebench;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * run.json {@code metrics.swebench}: how the graded episodes ended and what their patches did, counted over graded
 * attempts (docs/workloads/swebench.md). The resolved rate itself is {@code metrics.score}.
 *
 * @param resolved attempts whose patch passed every FAIL_TO_PASS and PASS_TO_PASS test
 * @param submitted episodes ended by the submit command
 * @param answered episodes ended by a turn with no command
 * @param stepStops episodes stopped by {@code --max-steps} (not evaluated)
 * @param tokenStops episodes stopped by {@code --max-episode-tokens} (not evaluated)
 * @param emptyPatches submitted or answered episodes whose copy did not change (not evaluated)
 * @param evaluated patches evaluated in the sandbox
 * @param notApplied evaluated patches (or their test patch) that did not apply, or whose tests errored or timed out
 * @param commands bash commands run, summed
 * @param meanSteps model turns per graded attempt
 * @param imported attempts imported from a submission (absent in an agent run, as are the two below)
 * @param claimedResolved imported attempts whose report.json says resolved
 * @param disagreements imported attempts whose report.json and re-scored log disagree (no report counts as unresolved)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SwebenchMetrics(int resolved, int submitted, int answered, int stepStops, int tokenStops, int emptyPatches,
                              int evaluated, int notApplied, int commands, double meanSteps, Integer imported,
                              Integer claimedResolved, Integer disagreements) {
}
