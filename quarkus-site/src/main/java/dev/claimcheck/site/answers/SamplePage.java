package dev.claimcheck.site.answers;

import dev.claimcheck.site.page.Nav;
import java.util.List;

/**
 * The page of one attempt ({@code runs/ID/samples/TASK/ATTEMPT}): the raw output and the grader's reasoning. Every
 * value is formatted text, "" when absent (the template decides what an empty value reads as).
 *
 * @param outcome correct, wrong or error ({@link Outcome})
 * @param transcript an agent attempt's turns after the prompt, else empty
 * @param attempts every attempt at the same task in this run, this one included, for moving between them
 */
public record SamplePage(Nav nav, String runId, String runHref, String modelId, String modelHref, String workload,
                         String suite, String lane, boolean simulated, String taskId, int attempt, String outcome,
                         String glyph, String extracted, String expected, String detail, String score, String error,
                         String prompt, String promptSha256, String reasoning, String answer, String finishReason,
                         String outputTokens, String reasoningTokens, String ttft, String e2e,
                         List<Turn> transcript, List<Attempt> attempts, String gridHref) {

    /** One message of an agent transcript; {@code toolCalls} as the model wrote them. */
    public record Turn(String role, String content, String toolCalls) {
    }

    public record Attempt(int attempt, String href, String outcome, String glyph, boolean current) {
    }
}
