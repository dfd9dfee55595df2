package dev.claimcheck.core.grade.proof;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.grade.judge.JudgeJson;

/**
 * A proof judge's reply read in the fixed shape {@code {"points": <number>, "justification": "<text>"}}: parsed, or a
 * parse failure with its reason. A failure is counted as such by the proof figures, never read as 0 points.
 *
 * @param points the points awarded (null on failure)
 * @param justification the judge's reason (null on failure)
 * @param failure why the reply could not be read (null when parsed)
 */
public record JudgeReply(Double points, String justification, String failure) {
    /** Replies are model output: bounded before parsing. */
    static final int MAX_CHARS = JudgeJson.MAX_CHARS;

    public boolean parsed() {
        return failure == null;
    }

    /** Reads a reply against a problem worth {@code maxPoints}: points must be a number in [0, maxPoints]. */
    public static JudgeReply read(String reply, double maxPoints) {
        JudgeJson json = JudgeJson.read(reply);
        if (json.failure() != null) {
            return fail(json.failure());
        }
        JsonNode node = json.object();
        JsonNode points = node.get("points");
        if (points == null || !points.isNumber()) {
            return fail("no numeric \"points\"");
        }
        JsonNode justification = node.get("justification");
        if (justification == null || !justification.isTextual()) {
            return fail("no string \"justification\"");
        }
        double p = points.asDouble();
        if (!(p >= 0 && p <= maxPoints)) {
            return fail("points " + points.asText() + " outside [0, " + format(maxPoints) + "]");
        }
        return new JudgeReply(p, justification.asText(), null);
    }

    private static JudgeReply fail(String reason) {
        return new JudgeReply(null, null, reason);
    }

    static String format(double x) {
        return x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x);
    }
}
