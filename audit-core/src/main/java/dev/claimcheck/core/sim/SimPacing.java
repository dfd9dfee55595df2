package dev.claimcheck.core.sim;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/** How the simulator keeps its schedule: absolute deadlines from a request's arrival, and the emit stamps it can send. */
final class SimPacing {
    static final long MS = 1_000_000L;

    private SimPacing() {
    }

    /**
     * Parks until {@code deadlineNs} ({@link System#nanoTime()}): an absolute deadline, where {@code Thread.sleep(ms)}
     * after the simulator's own work would add that work to every TTFT. Interrupted (the simulator closing): throws.
     */
    static void sleepUntil(long deadlineNs) throws InterruptedException {
        for (long left = deadlineNs - System.nanoTime(); left > 0; left = deadlineNs - System.nanoTime()) {
            LockSupport.parkNanos(left);
            if (Thread.interrupted()) {
                throw new InterruptedException("simulator closing");
            }
        }
    }

    /** The comment before a token event: its emit time, just before the write, on this host's monotonic clock. */
    static byte[] stamp(long nanos) {
        return (Simulator.EMIT_COMMENT + nanos + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
