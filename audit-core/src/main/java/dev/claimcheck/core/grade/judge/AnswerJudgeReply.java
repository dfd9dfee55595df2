package dev.claimcheck.core.grade.judge;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An answer judge's reply read in the fixed shape {@code {"verdict": "correct" | "incorrect", "reason": "<text>"}}
 * (docs/grading/math.md, judge prompt {@code math-judge-v1}): parsed, or a parse failure with its reason. A failure is
 * counted as such, never read as either verdict.
 *
 * @param correct the judge's verdict (null on failure)
 * @param reason the judge's reason (null on failure)
 * @param failure why the reply could not be read (null when parsed)
 */
public record AnswerJudgeReply(Boolean correct, String reason, String failure) {
    public static final String CORRECT = "correct";
    public static final String INCORRECT = "incorrect";

    public boolean parsed() {
        return failure == null;
    }

    public static AnswerJudgeReply read(String reply) {
        JudgeJson json = JudgeJson.read(reply);
        if (json.failure() != null) {
            return fail(json.failure());
        }
        JsonNode verdict = json.object().get("verdict");
        if (verdict == null || !verdict.isTextual()) {
            return fail("no string \"verdict\"");
        }
        String v = verdict.asText();
        if (!v.equals(CORRECT) && !v.equals(INCORRECT)) {
            return fail("verdict '" + v + "' is neither \"" + CORRECT + "\" nor \"" + INCORRECT + "\"");
        }
        JsonNode reason = json.object().get("reason");
        if (reason == null || !reason.isTextual()) {
            return fail("no string \"reason\"");
        }
        return new AnswerJudgeReply(v.equals(CORRECT), reason.asText(), null);
    }

    private static AnswerJudgeReply fail(String reason) {
        return new AnswerJudgeReply(null, null, reason);
    }
}
