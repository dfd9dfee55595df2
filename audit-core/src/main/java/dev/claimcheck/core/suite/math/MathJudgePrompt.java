package dev.claimcheck.core.suite.math;

import dev.claimcheck.core.model.ChatMessage;
import java.util.List;

/**
 * The prompt the answer judge receives (docs/grading/math.md#judge): the problem, the reference answer and the
 * response, and the fixed reply shape {@code {"verdict": "correct" | "incorrect", "reason": "…"}}. Any change to the
 * text is a new {@link #VERSION}, recorded with every judge verdict, since a different prompt is a different grader.
 */
final class MathJudgePrompt {
    static final String VERSION = "math-judge-v1";
    /** Characters of the response kept, from its end, where the final answer is. */
    static final int RESPONSE_TAIL = 16_000;
    static final String OMITTED = "[… earlier part of the response omitted …]\n";

    private MathJudgePrompt() {
    }

    static List<ChatMessage> messages(String problem, String reference, String response) {
        String r = response == null ? "" : response;
        if (r.length() > RESPONSE_TAIL) {
            r = OMITTED + r.substring(r.length() - RESPONSE_TAIL);
        }
        String text = "You are checking whether a response to a mathematics problem reaches the reference answer.\n"
                + "Judge only the final answer the response commits to, not its reasoning. It is correct when it is"
                + " mathematically equivalent to the reference answer (the same number, set, interval, expression or"
                + " function, however written); it is incorrect when it differs, when the response gives no final answer,"
                + " or when it gives several different ones.\n\n"
                + "# Problem\n\n" + problem + "\n\n"
                + "# Reference answer\n\n" + reference + "\n\n"
                + "# Response\n\n" + r + "\n\n"
                + "# Your reply\n\n"
                + "Reply with one JSON object and nothing else: {\"verdict\": \"correct\" or \"incorrect\", \"reason\":"
                + " \"<the response's final answer, and why it is or is not equivalent to the reference>\"}";
        return List.of(ChatMessage.user(text));
    }
}
