package dev.claimcheck.site.routing;

import static dev.claimcheck.site.page.Svg.esc;
import static dev.claimcheck.site.page.Svg.line;
import static dev.claimcheck.site.page.Svg.text;

import dev.claimcheck.core.stats.RoutingAnalysis;
import dev.claimcheck.core.stats.RoutingRow;
import dev.claimcheck.core.stats.RoutingStrategy;
import dev.claimcheck.site.page.Svg;
import java.util.List;
import java.util.Locale;

/**
 * The routing chart as inline SVG, drawn on the server: accuracy against mean output tokens (log scale), the
 * escalate-over-budget curve as a line, each other strategy as a labelled point with its 95% accuracy interval.
 * No script and no inline style (the pages' CSP forbids both): presentation attributes only. Every text is one of
 * the strategy ids or a number, and is XML-escaped anyway.
 */
final class RoutingChart {
    static final int W = 640;
    static final int H = 360;
    static final int L = 56;
    static final int R = 16;
    static final int T = 16;
    static final int B = 48;

    private RoutingChart() {
    }

    /** {@code label} names the chart for screen readers, {@code axis} is the x axis's title (both in the page's language). */
    static String svg(RoutingAnalysis.Report report, String label, String axis) {
        List<RoutingRow> rows = report.rows();
        double min = rows.stream().mapToDouble(r -> r.tokens().estimate()).filter(v -> v > 0).min().orElse(1);
        double max = rows.stream().mapToDouble(r -> r.tokens().estimate()).max().orElse(10);
        double lo = Math.log10(Math.max(1, min / 1.5));
        double hi = Math.log10(Math.max(max * 1.5, Math.pow(10, lo) * 10));
        StringBuilder s = new StringBuilder();
        s.append(Svg.open("routing-chart", W, H, label));
        // axes, grid and ticks
        s.append(line(L, T, L, H - B, "#57606a")).append(line(L, H - B, W - R, H - B, "#57606a"));
        for (int p = 0; p <= 100; p += 20) {
            double y = y(p / 100.0);
            s.append(line(L, y, W - R, y, "#d0d7de"));
            s.append(text(L - 6, y + 4, "end", p + "%"));
        }
        for (int e = (int) Math.ceil(lo); e <= Math.floor(hi); e++) {
            double x = x(Math.pow(10, e), lo, hi);
            s.append(line(x, T, x, H - B, "#d0d7de"));
            s.append(text(x, H - B + 16, "middle", e >= 3 ? (long) Math.pow(10, e - 3) + "k" : Long.toString((long) Math.pow(10, e))));
        }
        s.append(text((L + W - R) / 2.0, H - 8, "middle", axis));
        // the budget curve
        StringBuilder pts = new StringBuilder();
        for (RoutingRow r : rows) {
            if (r.strategy() == RoutingStrategy.ESCALATE_OVER_BUDGET) {
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(r.tokens().estimate(), lo, hi), y(r.accuracy().estimate())));
            }
        }
        s.append("<polyline fill=\"none\" stroke=\"#8250df\" stroke-width=\"2\" points=\"").append(pts.toString().strip()).append("\"/>");
        for (RoutingRow r : rows) {
            double x = x(r.tokens().estimate(), lo, hi);
            double y = y(r.accuracy().estimate());
            if (r.strategy() == RoutingStrategy.ESCALATE_OVER_BUDGET) {
                s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#8250df\"><title>budget %d: %.1f%%, %.0f tokens</title></circle>",
                        x, y, r.budget(), 100 * r.accuracy().estimate(), r.tokens().estimate()));
                continue;
            }
            if (r.accuracy().low() != null) {
                s.append(line(x, y(r.accuracy().low()), x, y(r.accuracy().high()), colour(r.strategy())));
            }
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"%s\"><title>%s: %.1f%%, %.0f tokens</title></circle>",
                    x, y, colour(r.strategy()), esc(r.strategy().id()), 100 * r.accuracy().estimate(), r.tokens().estimate()));
            s.append(text(x + 8, y - 6, "start", r.strategy().id()));
        }
        return s.append("</svg>").toString();
    }

    static String colour(RoutingStrategy s) {
        return switch (s) {
            case INSTANT_ONLY -> "#1f6feb";
            case THINKING_ONLY -> "#b35900";
            case ORACLE -> "#57606a";
            case ESCALATE_ON_UNPARSED -> "#1a7f37";
            case ESCALATE_ON_DISAGREEMENT -> "#cf222e";
            case ESCALATE_OVER_BUDGET -> "#8250df";
        };
    }

    private static double x(double tokens, double lo, double hi) {
        double v = Math.log10(Math.max(tokens, Math.pow(10, lo)));
        return L + (v - lo) / (hi - lo) * (W - L - R);
    }

    private static double y(double accuracy) {
        return H - B - accuracy * (H - B - T);
    }
}
