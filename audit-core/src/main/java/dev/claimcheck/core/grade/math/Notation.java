package dev.claimcheck.core.grade.math;

import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Math v3: spellings rewritten into the normalizer's notation before it runs (docs/grading/math.md, "Notation"):
 * repeating decimals ({@code 0.\overline{3}} is 1/3), e-notation ({@code 1.5e-4}), runs of Unicode superscripts
 * ({@code 10⁻³}), Unicode roots over a number or letter ({@code √12}, {@code ∛2}), the invisible delimiters
 * {@code \left.} / {@code \right.}, Markdown bold around the whole answer ({@code **5**}), and logarithms to a base
 * ({@code \log_2 8} as {@code \ln 8 / \ln 2}). Each rewrite is one
 * linear pass, run only when its trigger character occurs.
 */
final class Notation {
    /** Integer part, non-repeating and repeating digits; lengths bounded so the fraction stays small. */
    private static final Pattern REPEATING = Pattern.compile(
            "(\\d{0,30})\\.(\\d{0,30})\\\\overline\\s*\\{\\s*(\\d{1,30})\\s*\\}");
    /**
     * {@code 3e5}, {@code 1.5e-4}, {@code 2E-3}: digits, e, an exponent of at most three digits, no letter around. A
     * signed exponent needs a decimal mantissa or a capital E: {@code 2e-1} and {@code 2e+1} stay Euler's number.
     */
    private static final Pattern E_NOTATION = Pattern.compile(
            "(?<![A-Za-z0-9.\\\\_^])(\\d+\\.\\d+[eE][+-]?|\\d+E[+-]?|\\d+[eE])(\\d{1,3})(?![A-Za-z0-9])");
    /** {@code 4\text{e-}4}, {@code 2\mathrm{E}{+}3}: the wrapper says the e is notation, so it reads as a capital E. */
    private static final Pattern WRAPPED_E = Pattern.compile(
            "(\\d)\\s*\\\\(?:text|mathrm|rm)\\s*\\{\\s*[eE]\\s*([+-]?)\\s*\\}\\s*\\{?\\s*([+-]?)\\s*\\}?\\s*(?=\\d)");
    private static final Pattern ROOT = Pattern.compile("([\u221a\u221b\u221c])\\s*(\\d+(?:\\.\\d+)?|[A-Za-z](?![A-Za-z]))");
    /**
     * {@code \log_2 8}, {@code \log_{10}(x+1)}, {@code \log_b{x}}: a base of digits or one letter, and an argument in
     * brackets or braces, or a number or letter with no power after it (so {@code \log_2 x^2} is left alone).
     */
    private static final Pattern LOG_BASE = Pattern.compile("\\\\log_(?:\\{\\s*([0-9]{1,6}|[A-Za-z])\\s*\\}|([0-9]|[A-Za-z]))\\s*"
            + "(?:\\(([^()]{1,60})\\)|\\{([^{}]{1,60})\\}|([0-9]{1,12}(?:\\.[0-9]{1,12})?|[A-Za-z])(?![0-9A-Za-z]|\\s*\\^))");
    private static final Pattern BOLD = Pattern.compile("^\\*\\*([^*]+)\\*\\*$");
    private static final String SUPERSCRIPTS = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079\u207a\u207b";
    private static final String PLAIN = "0123456789+-";

    private Notation() {
    }

    static String rewrite(String answer) {
        String s = answer;
        if (s.length() > Budget.MAX_ANSWER_CHARS) {
            return s; // the normalizer refuses it with its budget message
        }
        if (s.indexOf("\\left.") >= 0 || s.indexOf("\\right.") >= 0) {
            s = s.replace("\\left.", " ").replace("\\right.", " ");
        }
        if (s.startsWith("**")) {
            Matcher m = BOLD.matcher(s.strip());
            if (m.matches()) {
                s = m.group(1);
            }
        }
        if (s.contains("\\overline")) {
            s = REPEATING.matcher(s).replaceAll(m -> Matcher.quoteReplacement(repeating(m)));
        }
        if (s.contains("\\log_")) {
            s = LOG_BASE.matcher(s).replaceAll(m -> Matcher.quoteReplacement("\\frac{\\ln(" + first(m, 3, 4, 5) + ")}{\\ln("
                    + first(m, 1, 2) + ")}"));
        }
        if (s.contains("{e") || s.contains("{E")) {
            s = WRAPPED_E.matcher(s).replaceAll("$1E$2$3");
        }
        if (s.indexOf('e') >= 0 || s.indexOf('E') >= 0) {
            s = E_NOTATION.matcher(s).replaceAll(m -> Matcher.quoteReplacement(scientific(m.group(1), m.group(2))));
        }
        if (hasAny(s, "\u221a\u221b\u221c")) {
            s = ROOT.matcher(s).replaceAll(m -> Matcher.quoteReplacement(root(m.group(1).charAt(0)) + "{" + m.group(2) + "}"));
        }
        if (hasAny(s, SUPERSCRIPTS)) {
            s = superscripts(s);
        }
        return s;
    }

    /** {@code I.A\overline{R}} = (IAR − IA) / (10^|A| · (10^|R| − 1)), exactly. */
    private static String repeating(java.util.regex.MatchResult m) {
        String whole = m.group(1);
        String fixed = m.group(2);
        String cycle = m.group(3);
        BigInteger all = new BigInteger(whole + fixed + cycle);
        BigInteger head = new BigInteger((whole + fixed).isEmpty() ? "0" : whole + fixed);
        BigInteger den = BigInteger.TEN.pow(fixed.length()).multiply(BigInteger.TEN.pow(cycle.length()).subtract(BigInteger.ONE));
        return "\\frac{" + all.subtract(head) + "}{" + den + "}";
    }

    /** {@code 1.5e-} and {@code 4} as {@code (1.5\times 10^{-4})}. */
    private static String scientific(String mantissaE, String digits) {
        char sign = mantissaE.charAt(mantissaE.length() - 1);
        boolean signed = sign == '-' || sign == '+';
        String mantissa = mantissaE.substring(0, mantissaE.length() - (signed ? 2 : 1));
        return "(" + mantissa + "\\times 10^{" + (sign == '-' ? "-" : "") + digits + "})";
    }

    private static String first(java.util.regex.MatchResult m, int... groups) {
        for (int g : groups) {
            if (m.group(g) != null) {
                return m.group(g);
            }
        }
        throw new IllegalStateException("no group matched");
    }

    private static String root(char c) {
        return c == '\u221a' ? "\\sqrt" : c == '\u221b' ? "\\sqrt[3]" : "\\sqrt[4]";
    }

    /** A run of superscript characters is one exponent: {@code 10⁻³} is {@code 10^{-3}}. */
    private static String superscripts(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        int i = 0;
        while (i < s.length()) {
            int k = SUPERSCRIPTS.indexOf(s.charAt(i));
            if (k < 0) {
                out.append(s.charAt(i++));
                continue;
            }
            out.append("^{");
            while (i < s.length() && (k = SUPERSCRIPTS.indexOf(s.charAt(i))) >= 0) {
                out.append(PLAIN.charAt(k));
                i++;
            }
            out.append('}');
        }
        return out.toString();
    }

    private static boolean hasAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }
}
