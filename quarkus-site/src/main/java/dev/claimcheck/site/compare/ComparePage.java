package dev.claimcheck.site.compare;

import dev.claimcheck.site.page.Nav;
import java.util.List;

/**
 * The view model of {@code /compare?a=RUN&b=RUN}: two runs of one suite on one dataset, task by task.
 *
 * @param groups the runs that can be compared, by suite and dataset, for the selectors
 * @param note why nothing is compared (no choice yet, an unknown run, runs that are not comparable); empty with a result
 * @param result the comparison, or null
 */
public record ComparePage(Nav nav, List<Group> groups, String a, String b, String note, Result result) {
    /** The runs of one suite on one dataset (their sha256), latest first. */
    public record Group(String label, List<Choice> runs) {
    }

    public record Choice(String runId, String label, boolean selectedA, boolean selectedB) {
    }

    /** One side: the run's headline figures. */
    public record Side(String runId, String href, String model, String modelHref, String lane, boolean simulated,
                       String score, String ci, String outputTokens, int tasks) {
    }

    /**
     * @param difference A − B in points of score over the paired tasks; {@code ci} its 95% t interval
     * @param sentence the computed reading (which is higher, and whether the interval excludes 0)
     * @param aBetter tasks where A's mean score is higher; likewise {@code bBetter}, and {@code same}
     * @param differing the tasks whose means differ, by task id, at most {@link CompareView#MAX_ROWS}
     * @param more differing tasks not listed
     */
    public record Result(Side sideA, Side sideB, String suite, String dataset, String datasetSha256, String difference,
                         String ci, int pairedTasks, int unpaired, String sentence, int aBetter, int bBetter, int same,
                         List<TaskRow> differing, int more) {
    }

    public record TaskRow(String taskId, String a, String b) {
    }
}
