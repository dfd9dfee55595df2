package dev.claimcheck.site.page;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Number and date formatting for pages, through each {@link Lang}'s locale and nothing else (never the JVM's
 * default), so the same root renders the same bytes anywhere. The static methods format for English, which is
 * also what every language shows for numbers (zh uses the same digits, "." and ","); {@link #of} gives a language's
 * formatter for what differs: the date a reader sees ({@link #day}: {@code 2026-11-29} in English, {@code 2026年11月29日}
 * in Chinese) and numbers a template passes to a message. Sort keys and filter values stay ISO in every language.
 */
public final class Fmt {
    public static final String NONE = "—";

    private static final Map<Lang, Fmt> BY_LANG = new EnumMap<>(Lang.class);

    static {
        for (Lang l : Lang.values()) {
            BY_LANG.put(l, new Fmt(l));
        }
    }

    private static final Fmt EN = BY_LANG.get(Lang.EN);

    private final Lang lang;
    private final Locale locale;
    private final DateTimeFormatter day;

    private Fmt(Lang lang) {
        this.lang = lang;
        this.locale = lang.locale();
        this.day = lang == Lang.ZH ? DateTimeFormatter.ofPattern("uuuu年M月d日", locale)
                : DateTimeFormatter.ISO_LOCAL_DATE.withLocale(locale);
    }

    public static Fmt of(Lang lang) {
        return BY_LANG.get(lang);
    }

    /** A score in [0, 1] as percentage points with one decimal. */
    public static String pct(Double x) {
        return x == null ? NONE : EN.fixed(100 * x, 1);
    }

    /** Half the CI width in percentage points, "± 4.2". */
    public static String plusMinus(Double lo, Double hi) {
        return lo == null || hi == null ? "" : "± " + EN.fixed(50 * (hi - lo), 1);
    }

    public static String count(double x) {
        return EN.integer(x);
    }

    public static String dec(Double x, int places) {
        return x == null || x.isNaN() || x.isInfinite() ? NONE : EN.fixed(x, places);
    }

    public static String ms(Double x) {
        return x == null ? NONE : count(x) + " ms";
    }

    /** A sortable key: numbers with fixed width so that text order matches numeric order in the page's script. */
    public static String key(Double x) {
        return x == null ? "" : String.format(Locale.ROOT, "%.6f", x);
    }

    /** The date part (YYYY-MM-DD) of an ISO instant, or empty: the form of sort keys and the date filter. */
    public static String date(String instant) {
        return instant == null || instant.length() < 10 ? "" : instant.substring(0, 10);
    }

    /** A score's 95% interval in percentage points as this language words it ({@link #interval} in English). */
    public String ci(Double lo, Double hi) {
        Messages m = Messages.of(lang);
        return lo == null || hi == null ? m.get("fmt.noCi") : m.get("fmt.ci", pct(lo), pct(hi));
    }

    /** The date of an ISO instant as this language writes it, or empty. */
    public String day(String instant) {
        String iso = date(instant);
        try {
            return iso.isEmpty() ? "" : LocalDate.parse(iso).format(day);
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    /** A whole number with this locale's grouping ("12,345"). */
    public String integer(double x) {
        return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(locale)).format(Math.round(x));
    }

    /** {@code x} with {@code places} decimals in this locale (half up, no grouping). */
    public String fixed(double x, int places) {
        return String.format(locale, "%." + places + "f", x);
    }

    /** A number a template hands to a message: whole numbers grouped, others with their own decimals. */
    public String number(Number n) {
        double d = n.doubleValue();
        return d == Math.rint(d) && !Double.isInfinite(d) ? integer(d) : String.valueOf(n);
    }
}
