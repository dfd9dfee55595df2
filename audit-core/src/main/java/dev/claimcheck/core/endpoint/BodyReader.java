package dev.claimcheck.core.endpoint;

import dev.claimcheck.core.model.ErrorCause;
import java.io.EOFException;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body read on the caller's thread with an idle watchdog: every wait for bytes is a timed poll,
 * so a server that stops sending turns into a TIMEOUT after {@code idleNanos} (java.net.http's request
 * timeout stops at the headers and would let a stalled body hang forever). Sizes are bounded.
 */
final class BodyReader implements HttpResponse.BodySubscriber<BodyReader> {
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final long idleNanos;
    private final long deadlineNanos;
    private final long maxBytes;
    private volatile Flow.Subscription subscription;
    private volatile boolean finished;
    private List<ByteBuffer> buffers = List.of();
    private int bufferIndex;
    private long total;
    private byte[] line = new byte[256];

    /** @param deadlineNanos System.nanoTime() limit for the whole try, or Long.MAX_VALUE */
    BodyReader(long idleNanos, long deadlineNanos, long maxBytes) {
        this.idleNanos = idleNanos;
        this.deadlineNanos = deadlineNanos;
        this.maxBytes = maxBytes;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        queue.add(item);
    }

    @Override
    public void onError(Throwable throwable) {
        queue.add(throwable);
    }

    @Override
    public void onComplete() {
        queue.add(END);
    }

    @Override
    public CompletionStage<BodyReader> getBody() {
        // Complete at once: the caller gets the response at the headers and reads the body itself.
        return CompletableFuture.completedStage(this);
    }

    /** Gives up the body; closes the connection unless the body was read to its end. */
    void cancel() {
        Flow.Subscription s = subscription;
        if (s != null && !finished) {
            s.cancel();
        }
    }

    boolean finished() {
        return finished;
    }

    /**
     * Reads the next line into {@link #lineBuffer()} without its terminator ({@code \n} or {@code \r\n}) and
     * returns its length, or -1 at the end of the body. Bytes, not a String: chunks go straight to the JSON parser.
     */
    int readLine(int maxLineBytes) throws TryFailure, IOException, InterruptedException {
        int len = 0;
        while (true) {
            ByteBuffer b = current(idleNanos);
            if (b == null) {
                return len == 0 ? -1 : strip(len);
            }
            // Scan for the terminator in bulk: a per-byte get() was the client's hottest loop.
            int start = b.position();
            int limit = b.limit();
            int nl = -1;
            for (int i = start; i < limit; i++) {
                if (b.get(i) == '\n') {
                    nl = i;
                    break;
                }
            }
            int n = (nl < 0 ? limit : nl) - start;
            if (len + n > maxLineBytes) {
                throw TryFailure.of(ErrorCause.MALFORMED_RESPONSE, "a line of the stream exceeds " + maxLineBytes + " bytes");
            }
            if (len + n > line.length) {
                line = Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(len + n, line.length * 2)));
            }
            b.get(line, len, n);
            len += n;
            if (nl >= 0) {
                b.get(); // the '\n' itself
                return strip(len);
            }
        }
    }

    /** The bytes of the last line read (valid up to the length {@link #readLine} returned). */
    byte[] lineBuffer() {
        return line;
    }

    /** Everything that remains, up to the size limit. */
    byte[] readAll() throws TryFailure, IOException, InterruptedException {
        return readAll(idleNanos);
    }

    byte[] readAll(long waitNanos) throws TryFailure, IOException, InterruptedException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ByteBuffer b;
        while ((b = current(waitNanos)) != null) {
            byte[] chunk = new byte[b.remaining()];
            b.get(chunk);
            out.write(chunk);
        }
        return out.toByteArray();
    }

    private int strip(int len) {
        return len > 0 && line[len - 1] == '\r' ? len - 1 : len;
    }

    /** A buffer with bytes remaining, or null at the end; waits at most the idle time (and the overall deadline). */
    private ByteBuffer current(long waitNanos) throws TryFailure, IOException, InterruptedException {
        while (true) {
            while (bufferIndex < buffers.size()) {
                ByteBuffer b = buffers.get(bufferIndex);
                if (b.hasRemaining()) {
                    return b;
                }
                bufferIndex++;
            }
            if (finished) {
                return null;
            }
            long left = deadlineNanos - System.nanoTime();
            long wait = Math.min(waitNanos, left);
            Object next = wait <= 0 ? queue.poll() : queue.poll(wait, TimeUnit.NANOSECONDS);
            if (next == null) {
                cancel();
                throw TryFailure.of(ErrorCause.TIMEOUT, waitNanos < left
                        ? "no bytes from the server for " + millis(waitNanos) + " ms (stalled stream)"
                        : "request timeout reached while reading the body");
            }
            if (next == END) {
                finished = true;
                return null;
            }
            if (next instanceof Throwable t) {
                finished = true;
                if (t instanceof IOException io) {
                    throw io;
                }
                throw new IOException(t.getMessage(), t);
            }
            @SuppressWarnings("unchecked")
            List<ByteBuffer> list = (List<ByteBuffer>) next;
            for (ByteBuffer b : list) {
                total += b.remaining();
            }
            if (total > maxBytes) {
                cancel();
                throw TryFailure.of(ErrorCause.MALFORMED_RESPONSE, "response larger than " + maxBytes + " bytes");
            }
            buffers = list;
            bufferIndex = 0;
            subscription.request(1);
        }
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    static boolean isEof(Throwable t) {
        return t instanceof EOFException;
    }
}
