package dev.claimcheck.core.cli;

import dev.claimcheck.core.run.ProgressListener;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Progress on stderr: a plain ASCII bar when stderr is a terminal, otherwise a line every 10% or 10 seconds. */
final class ConsoleProgress implements ProgressListener {
    private static final long LINE_INTERVAL_NANOS = 10_000_000_000L;

    private final PrintStream err;
    private final boolean tty;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong graded = new AtomicLong();
    private final AtomicLong correct = new AtomicLong();
    private volatile long total;
    private volatile long lastLine = System.nanoTime();
    private volatile long lastDecile;
    private ProgressBar bar;

    ConsoleProgress(PrintStream err) {
        this(err, Terminal.isTerminal(err));
    }

    /** @param tty whether {@code err} itself is a terminal ({@link Terminal}): the bar is drawn on that stream */
    ConsoleProgress(PrintStream err, boolean tty) {
        this.err = err;
        this.tty = tty;
    }

    @Override
    public void note(String line) {
        err.println(line);
    }

    @Override
    public void started(long total, long alreadyDone) {
        this.total = total;
        done.set(alreadyDone);
        if (tty) {
            bar = new ProgressBarBuilder().setTaskName("audit").setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(200).continuousUpdate()
                    .setConsumer(new ConsoleProgressBarConsumer(err)).build();
            bar.stepTo(alreadyDone);
        } else if (alreadyDone > 0) {
            err.println("resuming: " + alreadyDone + "/" + total + " attempts already done");
        }
    }

    @Override
    public void attemptFinished(boolean isGraded, boolean isCorrect) {
        long d = done.incrementAndGet();
        if (isGraded) {
            graded.incrementAndGet();
        }
        if (isCorrect) {
            correct.incrementAndGet();
        }
        if (bar != null) {
            bar.stepTo(d);
            bar.setExtraMessage(String.format(" correct %d/%d", correct.get(), graded.get()));
            return;
        }
        long now = System.nanoTime();
        long decile = total == 0 ? 10 : d * 10 / total;
        if (decile > lastDecile || now - lastLine > LINE_INTERVAL_NANOS) {
            lastDecile = decile;
            lastLine = now;
            err.printf("progress: %d/%d attempts, %d graded, %d correct%n", d, total, graded.get(), correct.get());
        }
    }

    @Override
    public void finished() {
        if (bar != null) {
            bar.close();
        }
    }
}
