package dev.claimcheck.site.page;

import java.util.Locale;

/**
 * Pieces of the server-drawn SVG charts (routing, throughput): presentation attributes only, because the pages' CSP
 * forbids inline styles and scripts; every text XML-escaped; numbers formatted with {@link Locale#ROOT}.
 */
public final class Svg {
    private Svg() {
    }

    public static String open(String cssClass, int width, int height, String label) {
        return String.format(Locale.ROOT, "<svg class=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
                + "role=\"img\" aria-label=\"%s\">", cssClass, width, height, esc(label));
    }

    public static String line(double x1, double y1, double x2, double y2, String stroke) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1\"/>",
                x1, y1, x2, y2, stroke);
    }

    public static String text(double x, double y, String anchor, String t) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"11\" fill=\"#24292f\">%s</text>",
                x, y, anchor, esc(t));
    }

    public static String esc(String t) {
        return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
