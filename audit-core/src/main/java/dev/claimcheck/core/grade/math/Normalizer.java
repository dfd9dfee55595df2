package dev.claimcheck.core.grade.math;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites an extracted answer into one spelling before parsing: math delimiters, sizing and
 * spacing macros, text wrappers, units, degrees and currency go; fraction variants, Unicode
 * symbols and relation spellings become one form. Percent is recorded, not applied (see
 * docs/grading/math.md).
 */
final class Normalizer {
    /** The normalized text and whether it carried a percent sign or word. */
    record Normalized(String text, boolean percent) {
    }

    private static final String[][] REPLACEMENTS = {
        {"\u2212", "-"}, {"\u2013", "-"}, {"\u00d7", "\\times "}, {"\u00b7", "\\cdot "}, {"\u00f7", "\\div "},
        {"\u03c0", "\\pi "}, {"\u221a", "\\sqrt"}, {"\u221e", "\\infty "}, {"\u2264", " \\le "}, {"\u2265", " \\ge "},
        {"\u2260", " \\ne "}, {"\u222a", " \\cup "}, {"\u00b0", ""}, {"\u00b2", "^2"}, {"\u00b3", "^3"},
        {"\u2208", " \\in "}, {"\u00b1", "\\pm "}, {"\uff0c", ","}, {"\uff1a", ":"}, {"\uff08", "("},
        {"\uff09", ")"}, {"\u3002", ""}, {"\\dfrac", "\\frac"}, {"\\tfrac", "\\frac"}, {"\\cfrac", "\\frac"},
        {"\\dbinom", "\\binom"}, {"\\tbinom", "\\binom"}, {"{,}", ""}, {"\\displaystyle", " "},
        {"\\left", ""}, {"\\right", ""}, {"\\bigl", ""}, {"\\bigr", ""}, {"\\Bigl", ""}, {"\\Bigr", ""},
        {"\\big", ""}, {"\\Big", ""}, {"\\!", ""}, {"\\,", " "}, {"\\;", " "}, {"\\:", " "}, {"\\qquad", " "},
        {"\\quad", " "}, {"~", " "}, {"\\$", ""}, {"$", ""}, {"\\(", ""}, {"\\)", ""},
        {"\\[", ""}, {"\\]", ""}, {"\u20ac", ""}, {"\u00a3", ""}, {"\u00a5", ""}, {"^\\circ", ""}, {"^{\\circ}", ""},
        {"\\circ", ""}, {"\\degree", ""}, {"\\lt", "<"}, {"\\gt", ">"}, {"\\leqslant", "\u2264"},
        {"\\geqslant", "\u2265"}, {"\\leq", "\u2264"}, {"\\geq", "\u2265"}, {"\\le", "\u2264"}, {"\\ge", "\u2265"},
        {"\\neq", "\u2260"}, {"\\ne", "\u2260"}, {"<=", "\u2264"}, {">=", "\u2265"}, {"!=", "\u2260"},
        {"\\approx", "\u2248"}, {"\\infty", "\u221e"}, {"\\in", "\u2208"}, {"\\cup", "\u222a"},
        {"\\emptyset", "\\{\\}"}, {"\\varnothing", "\\{\\}"}, {"\\langle", "("}, {"\\rangle", ")"},
    };
    private static final String[] TEXT_MACROS = {"\\text", "\\textbf", "\\textit", "\\textnormal", "\\mathrm",
        "\\mathbf", "\\mathit", "\\mbox", "\\operatorname", "\\boxed", "\\fbox", "\\textsf", "\\mathsf",
        "\\hbox", "\\emph", "\\textrm"};
    /** JSON-escaped LaTeX ({@code \\\\frac}) reads as LaTeX; a double backslash before a digit stays a row break. */
    private static final Pattern DOUBLE_BACKSLASH = Pattern.compile("(?<!\\\\)\\\\\\\\(?=[A-Za-z])");
    /** A remark in parentheses after the answer: "(about 18.9 cards)", "(approximately 3.01)". */
    private static final Pattern REMARK = Pattern.compile(
            "\\s*\\(\\s*(?:about|approximately|approx\\.?|roughly|i\\.e\\.|or|which is|rounded)\\b[^()]*\\)\\s*$");
    private static final Pattern THIN_SPACE_DIGITS = Pattern.compile("(\\d)\\\\,(\\d{3})");
    private static final Pattern BRACED_COMMA = Pattern.compile("(\\d)\\s*\\{\\s*,\\s*\\}\\s*(\\d{3})");
    private static final Pattern COMMA_BANG = Pattern.compile(",\\\\!\\s*(\\d{3})");
    private static final Pattern PERCENT = Pattern.compile(
            "\\s*(\\\\%|%|\\bpercentage\\b|\\bpercent\\b|\\bpct\\b)\\s*$");
    /** Trailing unit or label words after a number ({@code 125 miles}, {@code 15 cm^2}, {@code 72 degrees}). */
    private static final Pattern TRAILING_WORDS = Pattern.compile(
            "^(.*?[0-9}).])\\s*((?:[A-Za-z]{2,}\\.?\\s*)+(?:\\^\\{?[23]\\}?)?|[a-zA-Z](?:\\^\\{?[23]\\}?))\\s*$");
    /**
     * v3: of the one-letter units with a power only the metre's ({@code 15 m^2}); {@code \frac{1}{2} x^2} and
     * {@code \log_2 x^2} keep their letter, and a subscript digit is never the number a unit follows.
     */
    private static final Pattern ONE_LETTER_UNIT = Pattern.compile("m\\^\\{?[23]\\}?");
    private static final Pattern ENDS_IN_SUBSCRIPT = Pattern.compile("_(?:\\{[^{}]*\\}|[0-9A-Za-z])$");
    private static final Pattern LEADING_PROSE = Pattern.compile("^(?:[A-Za-z]+\\s+){1,12}(?:is|are|equals)\\s+(.+)$");

    private Normalizer() {
    }

    static Normalized normalize(String raw) {
        return normalize(raw, false);
    }

    /** With version 3's unit rule when {@code v3} ({@link #ONE_LETTER_UNIT}). */
    static Normalized normalize(String raw, boolean v3) {
        String s = raw.strip();
        if (s.length() > Budget.MAX_ANSWER_CHARS) {
            throw new BudgetExceededException("answer longer than " + Budget.MAX_ANSWER_CHARS + " characters");
        }
        // Each regex runs only when its trigger character is present: most answers are plain numbers.
        boolean latex = s.indexOf('\\') >= 0;
        if (latex) {
            s = DOUBLE_BACKSLASH.matcher(s).replaceAll("\\\\");
            s = AnswerExtractor.LATEX_SPACE.matcher(s).replaceAll(" ");
            s = COMMA_BANG.matcher(s).replaceAll(",$1");
            s = THIN_SPACE_DIGITS.matcher(s).replaceAll("$1$2");
            s = THIN_SPACE_DIGITS.matcher(s).replaceAll("$1$2");
        }
        if (s.indexOf('{') >= 0) {
            s = BRACED_COMMA.matcher(s).replaceAll("$1$2");
        }
        if (latex) {
            for (String macro : TEXT_MACROS) {
                s = Braces.unwrap(s, macro, " ", " ");
            }
        }
        if (needsReplacements(s)) {
            for (String[] r : REPLACEMENTS) {
                if (s.contains(r[0])) {
                    s = s.replace(r[0], r[1]);
                }
            }
        }
        s = s.replace("\u221e", "\\infty ");
        if (hasSpaceRun(s)) {
            s = s.replaceAll("\\s+", " ");
        }
        s = s.strip();
        s = stripTrailingPunctuation(s);
        if (s.indexOf('(') >= 0 && s.indexOf(')') >= 0) {
            s = REMARK.matcher(s).replaceAll("");
        }
        boolean words = hasWord(s);
        boolean percent = false;
        if (s.indexOf('%') >= 0 || words && (s.contains("percent") || s.contains("pct"))) {
            Matcher pm = PERCENT.matcher(s);
            if (pm.find()) {
                percent = true;
                s = s.substring(0, pm.start()).strip();
            }
        }
        if (words) {
            Matcher lead = LEADING_PROSE.matcher(s);
            if (lead.matches()) {
                s = lead.group(1).strip();
            }
            s = stripUnits(s, v3);
        }
        s = stripTrailingPunctuation(s);
        if (groupedThousands(s, ',') || groupedThousands(s, ' ')) {
            s = s.replace(",", "").replace(" ", "");
        }
        return new Normalized(s, percent);
    }

    /**
     * {@code [+-]?[1-9]\\d{0,2}(S\\d{3})+(\\.\\d+)?} for the separator S, the whole text: "1,234,567.5", "12 345".
     * Scanned by hand: it runs on every answer, and a regex match per call was a large share of normalizing one.
     */
    static boolean groupedThousands(String s, char sep) {
        int n = s.length();
        int i = n > 0 && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
        if (i >= n || s.charAt(i) < '1' || s.charAt(i) > '9') {
            return false;
        }
        int lead = i;
        while (i < n && Lexer.isDigit(s.charAt(i))) {
            i++;
        }
        if (i - lead > 3 || i >= n || s.charAt(i) != sep) {
            return false;
        }
        while (i < n && s.charAt(i) == sep) {
            if (i + 3 >= n) {
                return false;
            }
            for (int k = 1; k <= 3; k++) {
                if (!Lexer.isDigit(s.charAt(i + k))) {
                    return false;
                }
            }
            i += 4;
            if (i < n && Lexer.isDigit(s.charAt(i))) {
                return false;
            }
        }
        if (i == n) {
            return true;
        }
        if (s.charAt(i) != '.' || i + 1 == n) {
            return false;
        }
        for (int k = i + 1; k < n; k++) {
            if (!Lexer.isDigit(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** Whether any replacement can apply: every pattern holds a backslash, a symbol below, or non-ASCII. */
    private static boolean needsReplacements(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 127 || "\\$~{<>!^".indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasSpaceRun(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' && Character.isWhitespace(c) || c == ' ' && i + 1 < s.length() && s.charAt(i + 1) == ' ') {
                return true;
            }
        }
        return false;
    }

    /** Two ASCII letters in a row (a word, a unit, a macro name): only then do the word rules run. */
    private static boolean hasWord(String s) {
        for (int i = 1; i < s.length(); i++) {
            if (Lexer.isAsciiLetter(s.charAt(i)) && Lexer.isAsciiLetter(s.charAt(i - 1))) {
                return true;
            }
        }
        return false;
    }

    private static String stripUnits(String s, boolean v3) {
        Matcher m = TRAILING_WORDS.matcher(s);
        if (m.matches() && !isFunctionWord(m.group(2).strip()) && !(v3 && keepsLetter(m.group(1), m.group(2)))) {
            return m.group(1).strip();
        }
        return s;
    }

    private static boolean keepsLetter(String before, String unit) {
        String u = unit.strip();
        boolean oneLetter = u.length() > 1 && !Lexer.isAsciiLetter(u.charAt(1));
        return oneLetter && (!ONE_LETTER_UNIT.matcher(u).matches() || ENDS_IN_SUBSCRIPT.matcher(before).find());
    }

    private static boolean isFunctionWord(String w) {
        return Lexer.WORDS.contains(w.replaceAll("[^A-Za-z]", ""));
    }

    private static String stripTrailingPunctuation(String s) {
        int end = s.length();
        while (end > 0) {
            char c = s.charAt(end - 1);
            if (c == '.' || c == ',' || c == ';' || c == ' ' || c == '\u3002') {
                end--;
            } else if (c == '\\' && (end < 2 || s.charAt(end - 2) != '\\')) {
                end--;
            } else {
                break;
            }
        }
        return s.substring(0, end);
    }
}
