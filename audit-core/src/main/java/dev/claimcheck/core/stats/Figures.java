package dev.claimcheck.core.stats;

import dev.claimcheck.core.model.FigureRow;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.Sample;
import java.util.Collection;
import java.util.List;

/**
 * What a workload adds to the figures every run shares: its own block(s) of run.json {@code metrics}, computed from
 * the samples, listed as named rows, with the title and the sentence the pages show. The suite supplies it
 * ({@code Suite.figures()}), and whoever calls {@link RunMetrics#of} passes it in, so {@code stats} never imports
 * {@code suite} (docs/architecture.md §5.3).
 */
public interface Figures {
    /** The workload's name on the leaderboard and run pages, e.g. "Documents". */
    String title();

    /** One sentence: what the score measures. */
    String measured();

    /** How the score reads in the result table (a docs run's score is its grounded accuracy). */
    default String scoreLabel() {
        return "score";
    }

    /**
     * The run's metrics with this workload's block(s) added. {@code shared} holds the figures every workload shares;
     * a workload may also replace the score (long context: mean over cells; throughput: none), and
     * {@link RunMetrics} then derives the score per 1k output tokens from the score returned.
     */
    Metrics addTo(Metrics shared, Collection<Sample> samples);

    /** The block's rows in summary.csv order, after the shared rows; empty when the block is absent. */
    List<FigureRow> rows(Metrics m);

    /** A workload with no block of its own (arith): the shared figures only. */
    static Figures sharedOnly(String title, String measured) {
        return new Figures() {
            @Override
            public String title() {
                return title;
            }

            @Override
            public String measured() {
                return measured;
            }

            @Override
            public Metrics addTo(Metrics shared, Collection<Sample> samples) {
                return shared;
            }

            @Override
            public List<FigureRow> rows(Metrics m) {
                return List.of();
            }
        };
    }
}
