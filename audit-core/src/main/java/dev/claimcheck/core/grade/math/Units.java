package dev.claimcheck.core.grade.math;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Math v2: units removed from an extracted answer before normalization, where the text says they are units
 * (docs/grading/math.md, "Units"): a degree mark with its scale ({@code -10^\circ F}, {@code -3^{\circ}\text{C}},
 * {@code 5°C}, {@code ℃}); a trailing {@code \text{…}} / {@code \mathrm{…}} group after a number ({@code 5\ \text{m}},
 * {@code 30 \text{ km/h}}, {@code 15\,\mathrm{cm}^2}); a trailing compound unit after a number and a space
 * ({@code 30 km/h}, {@code 9.8 m/s^2}). A bare single letter after a number ({@code 5 m}) stays: it may be a product.
 * Plain unit words ({@code 125 miles}) are the normalizer's, in both versions.
 */
final class Units {
    private static final Pattern DEGREE = Pattern.compile(
            "\\s*(?:\\^\\s*\\{\\s*\\\\circ\\s*\\}|\\^\\s*\\\\circ|\\\\degree|\u00b0|\u2103|\u2109)"
            + "(?:\\s*(?:\\\\(?:text|mathrm|textnormal|mbox|textrm)\\s*\\{\\s*[CFK]\\s*\\}|[CFK](?![A-Za-z])))?");
    private static final String UNIT = "(?!\\s*(?:percent|percentage|pct)\\b)[A-Za-z]{1,20}(?:\\s?(?:/|\\\\cdot|\\s)\\s?[A-Za-z]{1,20}){0,3}(?:\\s*\\^\\s*\\{?-?[0-9]\\}?)?";
    /** {@code \text{ km/h}} and friends at the end, after a digit or a closing brace or parenthesis. */
    private static final Pattern TEXT_UNIT = Pattern.compile(
            "(?<=[0-9}).])(?:\\s|\\\\ |\\\\,|\\\\;|\\\\!|~)*\\\\(?:text|mathrm|textnormal|mbox|textrm|textit|mathit|rm)"
            + "\\s*\\{\\s*" + UNIT + "\\s*\\}(?:\\s*\\^\\s*\\{?[0-9]\\}?)?\\s*$");
    /** {@code 30 km/h}, {@code 9.8 m/s^2}, {@code 3 m/s}: two unit words around a slash, after a number and a space. */
    private static final Pattern COMPOUND_UNIT = Pattern.compile(
            "(?<=[0-9])\\s+[A-Za-z]{1,5}\\s*/\\s*[A-Za-z]{1,5}(?:\\^\\{?-?[0-9]\\}?)?\\s*\\.?\\s*$");

    /** v3: a number, then a unit symbol with an optional square or cube ({@code 1,000.99m^2}, {@code 12 m^{2}}). */
    private static final Pattern SYMBOL_AFTER_NUMBER = Pattern.compile(
            "([-+]?\\d[\\d,.]*)\\s*(?:[kcm]?m|ft|in|yd|mi|[km]?g|lb|oz|s|ms|h|min|m?L|ml|cc)(?:\\^\\{?[23]\\}?)?");

    private Units() {
    }

    /**
     * v3: the number of a normalized answer that is a number and a unit symbol, else null. Only asked where the gold
     * answer is a constant, so the symbol cannot be a variable of the answer ({@code 5m} against the gold {@code 5m}
     * stays a product).
     */
    static String numberBeforeSymbol(String normalized) {
        if (normalized.length() > 40) {
            return null;
        }
        Matcher m = SYMBOL_AFTER_NUMBER.matcher(normalized);
        return m.matches() ? m.group(1) : null;
    }

    static String strip(String answer) {
        String s = answer;
        if (s.indexOf('\\') >= 0 || s.indexOf('\u00b0') >= 0 || s.indexOf('\u2103') >= 0 || s.indexOf('\u2109') >= 0) {
            s = DEGREE.matcher(s).replaceAll("");
            for (int guard = 0; guard < 4 && s.indexOf('\\') >= 0; guard++) {
                Matcher m = TEXT_UNIT.matcher(s);
                if (!m.find() || !hasDigit(s.substring(0, m.start()))) {
                    break;
                }
                s = s.substring(0, m.start());
            }
        }
        if (s.indexOf('/') >= 0) {
            Matcher m = COMPOUND_UNIT.matcher(s);
            if (m.find() && !isMath(m.group())) {
                s = s.substring(0, m.start());
            }
        }
        return s;
    }

    /** {@code 2 x/y} is math: a compound unit needs a word of two or more letters or a known one-letter pair. */
    private static boolean isMath(String unit) {
        String u = unit.strip().replace(" ", "");
        String[] parts = u.split("/");
        return parts[0].length() < 2 && parts[1].replaceAll("\\^.*", "").length() < 2 && !u.matches("(?i)m/s.*|[gm]/[Lm]");
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Lexer.isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
