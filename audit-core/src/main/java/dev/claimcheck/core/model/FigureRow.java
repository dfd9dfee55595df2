package dev.claimcheck.core.model;

import java.util.List;
import java.util.Map;

/**
 * One named figure of a run, as summary.csv lists it ({@code metric,value,ci_low,ci_high,n}); the CLI's result
 * table and the site's run page print the same rows, so a workload lists its figures once (its {@code Figures}).
 *
 * @param name dotted metric name, e.g. {@code docs.fieldAccuracy}
 * @param value the figure (a number, a boolean, or null when undefined)
 * @param ci95Low lower bound of the 95% interval, null when none
 * @param ci95High upper bound of the 95% interval, null when none
 * @param n what the figure is over (tasks, attempts, requests), null when it is not a rate or a mean
 */
public record FigureRow(String name, Object value, Double ci95Low, Double ci95High, Number n) {
    public FigureRow {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a figure needs a name");
        }
    }

    /** A count or a setting, with no interval. */
    public static FigureRow of(String name, Object value, Number n) {
        return new FigureRow(name, value, null, null, n);
    }

    /** An estimate over tasks. */
    public static FigureRow of(String name, Estimate e) {
        return new FigureRow(name, e.value(), e.ci95Low(), e.ci95High(), e.tasks());
    }

    /** A mean with its interval; no row at all when the mean is undefined. */
    public static List<FigureRow> of(String name, MeanInterval m) {
        return m == null ? List.of() : List.of(new FigureRow(name, m.mean(), m.ci95Low(), m.ci95High(), m.n()));
    }

    /** One estimate row per group, {@code prefix + group}, in the map's order. */
    public static void estimates(List<FigureRow> out, String prefix, Map<String, Estimate> byGroup) {
        byGroup.forEach((group, e) -> out.add(of(prefix + group, e)));
    }
}
