package dev.claimcheck.core.serving;

import dev.claimcheck.core.model.LoadPoint;

/** What {@link ServingBench} tells a display: each point as it starts (with its live counts) and as it ends. */
@FunctionalInterface
public interface BenchProgress {
    /** A point ended; its records are in the journal. */
    void pointDone(ServingBench.PointDone done);

    /** A point starts; {@code live} counts its requests while it runs (read from any thread). */
    default void pointStarted(LoadPoint point, LiveCounts live) {
    }
}
