package dev.claimcheck.site.throughput;

import static dev.claimcheck.site.page.Svg.esc;
import static dev.claimcheck.site.page.Svg.line;
import static dev.claimcheck.site.page.Svg.text;

import dev.claimcheck.site.page.Links;
import dev.claimcheck.site.page.Svg;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * A throughput chart as inline SVG, drawn on the server: a measure (output tokens/s, TTFT p99) against load
 * (concurrency or request rate, log scale), one coloured series per (run, input length). Valid points are filled
 * and joined by the series' line; invalid ones (client-bound, or nothing completed) are hollow grey crosses off the
 * line, titled as the client's limit, so they are never read as the model's number.
 */
final class ThroughputChart {
    static final int W = 640;
    static final int PLOT_H = 300;
    static final int L = 64;
    static final int R = 16;
    static final int T = 16;
    static final int B = 44;
    static final int LEGEND_ROW = 16;
    static final String[] PALETTE = {"#1f6feb", "#b35900", "#1a7f37", "#8250df", "#cf222e", "#0a7ea4", "#9a6700", "#bf3989"};
    static final String INVALID = "#6e7781";

    /** One point; {@code y} null when the point has no such number (nothing completed). */
    record Point(double load, Double y, boolean valid) {
    }

    record Series(String label, List<Point> points) {
    }

    private ThroughputChart() {
    }

    /** Empty when no series has a point to draw; the load axis, point titles and legend in the page's language. */
    static String svg(List<Series> series, String label, String yAxis, Links links) {
        String xAxis = links.text("tp.chart.load");
        List<Point> all = series.stream().flatMap(s -> s.points().stream()).filter(p -> p.y() != null && p.load() > 0).toList();
        if (all.isEmpty()) {
            return "";
        }
        TreeSet<Double> loads = new TreeSet<>();
        all.forEach(p -> loads.add(p.load()));
        double lo = Math.log(loads.first());
        double hi = Math.log(loads.last());
        if (hi - lo < 1e-9) {
            lo -= 1;
            hi += 1;
        }
        double yMax = niceMax(all.stream().mapToDouble(Point::y).max().orElse(1));
        boolean anyInvalid = all.stream().anyMatch(p -> !p.valid());
        int h = PLOT_H + LEGEND_ROW * (series.size() + (anyInvalid ? 1 : 0)) + 8;
        StringBuilder s = new StringBuilder(Svg.open("throughput-chart", W, h, label));
        s.append(line(L, T, L, PLOT_H - B, "#57606a")).append(line(L, PLOT_H - B, W - R, PLOT_H - B, "#57606a"));
        for (int i = 0; i <= 4; i++) {
            double v = yMax * i / 4;
            double y = y(v, yMax);
            s.append(line(L, y, W - R, y, "#d0d7de")).append(text(L - 6, y + 4, "end", number(v)));
        }
        for (double load : loads) {
            double x = x(load, lo, hi);
            s.append(line(x, PLOT_H - B, x, PLOT_H - B + 4, "#57606a")).append(text(x, PLOT_H - B + 16, "middle", number(load)));
        }
        s.append(text((L + W - R) / 2.0, PLOT_H - 10, "middle", xAxis));
        s.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"11\" fill=\"#24292f\" "
                + "transform=\"rotate(-90 14 %.1f)\">%s</text>", (T + PLOT_H - B) / 2.0, (T + PLOT_H - B) / 2.0, esc(yAxis)));
        for (int i = 0; i < series.size(); i++) {
            Series se = series.get(i);
            String colour = PALETTE[i % PALETTE.length];
            StringBuilder pts = new StringBuilder();
            for (Point p : se.points()) {
                if (p.valid() && p.y() != null && p.load() > 0) {
                    pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(p.load(), lo, hi), y(p.y(), yMax)));
                }
            }
            if (!pts.isEmpty()) {
                s.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\" points=\"")
                        .append(pts.toString().strip()).append("\"/>");
            }
            for (Point p : se.points()) {
                if (p.y() == null || p.load() <= 0) {
                    continue;
                }
                double x = x(p.load(), lo, hi);
                double y = y(p.y(), yMax);
                String title = links.text("tp.chart.pointTitle", se.label(), number(p.load()), number(p.y()));
                if (p.valid()) {
                    s.append(String.format(Locale.ROOT, "<circle class=\"valid\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"><title>%s</title></circle>",
                            x, y, colour, esc(title)));
                } else {
                    s.append(String.format(Locale.ROOT, "<g class=\"invalid\"><circle cx=\"%.1f\" cy=\"%.1f\" r=\"6\" fill=\"#ffffff\" stroke=\"%s\" "
                            + "stroke-width=\"1.5\" stroke-dasharray=\"2 2\"/>%s%s<title>%s</title></g>",
                            x, y, INVALID, line(x - 3, y - 3, x + 3, y + 3, INVALID), line(x - 3, y + 3, x + 3, y - 3, INVALID), esc(links.text("tp.chart.invalidPoint", title))));
                }
            }
            double ly = PLOT_H + LEGEND_ROW * i + 4;
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"12\" height=\"4\" fill=\"%s\"/>", L, ly + 4, colour));
            s.append(text(L + 18, ly + 10, "start", se.label()));
        }
        if (anyInvalid) {
            double ly = PLOT_H + LEGEND_ROW * series.size() + 4;
            s.append(line(L + 3, ly + 3, L + 9, ly + 9, INVALID)).append(line(L + 3, ly + 9, L + 9, ly + 3, INVALID));
            s.append(text(L + 18, ly + 10, "start", links.text("tp.chart.invalidLegend")));
        }
        return s.append("</svg>").toString();
    }

    /** 1, 2, 2.5 or 5 times a power of ten, at least {@code max}. */
    static double niceMax(double max) {
        if (!(max > 0)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(max)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= max) {
                return m * p;
            }
        }
        return 10 * p;
    }

    static String number(double v) {
        if (v != Math.rint(v)) {
            return String.format(Locale.ROOT, Math.abs(v) < 10 ? "%.2f" : "%.1f", v);
        }
        return Math.abs(v) >= 10_000 ? String.format(Locale.ROOT, "%.0fk", v / 1000) : String.format(Locale.ROOT, "%.0f", v);
    }

    private static double x(double load, double lo, double hi) {
        return L + 12 + (Math.log(load) - lo) / (hi - lo) * (W - L - R - 24);
    }

    private static double y(double v, double max) {
        return PLOT_H - B - v / max * (PLOT_H - B - T);
    }
}
