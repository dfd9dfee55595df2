package dev.claimcheck.core.grade;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.claimcheck.core.model.DocsDetail;
import dev.claimcheck.core.model.Verdict;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Grounded-document answers: one JSON object in the response, graded by exact field match (extraction) or by the
 * answer plus a cited span (yes/no compliance checks, knowledge-base questions). A citation counts only when it
 * exists verbatim in the document (whitespace collapsed) and contains the answer (for a compliance check: the
 * deciding phrase); a right answer with a fabricated citation is not grounded. The expected answer is compact
 * JSON written by the suite: {@code {"task":"extract","fields":{…},"types":{…}}}, {@code {"task":"comply",
 * "answer":"yes","decisive":"45 days"}} or {@code {"task":"kbqa","answer":"Lisbon"}}. Hostile output (huge,
 * deeply nested, not JSON) is a verdict with a reason, never an exception.
 */
public final class DocsGrader extends NamedGrader {
    public static final String ID = "docs-grounded";
    public static final String VERSION = "1";

    public DocsGrader() {
        super(ID, VERSION);
    }
    static final int MAX_RESPONSE_CHARS = 256 * 1024;
    private static final ObjectMapper JSON = limited();

    /** Without the document, citations are checked for containing the answer only (said so in the detail). */
    @Override
    public Verdict grade(String response, String expected) {
        return grade(response, expected, null);
    }

    /** @param document the document the task was about (null when not available) */
    public Verdict grade(String response, String expected, String document) {
        JsonNode want = parse(expected);
        if (want == null || !want.path("task").isTextual()) {
            return verdict(false, null, expected, new DocsDetail(0, 0, 0, 0, false, "expected answer is not docs JSON"));
        }
        String task = want.path("task").asText();
        int fields = task.equals("extract") ? want.path("fields").size() : 1;
        boolean cites = !task.equals("extract");
        if (response == null || response.isBlank()) {
            return verdict(false, null, expected, new DocsDetail(fields, 0, 0, 0, cites, "empty response"));
        }
        if (response.length() > MAX_RESPONSE_CHARS) {
            return verdict(false, null, expected, new DocsDetail(fields, 0, 0, 0, cites,
                    "response longer than " + MAX_RESPONSE_CHARS + " characters"));
        }
        int open = response.indexOf('{');
        int close = response.lastIndexOf('}');
        JsonNode got = open < 0 || close < open ? null : parse(response.substring(open, close + 1));
        if (got == null || !got.isObject()) {
            return verdict(false, null, expected, new DocsDetail(fields, 0, 0, 0, cites, "no readable JSON object"));
        }
        String extracted = clip(got.toString());
        if (task.equals("extract")) {
            int right = 0;
            Iterator<Map.Entry<String, JsonNode>> it = want.path("fields").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                String type = want.path("types").path(f.getKey()).asText("string");
                if (fieldMatches(got.get(f.getKey()), f.getValue().asText(), type)) {
                    right++;
                }
            }
            boolean all = right == fields;
            return verdict(all, extracted, expected, new DocsDetail(fields, right, 0, 0, false,
                    all ? "grounded" : (fields - right) + " of " + fields + " fields differ"));
        }
        String answer = want.path("answer").asText();
        JsonNode a = got.get("answer");
        boolean answerRight = a != null && (task.equals("comply") ? yesNo(a).equals(answer)
                : a.isValueNode() && text(a.asText()).equals(text(answer)));
        JsonNode q = got.get("quote");
        String quote = q != null && q.isTextual() ? q.asText() : "";
        int citations = quote.isBlank() ? 0 : 1;
        String mustContain = task.equals("comply") ? want.path("decisive").asText() : answer;
        boolean inDocument = document == null || spaces(document).contains(spaces(quote));
        boolean valid = citations == 1 && inDocument && text(quote).contains(text(mustContain));
        boolean grounded = answerRight && valid;
        String reason = grounded ? "grounded" : !answerRight ? "wrong answer" : citations == 0 ? "no citation"
                : !inDocument ? "citation not in the document" : "citation does not contain the answer";
        if (document == null) {
            reason += " (document not available: citation checked for the answer only)";
        }
        return verdict(grounded, extracted, expected, new DocsDetail(1, answerRight ? 1 : 0, citations, valid ? 1 : 0, true,
                reason));
    }

    private static boolean fieldMatches(JsonNode got, String want, String type) {
        if (got == null || !got.isValueNode()) {
            return false;
        }
        if (type.equals("integer")) {
            try {
                return new BigDecimal(got.asText().replace(",", "").strip()).compareTo(new BigDecimal(want)) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return text(got.asText()).equals(text(want));
    }

    private static String yesNo(JsonNode a) {
        if (a.isBoolean()) {
            return a.asBoolean() ? "yes" : "no";
        }
        String t = text(a.asText());
        return t.equals("yes") || t.equals("true") ? "yes" : t.equals("no") || t.equals("false") ? "no" : t;
    }

    /** Case-folded, NFKC, whitespace collapsed, trailing period dropped: how answers and fields are compared. */
    static String text(String s) {
        String t = spaces(Normalizer.normalize(s, Normalizer.Form.NFKC)).toLowerCase(Locale.ROOT);
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }

    /** Whitespace collapsed, nothing else: a citation must be the document's own words. */
    static String spaces(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException | RuntimeException e) {
            return null;
        }
    }

    private Verdict verdict(boolean grounded, String extracted, String expected, DocsDetail detail) {
        return verdict(grounded, extracted, expected, detail.toJson());
    }

    private static String clip(String s) {
        return s.length() <= 2000 ? s : s.substring(0, 2000) + "…";
    }

    private static ObjectMapper limited() {
        JsonMapper mapper = JsonMapper.builder().build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(16).maxStringLength(64 * 1024).maxNumberLength(64).build());
        return mapper;
    }
}
