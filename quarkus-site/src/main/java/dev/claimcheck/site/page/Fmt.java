package dev.claimcheck.site.page;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Number formatting for pages: fixed locale, so the same root renders the same bytes anywhere. */
public final class Fmt {
    public static final String NONE = "—";

    private Fmt() {
    }

    /** A score in [0, 1] as percentage points with one decimal. */
    public static String pct(Double x) {
        return x == null ? NONE : String.format(Locale.ROOT, "%.1f", 100 * x);
    }

    /** Half the CI width in percentage points, "± 4.2". */
    public static String plusMinus(Double lo, Double hi) {
        return lo == null || hi == null ? "" : "± " + String.format(Locale.ROOT, "%.1f", 50 * (hi - lo));
    }

    public static String interval(Double lo, Double hi) {
        return lo == null || hi == null ? "no CI (fewer than 2 tasks)"
                : "95% CI " + pct(lo) + "–" + pct(hi);
    }

    public static String count(double x) {
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(Math.round(x));
    }

    public static String dec(Double x, int places) {
        return x == null || x.isNaN() || x.isInfinite() ? NONE : String.format(Locale.ROOT, "%." + places + "f", x);
    }

    public static String ms(Double x) {
        return x == null ? NONE : count(x) + " ms";
    }

    /** A sortable key: numbers with fixed width so that text order matches numeric order in the page's script. */
    public static String key(Double x) {
        return x == null ? "" : String.format(Locale.ROOT, "%.6f", x);
    }

    /** The date part (YYYY-MM-DD) of an ISO instant, or empty. */
    public static String date(String instant) {
        return instant == null || instant.length() < 10 ? "" : instant.substring(0, 10);
    }
}
