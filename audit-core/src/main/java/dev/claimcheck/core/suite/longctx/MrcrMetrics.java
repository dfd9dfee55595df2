package dev.claimcheck.core.suite.longctx;

import dev.claimcheck.core.model.Estimate;
import dev.claimcheck.core.model.MeanInterval;
import java.util.List;

/**
 * The MRCR figures of a long-context run ({@code metrics.mrcr} in run.json): the mean score (the sequence-match ratio)
 * by needle count and by context bin, with the server's prompt tokens per bin. Definitions: docs/workloads/mrcr.md.
 *
 * @param byNeedles one entry per needle count, ascending
 * @param byBin one entry per context bin, in bin order ({@code out} last)
 */
public record MrcrMetrics(List<Needles> byNeedles, List<Bin> byBin) {
    public MrcrMetrics {
        byNeedles = byNeedles == null ? List.of() : List.copyOf(byNeedles);
        byBin = byBin == null ? List.of() : List.copyOf(byBin);
    }

    /** The mean score of the tasks with this many needles (t interval over tasks). */
    public record Needles(int needles, Estimate score) {
    }

    /**
     * One context bin.
     *
     * @param promptTokens the server's reported prompt tokens per attempt (null when it reported none)
     */
    public record Bin(String bin, Estimate score, MeanInterval promptTokens) {
    }
}
