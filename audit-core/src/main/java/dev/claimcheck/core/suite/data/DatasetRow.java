package dev.claimcheck.core.suite.data;

import java.util.Objects;

/**
 * One problem read from a dataset file.
 *
 * @param id the task id, as written in the file (numbers in their plain decimal form)
 * @param problem the problem statement
 * @param answer the reference answer (read from a worked solution's last box when the column held one)
 * @param solution the answer column as written (a worked solution, or the same as {@code answer}); few-shot
 *                 protocols show it after an example's question
 * @param line the 1-based line of the file the row starts on, for error messages
 */
public record DatasetRow(String id, String problem, String answer, String solution, int line) {
    public DatasetRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(solution, "solution");
    }

    /** A row whose answer column is the bare answer. */
    public DatasetRow(String id, String problem, String answer, int line) {
        this(id, problem, answer, answer, line);
    }
}
