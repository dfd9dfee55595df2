package dev.claimcheck.core.grade.math;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the final answer from a long response or a worked solution: the last box (several boxes
 * close together count as one list), else a final-answer cue line (English, Chinese, French),
 * else the last math segment, else the whole text when it is short math, else the last bare
 * number. Everything is linear in the text length.
 */
public final class AnswerExtractor {
    private static final Pattern CUE = Pattern.compile(
            "(?i)(?:final\\s+answer\\s*(?:is)?\\s*[:：]?|answer\\s*(?:is)?\\s*[:：]|answer\\s+is\\b|"
            + "r[ée]ponse\\s*(?:est|:)|答案\\s*(?:是|为|：|:)|最终答案\\s*(?:是|为|：|:)?)\\s*");
    private static final Pattern HOPE = Pattern.compile("(?i)\\s*I hope it is correct\\.?.*$");
    private static final Pattern MATH_SEGMENT = Pattern.compile(
            "\\$\\$(.+?)\\$\\$|\\\\\\[(.+?)\\\\\\]|(?<!\\\\)\\$([^$\\n]+?)(?<!\\\\)\\$|\\\\\\(([^\\n]+?)\\\\\\)", Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![A-Za-z0-9.,\\\\])-?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?:/\\d+)?");
    private static final Pattern PROSE_WORD = Pattern.compile("(?<![\\\\A-Za-z])[A-Za-z]{3,}|[\\p{IsHan}]");
    private static final Pattern SEPARATOR = Pattern.compile("(?i)\\band\\b|\\bor\\b|,|;|和|或");
    /** Longest tail of a response that cue and math-segment rules read. */
    private static final int TAIL = 20_000;

    private AnswerExtractor() {
    }

    /** Extraction for a gold answer: boxes are joined as a chain; otherwise the whole text is the answer. */
    public static Extraction fromGold(String gold) {
        if (gold == null || gold.isBlank()) {
            return Extraction.none("empty");
        }
        BoxFinder.Boxes boxes = BoxFinder.find(gold);
        if (!boxes.boxes().isEmpty()) {
            return chain(gold, boxes.boxes());
        }
        if (gold.length() > 300) {
            return fromResponse(gold);
        }
        return new Extraction(gold.strip(), "whole", null);
    }

    /** Extraction for a model response. */
    public static Extraction fromResponse(String response) {
        if (response == null || response.isBlank()) {
            return Extraction.none("empty");
        }
        BoxFinder.Boxes boxes = BoxFinder.find(response);
        if (boxes.unclosed()) {
            return Extraction.none("malformed-box");
        }
        if (!boxes.boxes().isEmpty()) {
            return chain(response, boxes.boxes());
        }
        String tail = response.length() > TAIL ? response.substring(response.length() - TAIL) : response;
        String cue = afterLastCue(tail);
        if (cue != null) {
            return new Extraction(cue, "cue", null);
        }
        String segment = lastMathSegment(tail);
        if (segment != null) {
            return new Extraction(segment, "math-segment", null);
        }
        String stripped = tail.strip();
        if (stripped.length() <= 200 && !isProse(stripped)) {
            return new Extraction(stripped, "whole", null);
        }
        String number = lastNumber(tail);
        if (number != null) {
            return new Extraction(number, "last-number", null);
        }
        return stripped.length() <= 200 ? new Extraction(stripped, "text", null) : Extraction.none("no-answer");
    }

    /** The last box, or the trailing run of boxes separated by little text or by "and"/","/"or". */
    private static Extraction chain(String text, List<BoxFinder.Box> boxes) {
        int last = boxes.size() - 1;
        int first = last;
        while (first > 0) {
            String gap = text.substring(boxes.get(first - 1).end(), boxes.get(first).start()).strip();
            boolean shortGap = gap.length() < 10;
            boolean listGap = gap.length() < 70 && SEPARATOR.matcher(gap).find();
            if (!shortGap && !listGap) {
                break;
            }
            first--;
        }
        String lastBox = boxes.get(last).content();
        if (first == last) {
            return new Extraction(lastBox, "boxed", null);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = first; i <= last; i++) {
            if (i > first) {
                sb.append(", ");
            }
            sb.append(boxes.get(i).content());
        }
        return new Extraction(sb.toString(), "boxed-chain", lastBox);
    }

    private static String afterLastCue(String text) {
        Matcher m = CUE.matcher(text);
        int at = -1;
        while (m.find()) {
            at = m.end();
        }
        if (at < 0) {
            return null;
        }
        int nl = text.indexOf('\n', at);
        String rest = (nl < 0 ? text.substring(at) : text.substring(at, nl)).strip();
        if (rest.isEmpty() && nl >= 0) {
            int nl2 = text.indexOf('\n', nl + 1);
            rest = (nl2 < 0 ? text.substring(nl + 1) : text.substring(nl + 1, nl2)).strip();
        }
        rest = HOPE.matcher(rest).replaceAll("").strip();
        if (rest.isEmpty()) {
            return null;
        }
        int is = rest.lastIndexOf(" is ");
        if (is >= 0 && isProse(rest.substring(0, is))) {
            rest = rest.substring(is + 4).strip();
        }
        String segment = lastMathSegment(rest);
        if (segment != null) {
            return segment;
        }
        if (isProse(rest)) {
            String number = firstNumber(rest);
            return number != null ? number : rest;
        }
        return rest;
    }

    static String lastMathSegment(String text) {
        Matcher m = MATH_SEGMENT.matcher(text);
        String found = null;
        while (m.find()) {
            for (int g = 1; g <= 4; g++) {
                if (m.group(g) != null && !m.group(g).isBlank()) {
                    found = m.group(g).strip();
                }
            }
        }
        return found;
    }

    static boolean isProse(String s) {
        Matcher m = PROSE_WORD.matcher(s);
        while (m.find()) {
            if (!Lexer.WORDS.contains(m.group())) {
                return true;
            }
        }
        return false;
    }

    private static String lastNumber(String text) {
        Matcher m = NUMBER.matcher(text);
        String found = null;
        while (m.find()) {
            found = m.group();
        }
        return found;
    }

    private static String firstNumber(String text) {
        Matcher m = NUMBER.matcher(text);
        return m.find() ? m.group() : null;
    }
}
