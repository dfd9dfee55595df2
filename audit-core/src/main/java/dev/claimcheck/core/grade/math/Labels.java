package dev.claimcheck.core.grade.math;

import java.util.regex.Pattern;

/**
 * Recognises the left side of {@code x = 3}, {@code f(x) = …}, {@code |AB| = 1}, {@code a_{37} = 19},
 * {@code (p,q) = (3,2)}: a name, not a quantity. Only then is the equation read as its value, so
 * {@code 7 = 11a+c} stays an equation and never equals {@code 11a+c}.
 */
final class Labels {
    private static final String NAME = "(?:\\\\?[A-Za-z]+(?:'|_\\{?[A-Za-z0-9,]+\\}?|\\^\\{?[*'0-9]+\\}?)*)";
    private static final Pattern LABEL = Pattern.compile(
            NAME + "(?:\\([A-Za-z0-9, ]*\\))?"
            + "|\\|" + NAME + "\\|"
            + "|" + NAME + "\\s*:\\s*" + NAME
            + "|\\\\frac\\{" + NAME + "\\}\\{" + NAME + "\\}"
            + "|\\\\(?:angle|triangle|overline|widehat|measuredangle)\\s*\\{?[A-Z]+\\}?"
            + "|\\((?:\\s*" + NAME + "\\s*,)+\\s*" + NAME + "\\s*\\)");

    private Labels() {
    }

    static boolean isLabel(String side) {
        String s = side.strip();
        return !s.isEmpty() && s.length() < 40 && LABEL.matcher(s).matches() && !s.equals("\\infty");
    }
}
