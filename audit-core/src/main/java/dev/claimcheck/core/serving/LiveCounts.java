package dev.claimcheck.core.serving;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A running point's counts, written by the client's event loop and read by a progress display on another thread.
 * Plain atomic counters, updated once per finished request (and once per loop pass for the token events), so the
 * measured path pays a few uncontended writes.
 */
public final class LiveCounts {
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong tokenEvents = new AtomicLong();
    private final long startNs = System.nanoTime();

    /** What a display shows: requests finished, of which failed, streamed token events, seconds since the start. */
    public record Snapshot(long done, long errors, long tokenEvents, double seconds) {
        public double requestsPerSecond() {
            return seconds <= 0 ? 0 : done / seconds;
        }

        public double tokenEventsPerSecond() {
            return seconds <= 0 ? 0 : tokenEvents / seconds;
        }
    }

    void finished(boolean failed) {
        done.incrementAndGet();
        if (failed) {
            errors.incrementAndGet();
        }
    }

    void timedOut(int n) {
        done.addAndGet(n);
        errors.addAndGet(n);
    }

    void tokenEvents(long total) {
        tokenEvents.lazySet(total);
    }

    public Snapshot snapshot() {
        return new Snapshot(done.get(), errors.get(), tokenEvents.get(), (System.nanoTime() - startNs) / 1e9);
    }
}
