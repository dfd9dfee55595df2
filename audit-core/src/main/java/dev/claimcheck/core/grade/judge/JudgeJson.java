package dev.claimcheck.core.grade.judge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Pattern;

/**
 * The JSON object of a judge model's reply, shared by every judge reply shape (proof points, answer verdicts):
 * reasoning models may think aloud before it ({@code <think>…</think>} is dropped) and many wrap it in a
 * {@code ```json} fence, so the outermost object of what remains is read. Replies are model output: bounded first.
 *
 * @param object the object read (null on failure)
 * @param failure why no object could be read (null when read)
 */
public record JudgeJson(JsonNode object, String failure) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern THINK = Pattern.compile("(?s)<think>.*?</think>");
    /** Longest reply read at all. */
    public static final int MAX_CHARS = 200_000;

    public static JudgeJson read(String reply) {
        if (reply == null || reply.isBlank()) {
            return new JudgeJson(null, "empty reply");
        }
        if (reply.length() > MAX_CHARS) {
            return new JudgeJson(null, "reply longer than " + MAX_CHARS + " characters");
        }
        String text = THINK.matcher(reply).replaceAll("");
        int open = text.indexOf('{');
        int close = text.lastIndexOf('}');
        if (open < 0 || close < open) {
            return new JudgeJson(null, "no JSON object in the reply");
        }
        try {
            JsonNode node = JSON.readTree(text.substring(open, close + 1));
            return node != null && node.isObject() ? new JudgeJson(node, null) : new JudgeJson(null, "no JSON object in the reply");
        } catch (JsonProcessingException e) {
            return new JudgeJson(null, "not valid JSON: " + e.getOriginalMessage());
        }
    }
}
