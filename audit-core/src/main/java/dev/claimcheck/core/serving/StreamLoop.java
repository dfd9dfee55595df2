package dev.claimcheck.core.serving;

import dev.claimcheck.core.model.ClientLoad;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * The measuring client: one thread, one NIO selector, any number of keep-alive HTTP/1.1 connections streaming
 * server-sent events. Java 17 has no virtual threads, and a thread per stream would spend the client's two cores
 * on context switches at 2,048 streams; one loop that timestamps each read with {@link System#nanoTime()} keeps
 * its own cost visible (its CPU time and the lag of a 1 ms tick are measured and reported with every point).
 * Plain {@code http://} only: TLS would put a handshake engine in the loop (docs/throughput.md).
 */
final class StreamLoop {
    private static final long TICK_NS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long SCAN_NS = TimeUnit.MILLISECONDS.toNanos(100);

    /** What to send: closed loop keeps {@code concurrency} in flight; open loop sends each request when it is due. */
    interface Source {
        /** The request with sequence number {@code i}, or null when no more should start ({@code elapsedNs} since the point began). */
        BenchRequest get(int i, long elapsedNs);
    }

    /** Everything one point produced: the exchanges in sequence order, and the client's own load. */
    record Result(List<InFlightRequest> exchanges, ClientLoad client, long startNs, long endNs, long tokenEvents, long epochUs,
                  ConnectionWarmup.Opened warmup) {
    }

    private final InetSocketAddress address;
    private final long idleTimeoutNs;
    private final boolean keepText;
    private final boolean emitStamps;
    private final ByteBuffer readBuffer = ByteBuffer.allocate(256 * 1024);
    private final ChunkReader chunks = new ChunkReader();
    private final ArrayDeque<Conn> idle = new ArrayDeque<>();
    private final List<Conn> open = new ArrayList<>();

    /** @param emitStamps read a simulator's emit stamp comments (EmitStamps) */
    StreamLoop(InetSocketAddress address, long idleTimeoutNs, boolean keepText, boolean emitStamps) {
        this.address = address;
        this.idleTimeoutNs = idleTimeoutNs;
        this.keepText = keepText;
        this.emitStamps = emitStamps;
    }

    /**
     * Runs one point to its end: every request the source gives is sent and finished (or timed out).
     *
     * @param concurrency closed loop: requests in flight; 0 for open loop (requests carry their due time)
     * @param live counts for a progress display, updated as requests finish
     * @param preopen connections to open before the window (ConnectionWarmup): at most the requests that will run at once
     */
    Result run(Source source, int concurrency, LiveCounts live, int preopen) throws IOException {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        boolean cpu = mx.isCurrentThreadCpuTimeSupported();
        long cpu0 = cpu ? mx.getCurrentThreadCpuTime() : 0;
        Histogram lag = new Histogram(3);
        lag.setAutoResize(true);
        List<InFlightRequest> exchanges = new ArrayList<>();
        try (Selector selector = Selector.open()) {
            // The point's connections are open before its window starts (ConnectionWarmup, OpenLoopWarmup).
            ConnectionWarmup.Opened warmup = ConnectionWarmup.open(address, preopen, idleTimeoutNs);
            for (SocketChannel ch : warmup.channels()) {
                Conn c = new Conn(new ResponseParser(chunks, keepText, emitStamps));
                c.channel = ch;
                c.uses = 1; // kept alive from the start: one the server closed meanwhile is resent on a new one (retryStale)
                open.add(c);
                c.key = ch.register(selector, 0, c);
                idle.addLast(c);
            }
            long t0 = System.nanoTime();
            java.time.Instant wall = java.time.Instant.now();
            long epochUs = wall.getEpochSecond() * 1_000_000L + wall.getNano() / 1000;
            long nextTick = t0 + TICK_NS;
            long nextScan = t0 + SCAN_NS;
            int inFlight = 0;
            boolean exhausted = false;
            BenchRequest pending = null;
            long events = 0;
            while (true) {
                long now = System.nanoTime();
                // Start what is due: closed loop fills free slots, open loop follows the absolute schedule.
                while (!exhausted && (concurrency == 0 || inFlight < concurrency)) {
                    if (pending == null) {
                        pending = source.get(exchanges.size(), now - t0);
                        if (pending == null) {
                            exhausted = true;
                            break;
                        }
                    }
                    long due = concurrency == 0 ? t0 + pending.dueNanos() : now;
                    if (due > now) {
                        break;
                    }
                    InFlightRequest ex = new InFlightRequest(pending, keepText);
                    ex.scheduledNs = due;
                    exchanges.add(ex);
                    pending = null;
                    inFlight++;
                    start(selector, ex, now, false);
                    if (ex.finished()) {
                        inFlight--; // could not even connect
                        live.finished(true);
                    }
                }
                if (exhausted && inFlight == 0) {
                    long end = System.nanoTime();
                    long cpuNs = cpu ? mx.getCurrentThreadCpuTime() - cpu0 : 0;
                    closeAll();
                    ClientLoad load = new ClientLoad(end > t0 ? cpuNs / (double) (end - t0) : 0,
                            lag.getTotalCount() == 0 ? 0 : lag.getValueAtPercentile(99));
                    return new Result(exchanges, load, t0, end, events, epochUs, warmup);
                }
                long due = pending != null && concurrency == 0 ? t0 + pending.dueNanos() : Long.MAX_VALUE;
                now = System.nanoTime();
                int ready;
                if (Math.min(due, nextTick) <= now) {
                    ready = selector.selectNow();
                } else if (due - now < TICK_NS) {
                    // select() sleeps in whole milliseconds (and wakes early on I/O); a send due sooner than that
                    // is waited for by parking the sub-millisecond rest, then polling.
                    LockSupport.parkNanos(due - now);
                    ready = selector.selectNow();
                } else {
                    long wait = Math.min(due, nextTick) - now;
                    ready = selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait + 999_999)));
                }
                if (ready > 0) {
                    Iterator<SelectionKey> it = selector.selectedKeys().iterator();
                    while (it.hasNext()) {
                        SelectionKey key = it.next();
                        it.remove();
                        Conn c = (Conn) key.attachment();
                        InFlightRequest before = c.ex;
                        int eventsBefore = before == null ? 0 : before.events;
                        handle(selector, c, key);
                        if (before != null) {
                            events += before.events - eventsBefore;
                            if (before.finished()) {
                                inFlight--;
                                live.finished(before.end != InFlightRequest.End.DONE);
                            }
                        }
                    }
                }
                now = System.nanoTime();
                if (now >= nextTick) {
                    lag.recordValue(TimeUnit.NANOSECONDS.toMicros(now - nextTick));
                    nextTick = now + TICK_NS;
                }
                if (now >= nextScan) {
                    int timedOut = timeouts(now);
                    inFlight -= timedOut;
                    live.timedOut(timedOut);
                    live.tokenEvents(events);
                    nextScan = now + SCAN_NS;
                }
            }
        } finally {
            closeAll();
        }
    }

    /** Sends {@code ex} on a kept-alive connection from the pool, or on a new one ({@code fresh}, or none idle). */
    private void start(Selector selector, InFlightRequest ex, long now, boolean fresh) {
        Conn c = fresh ? null : idle.pollFirst();
        try {
            if (c == null) {
                c = new Conn(new ResponseParser(chunks, keepText, emitStamps));
                c.channel = SocketChannel.open();
                c.channel.configureBlocking(false);
                c.channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                open.add(c);
                c.key = c.channel.register(selector, 0, c);
                c.assign(ex);
                if (c.channel.connect(address)) {
                    write(c, now);
                } else {
                    c.key.interestOps(SelectionKey.OP_CONNECT);
                }
            } else {
                c.assign(ex);
                write(c, now);
            }
        } catch (IOException e) {
            if (c != null && retryStale(selector, c, now, e)) {
                return; // the pooled connection was dead before this request reached it
            }
            ex.finish(InFlightRequest.End.CONNECT_FAILED, now, e.getClass().getSimpleName() + ": " + e.getMessage());
            if (c != null) {
                discard(c);
            }
        }
    }

    private void handle(Selector selector, Conn c, SelectionKey key) {
        long now = System.nanoTime();
        boolean connecting = false;
        try {
            if (!key.isValid()) {
                return;
            }
            if (key.isConnectable()) {
                connecting = true; // a failed finishConnect closes the channel (and cancels the key) itself
                c.channel.finishConnect();
                write(c, System.nanoTime());
                return;
            }
            if (key.isWritable()) {
                write(c, now);
            }
            if (key.isValid() && key.isReadable()) {
                read(selector, c);
            }
        } catch (IOException e) {
            if (!retryStale(selector, c, System.nanoTime(), e)) {
                fail(c, System.nanoTime(), connecting ? InFlightRequest.End.CONNECT_FAILED : InFlightRequest.End.BROKEN,
                        e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        } catch (ResponseParser.BadResponse e) {
            fail(c, System.nanoTime(), InFlightRequest.End.MALFORMED, e.getMessage());
        }
    }

    private void write(Conn c, long now) throws IOException {
        if (c.ex.sentNs == 0) {
            c.ex.sentNs = now;
            c.ex.lastActivityNs = now;
        }
        c.channel.write(c.out);
        c.key.interestOps(c.out.hasRemaining() ? SelectionKey.OP_WRITE | SelectionKey.OP_READ : SelectionKey.OP_READ);
    }

    /**
     * A kept-alive connection the server had already closed (idle timeout, keep-alive limit) fails before any
     * response byte: the request goes once more on a new connection, never on another pooled one (which the server
     * may have closed too), and the sample records it as a retry. The server never saw a request on a dead socket.
     */
    private boolean retryStale(Selector selector, Conn c, long now, Exception why) {
        InFlightRequest ex = c.ex;
        if (ex == null || ex.headersNs != 0 || c.uses < 2 || ex.staleConnection != null) {
            return false;
        }
        ex.staleConnection = why == null ? "closed by the server" : why.getClass().getSimpleName() + ": " + why.getMessage();
        ex.sentNs = 0;
        c.ex = null;
        discard(c);
        start(selector, ex, now, true);
        return true;
    }

    private void read(Selector selector, Conn c) throws IOException, ResponseParser.BadResponse {
        while (true) {
            readBuffer.clear();
            int n = c.channel.read(readBuffer);
            long now = System.nanoTime();
            if (n < 0) {
                if (retryStale(selector, c, now, null)) {
                    return;
                }
                c.parser.closed(now);
                complete(c, now, true);
                return;
            }
            if (n == 0) {
                return;
            }
            readBuffer.flip();
            c.parser.feed(readBuffer, now);
            if (c.parser.bodyEnded() || c.ex.finished()) {
                complete(c, now, false);
                return;
            }
            if (n < readBuffer.capacity()) {
                return;
            }
        }
    }

    /** The body ended, the peer closed, or the exchange failed mid-stream. */
    private void complete(Conn c, long now, boolean peerClosed) {
        InFlightRequest ex = c.ex;
        if (!ex.finished()) {
            if (!c.parser.bodyEnded()) {
                ex.finish(InFlightRequest.End.BROKEN, now, ex.headersNs == 0 ? "connection closed before a response"
                        : "connection closed mid-stream");
            } else if (ex.status != 200) {
                ex.finish(InFlightRequest.End.HTTP_ERROR, now, "HTTP " + ex.status);
            } else if (!ex.sawDone) {
                ex.finish(InFlightRequest.End.BROKEN, now, "the stream ended without [DONE]");
            } else {
                ex.finish(InFlightRequest.End.DONE, now, null);
            }
        }
        boolean reusable = !peerClosed && c.parser.bodyEnded() && !c.parser.closeAfter();
        c.ex = null;
        if (reusable) {
            c.key.interestOps(0);
            idle.addLast(c);
        } else {
            discard(c);
        }
    }

    private void fail(Conn c, long now, InFlightRequest.End how, String message) {
        if (c.ex != null) {
            c.ex.finish(how, now, message);
            c.ex = null;
        }
        discard(c);
    }

    private int timeouts(long now) {
        int n = 0;
        for (Conn c : List.copyOf(open)) {
            if (c.ex != null && now - c.ex.lastActivityNs > idleTimeoutNs) {
                fail(c, now, InFlightRequest.End.TIMEOUT, "no bytes for " + TimeUnit.NANOSECONDS.toSeconds(idleTimeoutNs) + " s");
                n++;
            }
        }
        return n;
    }

    private void discard(Conn c) {
        open.remove(c);
        idle.remove(c);
        try {
            if (c.key != null) {
                c.key.cancel();
            }
            if (c.channel != null) {
                c.channel.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private void closeAll() {
        for (Conn c : List.copyOf(open)) {
            discard(c);
        }
        idle.clear();
    }

    /** One connection and the exchange it carries. */
    private static final class Conn {
        final ResponseParser parser;
        SocketChannel channel;
        SelectionKey key;
        InFlightRequest ex;
        ByteBuffer out;
        int uses;

        Conn(ResponseParser parser) {
            this.parser = parser;
        }

        void assign(InFlightRequest exchange) {
            ex = exchange;
            uses++;
            ex.lastActivityNs = System.nanoTime();
            out = ByteBuffer.wrap(exchange.request.http());
            parser.reset(exchange);
        }
    }
}
