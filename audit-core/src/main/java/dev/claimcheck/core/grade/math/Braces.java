package dev.claimcheck.core.grade.math;

/** Brace matching shared by extraction and normalization; linear time, no recursion. */
final class Braces {
    private Braces() {
    }

    /**
     * The index of the '}' that closes the '{' at {@code open}, or -1 when it is never closed.
     * Escaped braces ({@code \{}, {@code \}}) count as nesting too, as LaTeX sets need them paired.
     */
    static int matching(String s, int open) {
        int level = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') {
                level++;
            } else if (c == '}') {
                level--;
                if (level == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The index of the bracket closing the one at {@code open} counting (), [] and {} together, or -1. */
    static int matchingAny(String s, int open) {
        int level = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                level++;
            } else if (c == ')' || c == ']' || c == '}') {
                level--;
                if (level == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Replaces every {@code \macro{X}} by {@code before + X + after}; unclosed macros are dropped from there on. */
    static String unwrap(String s, String macro, String before, String after) {
        int at = s.indexOf(macro);
        if (at < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int from = 0;
        while (at >= 0) {
            int brace = at + macro.length();
            while (brace < s.length() && s.charAt(brace) == ' ') {
                brace++;
            }
            if (brace >= s.length() || s.charAt(brace) != '{') {
                out.append(s, from, at + macro.length());
                from = at + macro.length();
                at = s.indexOf(macro, from);
                continue;
            }
            int close = matching(s, brace);
            out.append(s, from, at);
            if (close < 0) {
                out.append(before).append(s, brace + 1, s.length());
                return out.toString();
            }
            out.append(before).append(s, brace + 1, close).append(after);
            from = close + 1;
            at = s.indexOf(macro, from);
        }
        out.append(s, from, s.length());
        return out.toString();
    }
}
