package dev.claimcheck.site.page;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How a claim's value is written, from the unit the ledger gives it (docs/claims.md: {@code fraction},
 * {@code tokens/s}, {@code tokens}, {@code parameters}, {@code points of N}, {@code x}). The one formatter for
 * every claim value, claimed or reproduced, on every page (run, claims, model, leaderboard), so a number reads the
 * same wherever it is shown. A unit outside the vocabulary is written after the plain number, never scaled.
 */
public enum ClaimUnit {
    /** In [0, 1], shown as a percentage: {@code 95.5%}; differences in percentage points. */
    FRACTION,
    /** {@code 412.36 tokens/s}. */
    TOKENS_PER_SECOND,
    /** {@code 262,144 tokens}. */
    TOKENS,
    /** Model size with a decimal prefix: {@code 1T parameters}, {@code 63B parameters}. */
    PARAMETERS,
    /** {@code 35 points of 42}. */
    POINTS,
    /** A ratio against a baseline: {@code 10×}. */
    RATIO,
    /** Any other unit: the number, then the unit as written. */
    OTHER;

    /** The kind of a ledger unit; "points of N" in any N. */
    public static ClaimUnit of(String unit) {
        String u = unit == null ? "" : unit.strip();
        return switch (u) {
            case "fraction" -> FRACTION;
            case "tokens/s" -> TOKENS_PER_SECOND;
            case "tokens" -> TOKENS;
            case "parameters" -> PARAMETERS;
            case "x" -> RATIO;
            default -> u.equals("points") || u.startsWith("points of ") ? POINTS : OTHER;
        };
    }

    /** A value with its unit, e.g. {@code 95.5%}, {@code 412.36 tokens/s}; "—" for none. */
    public static String value(Double v, String unit) {
        if (v == null || v.isNaN() || v.isInfinite()) {
            return Fmt.NONE;
        }
        String u = unit == null ? "" : unit.strip();
        return switch (of(u)) {
            case FRACTION -> fixed(100 * v, 1) + "%";
            case TOKENS_PER_SECOND -> fixed(v, 2) + " tokens/s";
            case TOKENS -> fixed(v, 0) + " tokens";
            case PARAMETERS -> prefixed(v) + " parameters";
            case POINTS -> number(v, 2) + " " + u;
            case RATIO -> number(v, 2) + "×";
            case OTHER -> number(v, 3) + (u.isEmpty() ? "" : " " + u);
        };
    }

    /** A 95% interval in the claim's unit: {@code 95% CI 90.0–97.5%}; empty without bounds. */
    public static String interval(Double lo, Double hi, String unit) {
        return lo == null || hi == null ? "" : "95% CI " + value(lo, unit) + " – " + value(hi, unit);
    }

    /** Reproduced minus claimed, signed: percentage points for a fraction, else the unit's own. */
    public static String difference(double measured, double claimed, String unit) {
        double d = measured - claimed;
        String sign = d < 0 ? "-" : "+";
        return switch (of(unit)) {
            case FRACTION -> sign + String.format(Locale.ROOT, "%.1f", Math.abs(100 * d)) + " pts";
            default -> sign + value(Math.abs(d), unit);
        };
    }

    /** Grouped thousands, at most {@code places} decimals, trailing zeros dropped: 262,144 · 1.5 · 10. */
    static String number(double v, int places) {
        return format(v, "#,##0." + "#".repeat(places));
    }

    /** Grouped thousands and exactly {@code places} decimals (tabular columns line up): 95.0 · 412.36 · 1,235. */
    static String fixed(double v, int places) {
        return format(v, places == 0 ? "#,##0" : "#,##0." + "0".repeat(places));
    }

    private static String format(double v, String pattern) {
        DecimalFormat f = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        String s = f.format(BigDecimal.valueOf(v)); // BigDecimal: 412.365 rounds as written, not as its binary neighbour
        return s.matches("-0(\\.0*)?") ? s.substring(1) : s;
    }

    private static String prefixed(double v) {
        double a = Math.abs(v);
        return a >= 1e12 ? number(v / 1e12, 2) + "T" : a >= 1e9 ? number(v / 1e9, 2) + "B"
                : a >= 1e6 ? number(v / 1e6, 2) + "M" : number(v, 0);
    }
}
