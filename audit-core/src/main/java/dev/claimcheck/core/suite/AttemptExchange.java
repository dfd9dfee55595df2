package dev.claimcheck.core.suite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.endpoint.ChatOutcome;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.JudgeVerdict;
import dev.claimcheck.core.model.Verdict;
import java.util.List;
import java.util.Objects;

/**
 * What one attempt exchanged with the endpoint: a single request by default, a whole episode for a multi-turn
 * suite (agent). The run engine journals it as one sample line either way.
 *
 * @param outcome the final response (usage and retries summed over every request of the attempt), or the error
 *                that ended it
 * @param request the body sent, minus messages (a multi-turn suite adds its {@code tools})
 * @param transcript every message after the prompt, in order; null for a single request
 * @param verdict the suite's judgement when it grades the exchange itself; null: the engine grades the content
 * @param judge a judge model's verdict beside {@code verdict} (math with {@code --judge}), else null
 */
public record AttemptExchange(ChatOutcome outcome, ObjectNode request, List<ChatMessage> transcript, Verdict verdict,
                              JudgeVerdict judge) {
    public AttemptExchange {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(request, "request");
        transcript = transcript == null ? null : List.copyOf(transcript);
    }

    /** An exchange no judge model graded. */
    public AttemptExchange(ChatOutcome outcome, ObjectNode request, List<ChatMessage> transcript, Verdict verdict) {
        this(outcome, request, transcript, verdict, null);
    }

    /** One request, graded by the engine from the response content. */
    public static AttemptExchange single(ChatOutcome outcome, ObjectNode request) {
        return new AttemptExchange(outcome, request, null, null);
    }
}
