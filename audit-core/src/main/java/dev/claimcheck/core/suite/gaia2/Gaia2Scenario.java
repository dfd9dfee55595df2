package dev.claimcheck.core.suite.gaia2;

/**
 * One Gaia2 search scenario as the suite uses it: its row, ids, the user's task and the oracle's answer.
 *
 * @param row 1-based row in the parquet file
 */
record Gaia2Scenario(long row, String id, String scenarioId, String split, String question, String answer) {
}
