package dev.claimcheck.site.run;

import java.util.List;

/**
 * One page of a run's samples ({@code /api/runs/{runId}/samples?page=N}, 1-based).
 *
 * @param verdict the filter: all, correct, wrong or error
 * @param sort journal (the journal's order) or tokens (most output tokens first)
 */
public record SamplePage(String runId, int page, int pages, int pageSize, int total, String verdict, String sort,
                         List<Item> samples) {
    /**
     * One attempt as the sample browser shows it.
     *
     * @param outcome correct, wrong or error
     * @param prompt the last user message, or empty when only the hash was stored
     */
    public record Item(String taskId, int attempt, String outcome, String prompt, String promptSha256, String reasoning,
                       String answer, String extracted, String expected, String detail, String finishReason,
                       long outputTokens, long reasoningTokens, Double ttftMs, Double e2eMs, String error) {
    }
}
