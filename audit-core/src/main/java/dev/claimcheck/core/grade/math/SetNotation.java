package dev.claimcheck.core.grade.math;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Math v3: a normalized answer that names a set of reals in words of notation, rewritten as the intervals it is
 * (docs/grading/math.md, "Sets of reals"): {@code \mathbb{R}} (also after {@code x ∈}) is {@code (-∞, ∞)}; a bound on
 * an absolute value is its interval or union ({@code 1 ≤ |z| ≤ 3/2} = {@code [-3/2, -1] ∪ [1, 3/2]}, {@code |x| < 2} =
 * {@code (-2, 2)}, {@code |x| > 2} = {@code (-∞, -2) ∪ (2, ∞)}); a leading {@code ≈} goes ({@code ≈ 3.14} is 3.14).
 * Bounds must not start with a minus sign, so the rewrite never has to compare them; each rule is one anchored match.
 */
final class SetNotation {
    private static final String BOUND = "([^|<>=\u2264\u2265\u2248\u2208,;\\-][^|<>=\u2264\u2265\u2248\u2208,;]{0,80}?)";
    private static final String NAME = "\\|\\s*[A-Za-z]\\s*\\|";
    private static final Pattern REALS = Pattern.compile("(?:[A-Za-z]\\s*\u2208\\s*)?(?:\\\\mathbb\\s*\\{?\\s*R\\s*\\}?|\u211d)");
    private static final Pattern BETWEEN = Pattern.compile(BOUND + "\\s*([<\u2264])\\s*" + NAME + "\\s*([<\u2264])\\s*" + BOUND);
    private static final Pattern BELOW = Pattern.compile(NAME + "\\s*([<\u2264])\\s*" + BOUND);
    private static final Pattern ABOVE = Pattern.compile(NAME + "\\s*([>\u2265])\\s*" + BOUND);
    private static final String INFINITY = "\\infty";

    private SetNotation() {
    }

    static String rewrite(String answer) {
        String s = answer.strip();
        if (s.startsWith("\u2248") && s.length() > 1) {
            return s.substring(1).strip();
        }
        if (s.indexOf('R') >= 0 || s.indexOf('\u211d') >= 0) {
            if (REALS.matcher(s).matches()) {
                return "(-" + INFINITY + ", " + INFINITY + ")";
            }
        }
        if (s.indexOf('|') < 0 || s.length() > 200) {
            return s;
        }
        Matcher m = BETWEEN.matcher(s);
        if (m.matches()) {
            String lo = m.group(1).strip();
            String hi = m.group(4).strip();
            boolean loClosed = m.group(2).equals("\u2264");
            boolean hiClosed = m.group(3).equals("\u2264");
            return (hiClosed ? "[" : "(") + "-(" + hi + "), -(" + lo + ")" + (loClosed ? "]" : ")") + " \u222a "
                    + (loClosed ? "[" : "(") + lo + ", " + hi + (hiClosed ? "]" : ")");
        }
        m = BELOW.matcher(s);
        if (m.matches()) {
            boolean closed = m.group(1).equals("\u2264");
            String c = m.group(2).strip();
            return (closed ? "[" : "(") + "-(" + c + "), " + c + (closed ? "]" : ")");
        }
        m = ABOVE.matcher(s);
        if (m.matches()) {
            boolean closed = m.group(1).equals("\u2265");
            String c = m.group(2).strip();
            return "(-" + INFINITY + ", -(" + c + ")" + (closed ? "]" : ")") + " \u222a " + (closed ? "[" : "(") + c
                    + ", " + INFINITY + ")";
        }
        return s;
    }
}
