package dev.claimcheck.core.suite.longctx;

/**
 * Accuracy of one (length, depth) cell of a long-context run ({@code metrics.cells[]} in run.json).
 *
 * @param length target prompt length in tokens of the run's tokenizer (8k = 8192)
 * @param depth where the planted material sits, in percent of the haystack (0 = start, 100 = end)
 * @param accuracy mean verdict score over the cell's graded attempts
 * @param ci95Low cluster-robust (by task) 95% interval, clipped to [0, 1]; null with fewer than 2 tasks
 * @param ci95High upper end, likewise
 * @param n graded attempts in the cell
 */
public record LongctxCell(int length, int depth, double accuracy, Double ci95Low, Double ci95High, int n) {
}
