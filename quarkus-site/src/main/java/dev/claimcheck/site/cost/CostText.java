package dev.claimcheck.site.cost;

import dev.claimcheck.site.page.Fmt;
import dev.claimcheck.site.prices.PricesReader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * The page's words for a row's cost and speed: the cells and their explanations (the column titles are in
 * boards.ftlh and model.ftlh). A simulated run's figures end in "(sim)".
 */
public final class CostText {
    public static final String NO_PRICE = "no declared price";
    public static final String NO_COUNTS = "no token counts";
    static final String SIM = " (sim)";

    private CostText() {
    }

    /** "$0.0012", "$0.123", "$12.34": two significant figures below a cent, else tenths of a cent, else cents. */
    public static String usd(double x) {
        if (x >= 1) {
            return String.format(Locale.ROOT, "$%,.2f", x);
        }
        if (x >= 0.01 || x == 0) {
            return String.format(Locale.ROOT, "$%.3f", x);
        }
        return "$" + new BigDecimal(x).round(new MathContext(2)).stripTrailingZeros().toPlainString();
    }

    public static String perTask(RowEconomics e, boolean simulated) {
        return cell(e, e.usdPerTask(), simulated);
    }

    /** As {@link #perTask}, but a dash without a price: the row says "no declared price" once, in its $ per task. */
    public static String perRun(RowEconomics e, boolean simulated) {
        return e.priceProvider() == null ? Fmt.NONE : cell(e, e.usdPerRun(), simulated);
    }

    private static String cell(RowEconomics e, Double usd, boolean simulated) {
        if (e.priceProvider() == null) {
            return NO_PRICE;
        }
        if (usd == null) {
            return NO_COUNTS;
        }
        return usd(usd) + (simulated ? SIM : "");
    }

    /** The cost cells' title: which price, read when, from where; and that simulated tokens are not the model's. */
    public static String title(RowEconomics e, boolean simulated) {
        if (e.priceProvider() == null) {
            return "the price table (" + PricesReader.REL + ") lists no price for this model";
        }
        return "at " + e.priceProvider() + "'s list price read " + e.priceRead() + ": " + rate(e.priceInputUsdPerMtok())
                + " input, " + (e.priceCachedInputUsdPerMtok() == null ? "no cached-input rate (cached tokens at the input rate)"
                : rate(e.priceCachedInputUsdPerMtok()) + " cached input") + ", " + rate(e.priceOutputUsdPerMtok())
                + " output per million tokens (" + e.priceSource() + ")"
                + (simulated ? "; simulated run: the simulator's token counts priced, not the model's" : "");
    }

    static String rate(double x) {
        return "$" + new BigDecimal(Double.toString(x)).stripTrailingZeros().toPlainString();
    }

    /** Mean end-to-end time per request: "850 ms", "12.3 s"; a dash when nothing was timed. */
    public static String latency(RowEconomics e, boolean simulated) {
        Double ms = e.meanLatencyMs();
        if (ms == null) {
            return Fmt.NONE;
        }
        String s = ms < 1000 ? Fmt.count(ms) + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000);
        return s + (simulated ? SIM : "");
    }
}
