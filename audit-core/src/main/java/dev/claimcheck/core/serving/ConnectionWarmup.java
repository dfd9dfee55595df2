package dev.claimcheck.core.serving;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Opens a closed-loop point's connections before its measured window, a few at a time. Without it the first wave of
 * a point at 256 streams sends 256 SYNs at once and the server accepts them one by one, so the first requests' TTFT
 * times the connection storm, not the server (docs/throughput.md "Calibration"). A kept-alive benchmark client
 * reuses its connections; this measures every request the way all but the first wave already were.
 */
final class ConnectionWarmup {
    /** Connections being established at once: enough to open 512 in a few round trips, few enough not to storm. */
    static final int AT_ONCE = 32;

    /**
     * What was opened before one point.
     *
     * @param channels connected, non-blocking, registered with no selector
     * @param failed connections that could not be opened (the point's requests then open their own, and fail visibly)
     * @param micros how long opening took (outside the window)
     */
    record Opened(List<SocketChannel> channels, int failed, long micros) {
        static final Opened NONE = new Opened(List.of(), 0, 0);
    }

    private ConnectionWarmup() {
    }

    /** Opens up to {@code n} connections to {@code address}, giving up on those not connected within {@code timeoutNs}. */
    static Opened open(InetSocketAddress address, int n, long timeoutNs) {
        if (n <= 0) {
            return Opened.NONE;
        }
        long start = System.nanoTime();
        List<SocketChannel> done = new ArrayList<>(n);
        int failed = 0;
        int begun = 0;
        int connecting = 0;
        try (Selector selector = Selector.open()) {
            while (done.size() + failed < n && System.nanoTime() - start < timeoutNs) {
                while (begun < n && connecting < AT_ONCE) {
                    begun++;
                    SocketChannel ch = null;
                    try {
                        ch = SocketChannel.open();
                        ch.configureBlocking(false);
                        ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                        if (ch.connect(address)) {
                            done.add(ch);
                        } else {
                            ch.register(selector, SelectionKey.OP_CONNECT);
                            connecting++;
                        }
                    } catch (IOException e) {
                        failed++;
                        close(ch);
                    }
                }
                if (connecting == 0) {
                    break;
                }
                selector.select(100);
                Iterator<SelectionKey> it = selector.selectedKeys().iterator();
                while (it.hasNext()) {
                    SelectionKey key = it.next();
                    it.remove();
                    SocketChannel ch = (SocketChannel) key.channel();
                    try {
                        if (ch.finishConnect()) {
                            key.cancel();
                            done.add(ch);
                            connecting--;
                        }
                    } catch (IOException e) {
                        failed++;
                        connecting--;
                        close(ch);
                    }
                }
            }
            for (SelectionKey key : selector.keys()) {
                if (key.isValid()) { // still connecting at the deadline
                    failed++;
                    close((SocketChannel) key.channel());
                }
            }
            failed += n - begun;
        } catch (IOException e) {
            done.forEach(ConnectionWarmup::close);
            return new Opened(List.of(), n, TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start));
        }
        // closing the selector deregistered the channels: the point's loop registers them with its own
        return new Opened(List.copyOf(done), failed, TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start));
    }

    private static void close(SocketChannel ch) {
        if (ch == null) {
            return;
        }
        try {
            ch.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
