package dev.claimcheck.core.grade.math;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Final-answer cues ("The answer is", "Final answer:", "**Answer:**", "答案是", "Réponse :", GSM8K's "#### N") and
 * the answer read after one (docs/grading/math.md, "Extraction"). Version 1 reads the rest of the last cue's line
 * (the last "… is X" of it, else its math segments, else its first number); version 2 reads the first complete
 * math span after the cue ({@link MathSpan}), from the last cue that has one.
 */
final class CueReader {
    private static final Pattern CUE = Pattern.compile(
            "(?i)(?:final\\s+answer\\s*(?:is)?\\s*[:：]?|answer\\s*(?:is)?\\s*[:：]|answer\\s+is\\b|"
            + "r[ée]ponse\\s*(?:est|:)|答案\\s*(?:是|为|：|:)|最终答案\\s*(?:是|为|：|:)?)\\s*");
    /** Version 2 adds GSM8K's final line, "#### 18", at the start of a line. */
    private static final Pattern CUE_V2 = Pattern.compile(
            "(?im)(?:final\\s+answer\\s*(?:is)?\\s*[:：]?|answer\\s*(?:is)?\\s*[:：]|answer\\s+is\\b|"
            + "r[ée]ponse\\s*(?:est|:)|答案\\s*(?:是|为|：|:)|最终答案\\s*(?:是|为|：|:)?|^[ \\t]*####(?!#))[ \\t]*");
    private static final Pattern HOPE = Pattern.compile("(?i)\\s*I hope it is correct\\.?.*$");
    /** Cues tried from the last backwards before giving up: bounds the work on a response that repeats "answer is". */
    private static final int MAX_CUES_TRIED = 16;

    /**
     * A cue and what was read after it.
     *
     * @param at where the cue starts in the text
     * @param isFinal a "final answer" or "####" cue, which may overrule an earlier box (version 2)
     * @param answer the answer read after it (null when none)
     */
    record Cue(int at, boolean isFinal, String answer) {
    }

    private CueReader() {
    }

    private static boolean mayHaveCue(String text) {
        return text.indexOf("nswer") >= 0 || text.indexOf("NSWER") >= 0 || text.indexOf("\u7b54\u6848") >= 0
                || text.indexOf("ponse") >= 0 || text.indexOf("####") >= 0;
    }

    /** Version 1: the last cue in the text and the rest of its line as v1 reads it; null when there is no cue. */
    static Cue lastV1(String text) {
        if (text.indexOf("nswer") < 0 && text.indexOf("NSWER") < 0 && text.indexOf("\u7b54\u6848") < 0
                && text.indexOf("ponse") < 0) {
            return null;
        }
        Matcher m = CUE.matcher(text);
        int at = -1;
        int start = -1;
        while (m.find()) {
            at = m.end();
            start = m.start();
        }
        if (at < 0) {
            return null;
        }
        return new Cue(start, false, afterCueV1(text, at));
    }

    /**
     * Version 2: the last cue starting at or after {@code from} whose text holds a complete math span, with that span;
     * null when none does. With {@code finalOnly}, only "final answer" and "####" cues count.
     */
    static Cue lastWithSpan(String text, int from, boolean finalOnly) {
        if (!mayHaveCue(text)) {
            return null;
        }
        Matcher m = CUE_V2.matcher(text);
        List<int[]> found = new ArrayList<>();
        while (m.find()) {
            if (m.start() >= from) {
                found.add(new int[] {m.start(), m.end()});
            }
        }
        for (int c = found.size() - 1; c >= 0 && c >= found.size() - MAX_CUES_TRIED; c--) {
            int start = found.get(c)[0];
            int end = found.get(c)[1];
            String cue = text.substring(start, end).strip();
            boolean gsm8k = cue.startsWith("####");
            boolean isFinal = gsm8k || cue.toLowerCase(java.util.Locale.ROOT).startsWith("final") || cue.startsWith("最终");
            if (finalOnly && !isFinal) {
                continue;
            }
            MathSpan.After after = gsm8k ? MathSpan.After.WHOLE_LINE : endsWithCopula(cue) ? MathSpan.After.COPULA
                    : MathSpan.After.LABEL;
            String span = MathSpan.first(cueText(text, end), after);
            if (span != null) {
                return new Cue(start, isFinal, span);
            }
        }
        return null;
    }

    /** "… answer is", "答案是", "réponse est": the answer must follow at once; "Answer:" is a label. */
    private static boolean endsWithCopula(String cue) {
        String c = cue.toLowerCase(java.util.Locale.ROOT);
        return c.endsWith("is") || c.endsWith("\u662f") || c.endsWith("\u4e3a") || c.endsWith("est");
    }

    /** The rest of the cue's line, or the next non-blank line when the rest is empty; "I hope it is correct" removed. */
    private static String cueText(String text, int at) {
        int nl = text.indexOf('\n', at);
        String rest = nl < 0 ? text.substring(at) : text.substring(at, nl);
        if (rest.replace("*", "").replace(":", "").isBlank() && nl >= 0) {
            int from = nl + 1;
            while (from < text.length()) {
                int next = text.indexOf('\n', from);
                String line = next < 0 ? text.substring(from) : text.substring(from, next);
                if (!line.isBlank()) {
                    rest = displayMath(text, from, line);
                    break;
                }
                if (next < 0) {
                    break;
                }
                from = next + 1;
            }
        }
        return HOPE.matcher(rest).replaceAll("");
    }

    /** A line opening display math ("\[" or "$$" alone) runs to its closing delimiter, within 2,000 characters. */
    private static String displayMath(String text, int from, String line) {
        String l = line.strip();
        String close = l.equals("\\[") ? "\\]" : l.equals("$$") ? "$$" : null;
        if (close == null) {
            return line;
        }
        int end = text.indexOf(close, from + line.indexOf(l) + l.length());
        if (end < 0 || end - from > 2_000) {
            return line;
        }
        return text.substring(from, end + close.length()).replace('\n', ' ');
    }

    private static String afterCueV1(String text, int at) {
        int nl = text.indexOf('\n', at);
        String rest = (nl < 0 ? text.substring(at) : text.substring(at, nl)).strip();
        if (rest.isEmpty() && nl >= 0) {
            int nl2 = text.indexOf('\n', nl + 1);
            rest = (nl2 < 0 ? text.substring(nl + 1) : text.substring(nl + 1, nl2)).strip();
        }
        rest = HOPE.matcher(rest).replaceAll("").strip().replaceFirst("^[*#:：\\s]+", "");
        if (rest.isEmpty()) {
            return null;
        }
        int is = rest.lastIndexOf(" is ");
        if (is >= 0 && AnswerExtractor.isProse(rest.substring(0, is))) {
            rest = rest.substring(is + 4).strip();
        }
        String segments = joinedSegmentsV1(rest);
        if (segments != null) {
            return segments;
        }
        if (AnswerExtractor.isProse(rest)) {
            String residue = AnswerExtractor.residueOr(rest, null);
            if (residue != null) {
                return residue;
            }
            String number = AnswerExtractor.firstNumber(rest);
            return number != null ? number : rest;
        }
        return rest;
    }

    /** The math segments of a cue line; several joined when only separators lie between them ("$12$ and $13$"). */
    private static String joinedSegmentsV1(String rest) {
        Matcher m = AnswerExtractor.MATH_SEGMENT.matcher(rest);
        List<String> found = new ArrayList<>();
        StringBuilder between = new StringBuilder();
        int from = 0;
        while (m.find()) {
            if (!found.isEmpty()) {
                between.append(rest, from, m.start());
            }
            for (int g = 1; g <= 4; g++) {
                if (m.group(g) != null && !m.group(g).isBlank()) {
                    found.add(m.group(g).strip());
                }
            }
            from = m.end();
        }
        if (found.isEmpty()) {
            return null;
        }
        String gap = between.toString().replaceAll("(?i)\\band\\b|\\bor\\b|[,;\"'\\s]", "");
        return found.size() > 1 && gap.isEmpty() ? String.join(", ", found) : found.get(found.size() - 1);
    }
}
