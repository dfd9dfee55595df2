package dev.claimcheck.site.page;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The token-efficiency chart of one workload: score against mean output tokens, one series per lane,
 * and the Pareto frontier (no other point has a higher score for fewer or as many tokens).
 */
public record ChartData(String workload, List<Series> series, List<Xy> frontier) {
    public record Series(String lane, List<Point> points) {
    }

    /** A run; pages link it through their own run link template (the data is the same for every page). */
    public record Point(String model, String suite, String dataset, String runId, double x, double y,
                        double lo, double hi, boolean simulated) {
    }

    public record Xy(double x, double y) {
    }

    /** The chart of {@code points} by lane (instant, thinking), with their frontier. */
    public static ChartData of(String workload, List<Point> instant, List<Point> thinking) {
        List<Point> all = new ArrayList<>(instant);
        all.addAll(thinking);
        return new ChartData(workload, List.of(new Series("instant", List.copyOf(instant)),
                new Series("thinking", List.copyOf(thinking))), frontier(all));
    }

    /** Points with fewer tokens or a higher score than every cheaper point, in token order. */
    public static List<Xy> frontier(List<Point> points) {
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(Point::x).thenComparing(Comparator.comparingDouble(Point::y).reversed()));
        List<Xy> out = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        for (Point p : sorted) {
            if (p.y() > best) {
                out.add(new Xy(p.x(), p.y()));
                best = p.y();
            }
        }
        return out;
    }
}
