package dev.claimcheck.core.grade.math;

/**
 * The character- and word-level tests {@link MathSpan} makes while it reads a span: where a number ends, whether a
 * word or a bracket's inside is prose, and the spaces and Markdown it skips around an answer.
 */
final class SpanText {
    private SpanText() {
    }

    /** The end of a number at {@code k}: digits, with {@code .} or {@code ,} between digits (decimals, thousands). */
    static int number(String s, int k) {
        int n = s.length();
        while (k < n) {
            char c = s.charAt(k);
            if (Lexer.isDigit(c)) {
                k++;
            } else if ((c == '.' || c == ',') && k + 1 < n && Lexer.isDigit(s.charAt(k + 1))) {
                k++;
            } else {
                break;
            }
        }
        return k;
    }

    /** Two or more letters with a lower-case one, not a function word: prose or a unit word. */
    static boolean isProseWord(String w) {
        if (w.length() < 2 || Lexer.WORDS.contains(w)) {
            return false;
        }
        for (int k = 0; k < w.length(); k++) {
            if (Character.isLowerCase(w.charAt(k))) {
                return true;
            }
        }
        return false;
    }

    /** Prose inside a bracket or segment: a word ({@link #isProseWord}) not after a backslash, or a CJK character. */
    static boolean hasProse(String s) {
        int n = s.length();
        int k = 0;
        while (k < n) {
            char c = s.charAt(k);
            if (Lexer.isAsciiLetter(c)) {
                int e = k;
                while (e < n && Lexer.isAsciiLetter(s.charAt(e))) {
                    e++;
                }
                boolean macro = k > 0 && s.charAt(k - 1) == '\\';
                if (macro && MathSpan.TEXT_MACROS.contains("\\" + s.substring(k, e)) && e < n && s.charAt(e) == '{') {
                    int close = Braces.matching(s, e);
                    k = close < 0 ? n : close + 1; // a unit or a word set as text belongs to the math
                    continue;
                }
                if (!macro && isProseWord(s.substring(k, e)) && !MathSpan.SEPARATORS.contains(s.substring(k, e))) {
                    return true;
                }
                k = e;
            } else {
                if (Character.isIdeographic(c) || Character.isLetter(c) && c > 127 && c != '\u03c0') {
                    return true;
                }
                k++;
            }
        }
        return false;
    }

    static boolean endsWithOperator(String s) {
        if (s.isEmpty()) {
            return false;
        }
        char c = s.charAt(s.length() - 1);
        return "+-*/^_=<>,".indexOf(c) >= 0;
    }

    static boolean onlyPunctuation(String s, int from) {
        for (int k = from; k < s.length(); k++) {
            if (".*\u3002 \t\r".indexOf(s.charAt(k)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The ASCII letter run at {@code k} (empty when none). */
    static String wordAt(String s, int k) {
        int e = k;
        while (e < s.length() && Lexer.isAsciiLetter(s.charAt(e))) {
            e++;
        }
        return s.substring(k, e);
    }

    static int skipSpaces(String s, int k) {
        while (k < s.length() && (s.charAt(k) == ' ' || s.charAt(k) == '\t')) {
            k++;
        }
        return k;
    }

    /** Spaces, Markdown emphasis and headings, colons and quotes around the answer. */
    static int skipMarkup(String s, int k) {
        while (k < s.length()) {
            char c = s.charAt(k);
            if (" \t*#:\uff1a\"'`\u201c\u201d\u2018\u2019".indexOf(c) >= 0) {
                k++;
            } else if (c == '\\' && k + 1 < s.length() && s.charAt(k + 1) == '"') {
                k += 2;
            } else {
                break;
            }
        }
        return k;
    }
}
