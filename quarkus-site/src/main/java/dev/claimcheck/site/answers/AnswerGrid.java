package dev.claimcheck.site.answers;

import dev.claimcheck.site.page.Nav;
import java.util.List;

/**
 * Every answer of some runs on one task set: a row per task, a column per run, in each cell the task's attempts
 * (each a link to its sample page), the cell shaded by the share correct. A board's grid has one column per model
 * and lane; a run's grid has one column.
 *
 * @param subject what the grid covers: the board's workload, suite and dataset, or the run's model, workload, suite and id
 * @param backHref the board's or the run's page
 * @param board true for a board's grid, false for a run's
 */
public record AnswerGrid(Nav nav, List<String> subject, String backHref, boolean board, List<Column> columns, List<Row> rows,
                         int samples) {

    public record Column(String model, String modelHref, String lane, String runId, String runHref, boolean simulated,
                         String score) {
    }

    public record Row(String taskId, List<Cell> cells) {
    }

    /** @param shade heat0 … heat10 by the share correct, heat-none when the run has no attempt at the task */
    public record Cell(String shade, int correct, int total, List<SamplePage.Attempt> attempts) {
    }
}
