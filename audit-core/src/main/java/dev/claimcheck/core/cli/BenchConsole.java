package dev.claimcheck.core.cli;

import dev.claimcheck.core.model.LoadPoint;
import dev.claimcheck.core.serving.BenchProgress;
import dev.claimcheck.core.serving.LiveCounts;
import dev.claimcheck.core.serving.ServingBench;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * bench's progress on stderr. On a terminal, a status line redrawn twice a second while a point runs (requests done,
 * errors, request and token-event rates); always one line per finished point, which is all a log or pipe gets.
 * No colours and no escape sequences, only {@code \r}, so NO_COLOR and dumb terminals see plain text.
 */
final class BenchConsole implements BenchProgress, AutoCloseable {
    private static final long REDRAW_MS = 500;

    private final PrintStream err;
    private final boolean tty;
    private final ScheduledExecutorService ticker;
    private ScheduledFuture<?> redraw;
    private int drawn;

    BenchConsole(PrintStream err) {
        this(err, Terminal.isTerminal(err));
    }

    /** @param tty whether {@code err} is a terminal (decided by {@link Terminal} for the stream itself) */
    BenchConsole(PrintStream err, boolean tty) {
        this.err = err;
        this.tty = tty;
        this.ticker = tty ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-progress");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    @Override
    public synchronized void pointStarted(LoadPoint point, LiveCounts live) {
        if (tty) {
            redraw = ticker.scheduleAtFixedRate(() -> draw(status(point, live.snapshot())), REDRAW_MS, REDRAW_MS,
                    TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void pointDone(ServingBench.PointDone done) {
        if (redraw != null) {
            redraw.cancel(false);
            redraw = null;
            clear();
        }
        err.println(BenchCommand.progress(done));
    }

    private synchronized void draw(String line) {
        if (redraw == null) {
            return;
        }
        err.print("\r" + line + " ".repeat(Math.max(0, drawn - line.length())));
        err.flush();
        drawn = line.length();
    }

    private void clear() {
        if (drawn > 0) {
            err.print("\r" + " ".repeat(drawn) + "\r");
            drawn = 0;
        }
    }

    /** The status line of a running point. */
    static String status(LoadPoint p, LiveCounts.Snapshot s) {
        return String.format(Locale.ROOT, "point %d (%s): %d done, %d errors, %.1f req/s, %.0f tok/s, %.0f s", p.index(),
                BenchCommand.load(p), s.done(), s.errors(), s.requestsPerSecond(), s.tokenEventsPerSecond(), s.seconds());
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }
}
