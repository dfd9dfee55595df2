package dev.claimcheck.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * One line of a run's journal ({@code samples.jsonl}): one finished attempt, graded or errored.
 * Exactly one of {@code verdict} and {@code error} is set.
 *
 * @param messages the prompt, or null when the dataset is not redistributable (then only the hash)
 * @param targetTokens requested prompt length for generated prompts, else null
 * @param request the body sent, minus messages
 * @param retries failed tries before the final outcome, in order
 * @param transcript for a multi-turn attempt (agent), every message after {@code messages}: assistant turns with
 *                   their tool calls and the tool results, in order; null for single-request attempts
 * @param load the serving bench's per-request record (throughput workload only, else null)
 * @param judge a judge model's verdict beside {@code verdict} (math with {@code --judge}), else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Sample(String taskId, int attempt, List<ChatMessage> messages, String promptSha256, Long targetTokens,
                     ObjectNode request, Response response, Usage usage, Timing timing, Verdict verdict,
                     AttemptError error, List<RetryRecord> retries, List<ChatMessage> transcript, LoadRecord load,
                     JudgeVerdict judge) {
    public Sample {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(promptSha256, "promptSha256");
        if (attempt < 0) {
            throw new IllegalArgumentException("attempt must be >= 0");
        }
        if ((verdict == null) == (error == null)) {
            throw new IllegalArgumentException("sample " + taskId + "#" + attempt + " needs exactly one of verdict and error");
        }
        retries = retries == null ? List.of() : List.copyOf(retries);
        usage = usage == null ? Usage.NONE : usage;
        timing = timing == null ? Timing.NONE : timing;
        transcript = transcript == null ? null : List.copyOf(transcript);
        if (judge != null && verdict == null) {
            throw new IllegalArgumentException("sample " + taskId + "#" + attempt + " has a judge verdict but no verdict");
        }
    }

    /** An attempt no judge model graded. */
    public Sample(String taskId, int attempt, List<ChatMessage> messages, String promptSha256, Long targetTokens,
                  ObjectNode request, Response response, Usage usage, Timing timing, Verdict verdict,
                  AttemptError error, List<RetryRecord> retries, List<ChatMessage> transcript, LoadRecord load) {
        this(taskId, attempt, messages, promptSha256, targetTokens, request, response, usage, timing, verdict, error,
                retries, transcript, load, null);
    }

    /** A single-request attempt of a workload without load records (no transcript, no load). */
    public Sample(String taskId, int attempt, List<ChatMessage> messages, String promptSha256, Long targetTokens,
                  ObjectNode request, Response response, Usage usage, Timing timing, Verdict verdict,
                  AttemptError error, List<RetryRecord> retries) {
        this(taskId, attempt, messages, promptSha256, targetTokens, request, response, usage, timing, verdict, error,
                retries, null, null);
    }

    /** The journal key: one line per (task, attempt). */
    public AttemptKey key() {
        return new AttemptKey(taskId, attempt);
    }

    public boolean graded() {
        return verdict != null;
    }
}
