package dev.claimcheck.core.grade.proof;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Pattern;

/**
 * A proof judge's reply read in the fixed shape {@code {"points": <number>, "justification": "<text>"}}: parsed, or a
 * parse failure with its reason. A failure is counted as such by the proof figures, never read as 0 points.
 *
 * @param points the points awarded (null on failure)
 * @param justification the judge's reason (null on failure)
 * @param failure why the reply could not be read (null when parsed)
 */
public record JudgeReply(Double points, String justification, String failure) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern THINK = Pattern.compile("(?s)<think>.*?</think>");
    /** Replies are model output: bounded before parsing. */
    static final int MAX_CHARS = 200_000;

    public boolean parsed() {
        return failure == null;
    }

    /** Reads a reply against a problem worth {@code maxPoints}: points must be a number in [0, maxPoints]. */
    public static JudgeReply read(String reply, double maxPoints) {
        if (reply == null || reply.isBlank()) {
            return fail("empty reply");
        }
        if (reply.length() > MAX_CHARS) {
            return fail("reply longer than " + MAX_CHARS + " characters");
        }
        // Reasoning models may think aloud before the object, and many wrap it in a ```json fence: read the outermost
        // object of what remains.
        String text = THINK.matcher(reply).replaceAll("");
        int open = text.indexOf('{');
        int close = text.lastIndexOf('}');
        if (open < 0 || close < open) {
            return fail("no JSON object in the reply");
        }
        JsonNode node;
        try {
            node = JSON.readTree(text.substring(open, close + 1));
        } catch (JsonProcessingException e) {
            return fail("not valid JSON: " + e.getOriginalMessage());
        }
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
