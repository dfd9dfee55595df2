package dev.claimcheck.core.grade.math;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a normalized answer into tokens. Plain letter runs become single-letter identifiers
 * ({@code xy} is x times y, as in LaTeX) unless they are a known function or constant word
 * written without a backslash ({@code sqrt}, {@code sin}, {@code pi}), so plain-text answers
 * such as {@code -1 + sqrt(3)} read like their LaTeX spelling.
 */
final class Lexer {
    static final Set<String> WORDS = Set.of("sqrt", "sin", "cos", "tan", "sec", "csc", "cot", "ln", "log",
            "exp", "pi", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "abs", "infty", "inf");

    private Lexer() {
    }

    static List<Token> lex(String s) {
        List<Token> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (isDigit(c) || (c == '.' && i + 1 < n && isDigit(s.charAt(i + 1)))) {
                int j = i;
                while (j < n && isDigit(s.charAt(j))) {
                    j++;
                }
                if (j < n && s.charAt(j) == '.' && j + 1 < n && isDigit(s.charAt(j + 1))) {
                    j++;
                    while (j < n && isDigit(s.charAt(j))) {
                        j++;
                    }
                }
                out.add(new Token(Token.Kind.NUM, s.substring(i, j)));
                i = j;
            } else if (c == '\\') {
                int j = i + 1;
                while (j < n && isAsciiLetter(s.charAt(j))) {
                    j++;
                }
                if (j == i + 1 && j < n) {
                    j++;
                }
                out.add(new Token(Token.Kind.CMD, s.substring(i, j)));
                i = j;
            } else if (isAsciiLetter(c)) {
                int j = i;
                while (j < n && isAsciiLetter(s.charAt(j))) {
                    j++;
                }
                String word = s.substring(i, j);
                if (WORDS.contains(word)) {
                    out.add(new Token(Token.Kind.IDENT, word));
                } else {
                    for (int k = 0; k < word.length(); k++) {
                        out.add(new Token(Token.Kind.IDENT, String.valueOf(word.charAt(k))));
                    }
                }
                i = j;
            } else if (c == '*' && i + 1 < n && s.charAt(i + 1) == '*') {
                out.add(new Token(Token.Kind.SYM, "^"));
                i += 2;
            } else {
                out.add(new Token(Token.Kind.SYM, String.valueOf(c)));
                i++;
            }
        }
        out.add(new Token(Token.Kind.END, ""));
        return out;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
