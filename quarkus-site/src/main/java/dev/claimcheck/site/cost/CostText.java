package dev.claimcheck.site.cost;

import dev.claimcheck.site.page.Fmt;
import dev.claimcheck.site.page.Links;
import dev.claimcheck.site.prices.PricesReader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * The page's words for a row's cost and speed, in the page's language (keys {@code cost.*}): the cells and their
 * explanations (the column titles are {@code col.*} keys in boards.ftlh and model.ftlh). A simulated run's figures
 * end in "(sim)".
 */
public final class CostText {

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

    public static String perTask(RowEconomics e, boolean simulated, Links page) {
        return cell(e, e.usdPerTask(), simulated, page);
    }

    /** As {@link #perTask}, but a dash without a price: the row says "no declared price" once, in its $ per task. */
    public static String perRun(RowEconomics e, boolean simulated, Links page) {
        return e.priceProvider() == null ? Fmt.NONE : cell(e, e.usdPerRun(), simulated, page);
    }

    private static String cell(RowEconomics e, Double usd, boolean simulated, Links page) {
        if (e.priceProvider() == null) {
            return page.text("cost.noPrice");
        }
        if (usd == null) {
            return page.text("cost.noCounts");
        }
        return usd(usd) + sim(simulated, page);
    }

    private static String sim(boolean simulated, Links page) {
        return simulated ? " " + page.text("cost.sim") : "";
    }

    /** The cost cells' title: which price, read when, from where; and that simulated tokens are not the model's. */
    public static String title(RowEconomics e, boolean simulated, Links page) {
        if (e.priceProvider() == null) {
            return page.text("cost.title.none", PricesReader.REL);
        }
        String cached = e.priceCachedInputUsdPerMtok() == null ? page.text("cost.title.noCached")
                : page.text("cost.title.cached", rate(e.priceCachedInputUsdPerMtok()));
        return page.text("cost.title", e.priceProvider(), e.priceRead(), rate(e.priceInputUsdPerMtok()), cached,
                rate(e.priceOutputUsdPerMtok()), e.priceSource()) + (simulated ? page.text("cost.title.sim") : "");
    }

    static String rate(double x) {
        return "$" + new BigDecimal(Double.toString(x)).stripTrailingZeros().toPlainString();
    }

    /** Mean end-to-end time per request: "850 ms", "12.3 s"; a dash when nothing was timed. */
    public static String latency(RowEconomics e, boolean simulated, Links page) {
        Double ms = e.meanLatencyMs();
        if (ms == null) {
            return Fmt.NONE;
        }
        String s = ms < 1000 ? Fmt.count(ms) + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000);
        return s + sim(simulated, page);
    }
}
