package dev.claimcheck.core.stats;

import dev.claimcheck.core.model.Response;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Usage;
import dev.claimcheck.core.model.Verdict;

/** Samples as the math grader leaves them, for stats tests. */
public final class MathSamples {
    private MathSamples() {
    }

    public static Sample math(String task, int attempt, boolean correct, String extracted, long tokens) {
        return math(task, attempt, correct, extracted, tokens, "stop",
                extracted == null ? "response: no answer (no-answer)" : "gold boxed, response boxed");
    }

    public static Sample math(String task, int attempt, boolean correct, String extracted, long tokens, String finish, String detail) {
        return new Sample(task, attempt, null, "h", null, null, new Response("\\boxed{" + extracted + "}", null, null, finish),
                new Usage(10, tokens, 0, 0), null,
                new Verdict(correct, correct ? 1 : 0, extracted, "7", "math", "1", detail), null, null);
    }
}
