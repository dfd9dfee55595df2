package dev.claimcheck.core.stats;

import java.util.List;

/**
 * A claimed lower bound on an A/B ratio ("more than 3x the throughput of …") judged per load from the ratio's 95%
 * interval ({@link ThroughputComparison}): {@code consistent} only when the interval's lower end is at or above the
 * bound (the data show the ratio exceeds it), {@code refuted} when its upper end is below, {@code undecided} when
 * the interval contains the bound, there is none (too few repeats) or a point of the load was invalid (client-bound:
 * it measured the client, not the server). A point estimate above the bound with an
 * interval reaching below it is not enough for a lower-bound claim (docs/throughput.md).
 */
public final class LowerBoundCheck {
    private LowerBoundCheck() {
    }

    public enum Outcome {
        CONSISTENT("consistent"),
        REFUTED("refuted"),
        UNDECIDED("undecided");

        private final String id;

        Outcome(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** One load's judgement: the row compared and its outcome. */
    public record Judged(ThroughputComparison.Row row, double bound, Outcome outcome) {
    }

    public static Outcome of(ThroughputComparison.Row row, double bound) {
        if (!row.allValid() || row.ratioCi95Low() == null || row.ratioCi95High() == null) {
            return Outcome.UNDECIDED;
        }
        if (row.ratioCi95Low() >= bound) {
            return Outcome.CONSISTENT;
        }
        return row.ratioCi95High() < bound ? Outcome.REFUTED : Outcome.UNDECIDED;
    }

    public static List<Judged> of(List<ThroughputComparison.Row> rows, double bound) {
        if (!(bound > 0) || Double.isInfinite(bound)) {
            throw new IllegalArgumentException("a ratio bound must be a positive number, not " + bound);
        }
        return rows.stream().map(r -> new Judged(r, bound, of(r, bound))).toList();
    }
}
