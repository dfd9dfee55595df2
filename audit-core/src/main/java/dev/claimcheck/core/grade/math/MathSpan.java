package dev.claimcheck.core.grade.math;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The first complete math span of the text after a final-answer cue (math v2; the definition, with examples, is in
 * docs/grading/math.md, "Complete math span"). A span is a delimited segment ({@code $…$}, {@code $$…$$},
 * {@code \(…\)}, {@code \[…\]}; several joined only by list separators form a list) or a bare run of math tokens
 * (numbers, operators, LaTeX commands with their brace groups, single-letter names, balanced brackets without
 * prose, {@code %}, degree marks, {@code \text{…}} units), ending before prose, a parenthetical remark, a clause
 * ("{@code , because …}") or a sentence end. One pass over the text, each bracket group matched once.
 */
final class MathSpan {
    /** Words the span may follow at once after "… answer is" ("the answer is approximately 3.2"). */
    private static final Set<String> ADVERBS = Set.of("approximately", "about", "around", "roughly", "exactly", "just",
            "simply", "then", "therefore", "thus", "hence", "so", "now", "finally", "indeed", "clearly", "actually",
            "still", "also", "definitely", "precisely", "equal", "to", "equals", "given", "by");
    /** After a label cue, a subject before one of these is not the answer ("The largest $n$ is 34"). */
    private static final Set<String> COPULAS = Set.of("is", "are", "was", "were", "equals", "be", "becomes");
    static final Set<String> SEPARATORS = Set.of("and", "or");
    private static final Set<String> PERCENT_WORDS = Set.of("percent", "percentage", "pct");
    static final Set<String> TEXT_MACROS = Set.of("\\text", "\\textbf", "\\textit", "\\textnormal", "\\mathrm",
            "\\mbox", "\\textrm", "\\mathit", "\\mathbf", "\\textsf", "\\mathsf", "\\operatorname", "\\emph");
    private static final String UNICODE_MATH = "\u2212\u2264\u2265\u2260\u00d7\u00b7\u00f7\u221a\u03c0\u221e\u00b1"
            + "\u222a\u2229\u2208\u00b0\u2103\u2109\u2248\u00b2\u00b3";
    /** Words a lead-in may hold before the answer, so a long sentence after "Answer:" is not mined for a number. */
    private static final int MAX_LEAD_IN_WORDS = 12;

    /** How a cue introduces its answer. */
    enum After {
        /** "… answer is X", "答案是 X": the span comes at once (after markup and a few adverbs). */
        COPULA,
        /** "Answer: …", "Final answer: …": a short lead-in clause may come first ("The largest $n$ is 34"). */
        LABEL,
        /** "#### X" (GSM8K): the rest of the line is the span and nothing else. */
        WHOLE_LINE
    }

    private MathSpan() {
    }

    /** The span's text (the inside of a segment, the raw run otherwise), or null when the text has none. */
    static String first(String s, After after) {
        int i = SpanText.skipMarkup(s, 0);
        if (i < s.length() && ".,;!?".indexOf(s.charAt(i)) >= 0) {
            return null; // "… the final answer. Next, …": the cue words were part of a sentence
        }
        int words = 0;
        while (i < s.length()) {
            Found f = at(s, i);
            if (f != null) {
                int next = SpanText.skipSpaces(s, f.end());
                if (after == After.LABEL && COPULAS.contains(SpanText.wordAt(s, next)) && Labels.isLabel(f.text())) {
                    i = SpanText.skipMarkup(s, next + SpanText.wordAt(s, next).length());
                    words++;
                    continue;
                }
                if (after == After.WHOLE_LINE && !SpanText.onlyPunctuation(s, f.end())) {
                    return null;
                }
                return f.text().isBlank() ? null : f.text();
            }
            String w = SpanText.wordAt(s, i);
            boolean allowed = after == After.LABEL || (after == After.COPULA && ADVERBS.contains(w.toLowerCase(java.util.Locale.ROOT)));
            if (!allowed || ++words > MAX_LEAD_IN_WORDS) {
                return null;
            }
            int end = w.isEmpty() ? i + 1 : i + w.length();
            if (w.isEmpty() && ".;!?\u3002".indexOf(s.charAt(i)) >= 0) {
                return null; // the lead-in is one clause
            }
            i = SpanText.skipMarkup(s, end);
        }
        return null;
    }

    private record Found(String text, int end) {
    }

    /** The span starting at {@code i}, or null when no math starts there. */
    private static Found at(String s, int i) {
        Found seg = segment(s, i);
        if (seg != null) {
            return list(s, seg);
        }
        if (s.charAt(i) == '$' || s.startsWith("\\$", i)) {
            int from = i + (s.charAt(i) == '$' ? 1 : 2);
            // Currency: "$18", "\$15,000"; the sign is not a delimiter here.
            return from < s.length() && Lexer.isDigit(s.charAt(from)) ? bare(s, from) : null;
        }
        return startsMath(s, i) ? bare(s, i) : null;
    }

    /** A delimited segment at {@code i} whose inside is math, not prose or an unfinished expression. */
    private static Found segment(String s, int i) {
        String open;
        String close;
        if (s.startsWith("$$", i)) {
            open = "$$";
            close = "$$";
        } else if (s.startsWith("$", i)) {
            open = "$";
            close = "$";
        } else if (s.startsWith("\\(", i)) {
            open = "\\(";
            close = "\\)";
        } else if (s.startsWith("\\[", i)) {
            open = "\\[";
            close = "\\]";
        } else {
            return null;
        }
        int from = i + open.length();
        int end = close.equals("$") ? closingDollar(s, from) : s.indexOf(close, from);
        if (end < 0) {
            return null;
        }
        String inside = s.substring(from, end).strip();
        if (inside.isEmpty() || SpanText.hasProse(inside) || SpanText.endsWithOperator(inside)) {
            return null;
        }
        return new Found(inside, end + close.length());
    }

    private static int closingDollar(String s, int from) {
        for (int k = from; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '\n') {
                return -1;
            }
            if (c == '$' && s.charAt(k - 1) != '\\') {
                return k;
            }
        }
        return -1;
    }

    /** "$12$ and $13$", "$1$, $2$ or $3$": segments joined only by list separators are one list. */
    private static Found list(String s, Found first) {
        List<String> items = new ArrayList<>(List.of(first.text()));
        int end = first.end();
        while (true) {
            int k = end;
            boolean separated = false;
            while (k < s.length()) {
                char c = s.charAt(k);
                String w = SpanText.wordAt(s, k);
                if (c == ',' || c == ';') {
                    separated = true;
                    k++;
                } else if (c == ' ' || c == '\t') {
                    k++;
                } else if (SEPARATORS.contains(w)) {
                    separated = true;
                    k += w.length();
                } else {
                    break;
                }
            }
            Found next = separated && k < s.length() ? segment(s, k) : null;
            if (next == null) {
                break;
            }
            items.add(next.text());
            end = next.end();
        }
        return items.size() == 1 ? first : new Found(String.join(", ", items), end);
    }

    /** A run of math tokens from {@code i}; ends at the last operand before prose, a remark or a sentence end. */
    private static Found bare(String s, int i) {
        int k = i;
        int lastGood = i;
        boolean dangling = false;
        int n = s.length();
        while (k < n) {
            char c = s.charAt(k);
            if (c == ' ' || c == '\t' || c == '$' || c == '~') {
                k++; // spaces, and a currency sign inside a worked sum ("$10,000 + $200")
            } else if (Lexer.isDigit(c)) {
                k = SpanText.number(s, k);
                lastGood = k;
                dangling = false;
            } else if (Lexer.isAsciiLetter(c)) {
                String w = SpanText.wordAt(s, k);
                if (SEPARATORS.contains(w) && k > i && startsMath(s, SpanText.skipSpaces(s, k + w.length()))) {
                    k += w.length();
                    dangling = true;
                } else if (PERCENT_WORDS.contains(w) && k > i) {
                    k += w.length();
                    lastGood = k;
                } else if (isNameAt(s, k, w)) {
                    k += w.length();
                    lastGood = k;
                    dangling = false;
                } else {
                    break;
                }
            } else if (c == '\\') {
                int e = command(s, k, k > i);
                if (e < 0) {
                    break;
                }
                boolean spacing = e == k + 2 && " ,;:!".indexOf(s.charAt(k + 1)) >= 0;
                k = e;
                if (!spacing) {
                    lastGood = k;
                    dangling = false;
                }
            } else if (c == '(' || c == '[' || c == '{') {
                int close = Braces.matchingAny(s, k);
                if (close < 0 || SpanText.hasProse(s.substring(k + 1, close))) {
                    break; // unbalanced, or a remark: "4 (not 5)"
                }
                k = close + 1;
                lastGood = k;
                dangling = false;
            } else if (c == ',' || c == ';') {
                if (!startsMath(s, SpanText.skipSpaces(s, k + 1))) {
                    break; // "7, because …"
                }
                k++;
                dangling = true;
            } else if (c == '.' && k + 1 < n && Lexer.isDigit(s.charAt(k + 1))) {
                k = SpanText.number(s, k + 1);
                lastGood = k;
                dangling = false;
            } else if (c == ':' && k > i && Lexer.isDigit(s.charAt(k - 1)) && k + 1 < n && Lexer.isDigit(s.charAt(k + 1))) {
                k++; // a ratio, 3:4
                dangling = true;
            } else if (c == '*' && k + 1 < n && s.charAt(k + 1) == '*') {
                break; // Markdown bold around the answer
            } else if (c == '!' && (k + 1 >= n || Character.isWhitespace(s.charAt(k + 1)))) {
                break; // an exclamation mark; a factorial is written against what follows or inside $…$
            } else if (c == '\'' && !(k > i && Lexer.isAsciiLetter(s.charAt(k - 1)))) {
                break; // a closing quote; a prime follows a name (f'(x))
            } else if ("%!'|\u00b0\u2103\u2109\u00b2\u00b3".indexOf(c) >= 0) {
                k++;
                lastGood = k;
                dangling = false;
            } else if ("+-*/^_=<>&".indexOf(c) >= 0 || UNICODE_MATH.indexOf(c) >= 0) {
                k++;
                if ("\u03c0\u221e".indexOf(c) >= 0) {
                    lastGood = k;
                    dangling = false;
                } else {
                    dangling = true;
                }
            } else {
                break;
            }
        }
        // A run left hanging on an operator ("x = the number of …") is not complete.
        return lastGood == i || dangling ? null : new Found(s.substring(i, lastGood).strip(), lastGood);
    }

    /**
     * The end of the LaTeX command at {@code k} with its brace and bracket groups, or -1 when it does not belong in a
     * span: {@code \text{…}} only after math (a unit, "{@code 12\text{ and }13}"), never prose of more than a few
     * words; a {@code \(} or {@code \[} inside a run starts a new segment.
     */
    private static int command(String s, int k, boolean afterMath) {
        int n = s.length();
        if (k + 1 >= n) {
            return -1;
        }
        char next = s.charAt(k + 1);
        if (!Lexer.isAsciiLetter(next)) {
            if (next == '(' || next == '[') {
                return -1;
            }
            if (next == '{') {
                int close = s.indexOf("\\}", k + 2);
                return close < 0 || SpanText.hasProse(s.substring(k + 2, close)) ? -1 : close + 2;
            }
            return k + 2; // \, \! \% \\ \$ …
        }
        int e = k + 1;
        while (e < n && Lexer.isAsciiLetter(s.charAt(e))) {
            e++;
        }
        String name = s.substring(k, e);
        boolean text = TEXT_MACROS.contains(name);
        while (e < n && (s.charAt(e) == '{' || s.charAt(e) == '[' && name.equals("\\sqrt"))) {
            int close = s.charAt(e) == '{' ? Braces.matching(s, e) : s.indexOf(']', e);
            if (close < 0) {
                return -1;
            }
            String inside = s.substring(e + 1, close);
            if (text && SpanText.hasProse(inside) && (!afterMath || inside.strip().split("\\s+").length > 3)) {
                return -1; // prose in \text{}; after a number, a unit of up to three words is kept
            }
            e = close + 1;
        }
        return e;
    }

    /** Whether math starts at {@code k}: a digit, a signed operand, a command, a bracket, a name, a math symbol. */
    private static boolean startsMath(String s, int k) {
        if (k >= s.length()) {
            return false;
        }
        char c = s.charAt(k);
        if (Lexer.isDigit(c) || "(|[{\u221a\u03c0\u221e\u00b1".indexOf(c) >= 0) {
            return c != '(' && c != '[' && c != '{' || bracketIsMath(s, k);
        }
        if (c == '.' || c == '-' || c == '+' || c == '\u2212') {
            return k + 1 < s.length() && (startsMath(s, k + 1) && s.charAt(k + 1) != '-');
        }
        if (c == '$') {
            return segment(s, k) != null || k + 1 < s.length() && Lexer.isDigit(s.charAt(k + 1));
        }
        if (c == '\\') {
            if (s.startsWith("\\$", k)) {
                return k + 2 < s.length() && Lexer.isDigit(s.charAt(k + 2));
            }
            int e = k + 1;
            while (e < s.length() && Lexer.isAsciiLetter(s.charAt(e))) {
                e++;
            }
            String name = s.substring(k, e);
            if (TEXT_MACROS.contains(name)) {
                return command(s, k, false) > 0; // "\textbf{5}", not "\text{Evelyn}"
            }
            return name.length() > 1 || s.startsWith("\\{", k) || s.startsWith("\\(", k) || s.startsWith("\\[", k);
        }
        return Lexer.isAsciiLetter(c) && isNameAt(s, k, SpanText.wordAt(s, k));
    }

    private static boolean bracketIsMath(String s, int k) {
        int close = Braces.matchingAny(s, k);
        return close > k + 1 && !SpanText.hasProse(s.substring(k + 1, close));
    }

    /**
     * Whether the word at {@code k} is a math name: one letter or a function word ({@code sin}, {@code pi}) or an
     * all-capital name ({@code AB}), and not the English "a" / "I" of a sentence ("a total of 5").
     */
    private static boolean isNameAt(String s, int k, String w) {
        if (w.isEmpty() || SpanText.isProseWord(w)) {
            return false;
        }
        int after = k + w.length();
        if (w.length() == 1 && after < s.length() && s.charAt(after) == ' ') {
            String next = SpanText.wordAt(s, SpanText.skipSpaces(s, after));
            return !SpanText.isProseWord(next) || PERCENT_WORDS.contains(next);
        }
        return true;
    }
}
