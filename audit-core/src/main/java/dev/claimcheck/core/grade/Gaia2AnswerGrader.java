package dev.claimcheck.core.grade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimcheck.core.model.Response;
import dev.claimcheck.core.model.ToolCall;
import dev.claimcheck.core.model.Verdict;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * Gaia2 search: the agent's answer to the user equals the oracle's answer after normalisation (docs/workloads/gaia2.md).
 * The answer is the {@code content} of the final turn's {@value #ANSWER_TOOL} call, as ARE's agents answer; a final
 * turn without tool calls answers with its content. A final turn that called other tools only (a budget stopped the
 * episode) has no answer. Normalisation: NFKC, the text after the last {@code </think>}, surrounding whitespace, one
 * pair of enclosing quotes or backticks and a trailing full stop removed, inner whitespace collapsed, case folded;
 * two numbers (thousands commas allowed) are equal when their values are. This is a deterministic stand-in for
 * ARE's judge, which may also accept a paraphrase through its LLM check: so it can only under-count.
 */
public final class Gaia2AnswerGrader extends NamedGrader {
    public static final String ID = "gaia2-answer";
    public static final String VERSION = "1";
    /** ARE's AgentUserInterface tool through which an agent answers the user. */
    public static final String ANSWER_TOOL = "send_message_to_user";
    public static final String EQUAL = "equal";
    public static final String DIFFERENT = "different";
    public static final String NO_ANSWER = "no answer";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ANSWER_CHARS = 64 * 1024;

    public Gaia2AnswerGrader() {
        super(ID, VERSION);
    }

    /** The answer is the whole content (a reply without tool calls). */
    @Override
    public Verdict grade(String response, String expected) {
        return compare(response == null ? "" : response, expected);
    }

    @Override
    public Verdict gradeResponse(Response response, String expected) {
        if (response == null) {
            return verdict(false, null, expected, NO_ANSWER + ": no response");
        }
        List<ToolCall> calls = response.toolCalls() == null ? List.of() : response.toolCalls();
        if (calls.isEmpty()) {
            return grade(response.content(), expected);
        }
        for (int i = calls.size() - 1; i >= 0; i--) {
            ToolCall c = calls.get(i);
            if (ANSWER_TOOL.equals(c.name())) {
                String content = answerArgument(c.arguments());
                return content == null
                        ? verdict(false, null, expected, NO_ANSWER + ": " + ANSWER_TOOL + " arguments are not {\"content\": text}")
                        : compare(content, expected);
            }
        }
        return verdict(false, null, expected, NO_ANSWER + ": the last turn called tools and did not answer");
    }

    private Verdict compare(String answer, String expected) {
        String want = normalize(expected == null ? "" : expected);
        String got = normalize(answer);
        String shown = got.length() > 200 ? got.substring(0, 200) + "…" : got;
        if (got.isEmpty()) {
            return verdict(false, null, expected, NO_ANSWER + ": empty");
        }
        boolean equal = got.equals(want) || sameNumber(got, want);
        return verdict(equal, shown, expected, equal ? EQUAL : DIFFERENT);
    }

    /** The text {@code {"content": …}} carries, or null when the arguments are not that object. */
    static String answerArgument(String arguments) {
        if (arguments == null || arguments.length() > MAX_ANSWER_CHARS) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(arguments);
            return n != null && n.isObject() && n.path("content").isTextual() ? n.get("content").asText() : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** The comparison form of an answer (class comment). */
    public static String normalize(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        int think = s.lastIndexOf("</think>");
        if (think >= 0) {
            s = s.substring(think + "</think>".length());
        }
        s = s.strip();
        if (s.length() >= 2 && enclosing(s.charAt(0), s.charAt(s.length() - 1))) {
            s = s.substring(1, s.length() - 1).strip();
        }
        if (s.endsWith(".") && !s.endsWith("..")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static boolean enclosing(char first, char last) {
        return (first == '"' && last == '"') || (first == '\'' && last == '\'') || (first == '`' && last == '`')
                || (first == '“' && last == '”');
    }

    private static boolean sameNumber(String a, String b) {
        BigDecimal x = number(a);
        BigDecimal y = number(b);
        return x != null && y != null && x.compareTo(y) == 0;
    }

    private static BigDecimal number(String s) {
        if (!s.matches("[-+]?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d+)?")) {
            return null;
        }
        return new BigDecimal(s.replace(",", ""));
    }
}
