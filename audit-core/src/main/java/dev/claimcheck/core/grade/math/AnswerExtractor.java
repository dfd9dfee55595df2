package dev.claimcheck.core.grade.math;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the final answer from a long response or a worked solution: the last box (several boxes
 * close together count as one list), else a final-answer cue ({@link CueReader}), else the last math
 * segment, else the whole text when it is short math, else the last bare number. The precedence of
 * boxes and cues depends on the {@link MathRules} version. Everything is linear in the text length.
 */
public final class AnswerExtractor {
    static final Pattern MATH_SEGMENT = Pattern.compile(
            "\\$\\$(.+?)\\$\\$|\\\\\\[(.+?)\\\\\\]|(?<!\\\\)\\$((?:[^$\\n]|(?<=\\\\)\\$)+?)(?<!\\\\)\\$|\\\\\\(([^\\n]+?)\\\\\\)", Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![A-Za-z0-9.,\\\\])-?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?:/\\d+)?");
    private static final Pattern PROSE_WORD = Pattern.compile(
            "(?<![\\\\A-Za-z])[A-Za-z]{3,}|[\\p{IsHan}]|[\\p{IsAlphabetic}&&[^\\p{ASCII}]]{2,}");
    private static final Pattern ENVIRONMENT = Pattern.compile("\\\\(?:begin|end)\\{[A-Za-z*]+\\}");
    /** {@code \\ } (a LaTeX space), not the row break {@code \\\\ }. */
    static final Pattern LATEX_SPACE = Pattern.compile("(?<!\\\\)\\\\ ");
    private static final Pattern SEPARATOR = Pattern.compile("(?i)\\band\\b|\\bor\\b|,|;|和|或");
    /** A name, {@code =}, and a value with no further relation: one equation of a system's solution. */
    private static final Pattern EQUATION = Pattern.compile("[A-Za-z](?:_\\{?\\w{1,3}\\}?)?\\s*=\\s*[^=<>,;]{1,200}");
    private static final Pattern EQUATION_JOIN = Pattern.compile("\\s*(?:,|;|,?\\s*and)\\s*");
    private static final Pattern JOINING_WORD = Pattern.compile("\\s+(?:and|or)\\s+");
    /** Longest tail of a response that cue and math-segment rules read. */
    private static final int TAIL = 20_000;

    private AnswerExtractor() {
    }

    /** Extraction for a gold answer: boxes are joined as a chain; otherwise the whole text is the answer. */
    public static Extraction fromGold(String gold, MathRules rules) {
        if (gold == null || gold.isBlank()) {
            return Extraction.none("empty");
        }
        BoxFinder.Boxes boxes = BoxFinder.find(gold);
        if (!boxes.boxes().isEmpty()) {
            return chain(gold, boxes.boxes());
        }
        if (gold.length() > 300) {
            return fromResponse(gold, rules);
        }
        return new Extraction(gold.strip(), "whole", null);
    }

    /** Extraction for a model response, with the precedence of {@code rules} (docs/grading/math.md). */
    public static Extraction fromResponse(String response, MathRules rules) {
        if (response == null || response.isBlank()) {
            return Extraction.none("empty");
        }
        BoxFinder.Boxes boxes = BoxFinder.find(response);
        if (boxes.unclosed()) {
            return Extraction.none("malformed-box");
        }
        String tail = response.length() > TAIL ? response.substring(response.length() - TAIL) : response;
        int tailStart = response.length() - tail.length();
        if (!boxes.boxes().isEmpty()) {
            int lastBoxEnd = boxes.boxes().get(boxes.boxes().size() - 1).end();
            CueReader.Cue late = rules == MathRules.V1 ? CueReader.lastV1(tail)
                    : CueReader.lastWithSpan(tail, Math.max(0, lastBoxEnd - tailStart), true);
            // v1: any cue line after the last box wins; v2: only a "final answer" / "####" cue with a math span.
            if (late != null && tailStart + late.at() > lastBoxEnd && late.answer() != null) {
                return new Extraction(late.answer(), rules == MathRules.V1 ? "cue" : "final-cue after box", null);
            }
            return chain(response, boxes.boxes());
        }
        CueReader.Cue cue = rules == MathRules.V1 ? CueReader.lastV1(tail) : CueReader.lastWithSpan(tail, 0, false);
        if (cue != null && cue.answer() != null) {
            return new Extraction(cue.answer(), "cue", null);
        }
        String hoped = beforeHope(tail);
        if (hoped != null) {
            return new Extraction(hoped, "hope-sentence", null);
        }
        String stripped = tail.strip();
        if (stripped.length() <= 300) {
            String whole = shortAnswer(stripped, rules);
            if (whole != null) {
                return new Extraction(whole, "whole", null);
            }
        }
        String segment = rules.atLeast(MathRules.V3) ? lastSystem(tail) : lastMathSegment(tail);
        if (segment != null) {
            return new Extraction(isProse(segment) ? residueOr(segment, segment) : segment, "math-segment", null);
        }
        if (looksLikeCode(tail)) {
            return Extraction.none("code-like text, no answer read");
        }
        if (stripped.length() <= 300) {
            String residue = residueOr(stripped, null);
            if (residue != null) {
                return new Extraction(residue, "math-in-text", null);
            }
        }
        String number = lastNumber(tail);
        if (number != null) {
            return new Extraction(number, "last-number", null);
        }
        return stripped.length() <= 300 ? new Extraction(stripped, "text", null) : Extraction.none("no-answer");
    }

    private static final Pattern HOPE_MARK = Pattern.compile("(?i)I hope it is correct");

    /**
     * Minerva-style responses end "… X. I hope it is correct."; the sentence before the mark states
     * the answer even when the "Final Answer:" prefix is missing.
     */
    private static String beforeHope(String text) {
        if (text.indexOf("hope") < 0) {
            return null;
        }
        Matcher m = HOPE_MARK.matcher(text);
        int at = -1;
        while (m.find()) {
            at = m.start();
        }
        if (at < 0) {
            return null;
        }
        String before = text.substring(0, at).stripTrailing();
        if (before.endsWith(".")) {
            before = before.substring(0, before.length() - 1);
        }
        int sentence = Math.max(before.lastIndexOf(". "), before.lastIndexOf('\n'));
        String last = before.substring(sentence + 1).strip();
        String segment = lastMathSegment(last);
        if (segment != null) {
            return segment;
        }
        return lastNumber(last);
    }

    /** A short response that is itself the answer ("x^2 + 2*x + 1", "The area is \frac{54}{25}"). */
    private static String shortAnswer(String s, MathRules rules) {
        String text = s.indexOf('\\') >= 0 ? LATEX_SPACE.matcher(s).replaceAll(" ") : s;
        if (lastMathSegment(text) != null) {
            return null;
        }
        // v3: "x = 2 and y = 3", "1 or 2": math joined by "and"/"or" is a list, not prose.
        if (!isProse(text) || rules.atLeast(MathRules.V3) && !isProse(JOINING_WORD.matcher(text).replaceAll(", "))) {
            return text;
        }
        int is = text.lastIndexOf(" is ");
        if (is >= 0 && !isProse(text.substring(is + 4))) {
            return text.substring(is + 4).strip().replaceFirst("^[}\\s]+", "");
        }
        return null;
    }

    private static final Pattern CODE = Pattern.compile("__|\\blambda\\b|\\bimport\\b|\\bopen\\(|\\)\\(|\\bexec\\(|\\beval\\(");

    /** Program text is never mined for a stray number ("__import__('os')… or 0" is not the answer 0). */
    static boolean looksLikeCode(String s) {
        return CODE.matcher(s).find();
    }

    /**
     * The math left in a line of prose once words are removed ("每份应该是 (\frac{2}{5}) 吨" gives
     * "(\frac{2}{5})"), when that is a single readable value; otherwise {@code fallback}.
     */
    static String residueOr(String s, String fallback) {
        String r = RESIDUE_DROP.matcher(s).replaceAll(" ").replaceAll("\\s+", " ").strip();
        r = r.replaceAll("^[?:,.;!]+|[?:,.;!]+$", "").strip();
        if (r.isEmpty() || r.length() > 200) {
            return fallback;
        }
        try {
            Normalizer.Normalized n = Normalizer.normalize(r);
            Answer a = AnswerParser.parse(n.text(), n.percent());
            if (a instanceof Answer.Value v) {
                java.util.Set<String> vars = new java.util.HashSet<>();
                ExprTrees.variables(v.expr(), vars);
                // Only a constant counts: stray letters of the prose must not become variables.
                return vars.isEmpty() ? r : fallback;
            }
            return fallback;
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    private static final Pattern RESIDUE_DROP = Pattern.compile(
            "(?<![\\\\A-Za-z])(?!(?:percent|percentage|pct)\\b)[A-Za-z]{2,}(?![A-Za-z(])"
            + "|[\\p{IsAlphabetic}&&[^\\p{ASCII}]&&[^\u03c0]]+|[\u3002\uff0c\uff1a*]");

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
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = first; i <= last; i++) {
            // The same box repeated ("\\boxed{840} … \\boxed{840}") is one answer, not a list.
            if (!seen.add(boxes.get(i).content().strip())) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(boxes.get(i).content());
        }
        if (seen.size() == 1) {
            return new Extraction(lastBox, "boxed", null);
        }
        return new Extraction(sb.toString(), "boxed-chain", lastBox);
    }

    static String lastMathSegment(String text) {
        if (text.indexOf('$') < 0 && text.indexOf("\\(") < 0 && text.indexOf("\\[") < 0) {
            return null;
        }
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

    /**
     * v3: the last math segment, or where it is an equation joined to the equations before it only by {@code ,},
     * {@code ;} or "and" ({@code $x = 2$ and $y = 3$}), those equations as one list: a system's solution.
     */
    static String lastSystem(String text) {
        if (text.indexOf('$') < 0 && text.indexOf("\\(") < 0 && text.indexOf("\\[") < 0) {
            return null;
        }
        Matcher m = MATH_SEGMENT.matcher(text);
        List<String> system = new ArrayList<>();
        int end = -1;
        while (m.find()) {
            String seg = null;
            for (int g = 1; g <= 4; g++) {
                if (m.group(g) != null && !m.group(g).isBlank()) {
                    seg = m.group(g).strip();
                }
            }
            if (seg == null) {
                continue;
            }
            boolean joined = end >= 0 && EQUATION.matcher(seg).matches()
                    && EQUATION.matcher(system.get(system.size() - 1)).matches()
                    && EQUATION_JOIN.matcher(text.substring(end, m.start())).matches();
            if (!joined || system.size() >= 16) {
                system.clear(); // past 16 equations a chain is no system's solution: the last segment alone
            }
            system.add(seg);
            end = m.end();
        }
        return system.isEmpty() ? null : String.join(", ", system);
    }

    static boolean isProse(String s) {
        Matcher m = PROSE_WORD.matcher(ENVIRONMENT.matcher(s).replaceAll(" "));
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

    static String firstNumber(String text) {
        Matcher m = NUMBER.matcher(text);
        return m.find() ? m.group() : null;
    }
}
