package dev.claimcheck.core.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.model.LoadPoint;
import dev.claimcheck.core.model.Sample;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The client loop against raw-socket servers that frame responses in the ways real servers do. */
class StreamLoopTest {
    /** Serves each connection one response (as given), then closes it without saying so. */
    static final class OneShotServer implements AutoCloseable {
        final ServerSocket server;
        final AtomicInteger connections = new AtomicInteger();

        OneShotServer(String response) throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread t = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket s = server.accept()) {
                        connections.incrementAndGet();
                        readRequest(s.getInputStream());
                        OutputStream out = s.getOutputStream();
                        out.write(response.getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    } catch (IOException e) {
                        // closed
                    }
                }
            });
            t.setDaemon(true);
            t.start();
        }

        String baseUrl() {
            return "http://127.0.0.1:" + server.getLocalPort() + "/v1";
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    /** Reads one request; false when the client closed the connection first. */
    static boolean readRequest(InputStream raw) throws IOException {
        InputStream in = new BufferedInputStream(raw);
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                return false;
            }
            head.append((char) c);
        }
        String lower = head.toString().toLowerCase(Locale.ROOT);
        int at = lower.indexOf("content-length:");
        int len = Integer.parseInt(lower.substring(at + 15, lower.indexOf("\r\n", at)).trim());
        in.readNBytes(len);
        return true;
    }

    static String sse(String... events) {
        StringBuilder body = new StringBuilder();
        for (String e : events) {
            body.append("data: ").append(e).append("\n\n");
        }
        return body.toString();
    }

    static final String TWO_TOKENS = sse(
            "{\"choices\":[{\"delta\":{\"content\":\"a\"}}],\"usage\":{\"prompt_tokens\":8,\"completion_tokens\":1}}",
            "{\"choices\":[{\"delta\":{\"content\":\" b\"},\"finish_reason\":\"length\"}],\"usage\":{\"prompt_tokens\":8,\"completion_tokens\":2}}",
            "[DONE]");

    static List<Sample> run(String baseUrl, int requests) {
        BenchSpec spec = new BenchSpec("m", List.of(new LoadPoint(0, 1, null, null, null, 8, 2, null, null, null)), requests, null, 0,
                "o200k_base", 0, 1, 0, 5_000_000_000L, Map.of(), null, null);
        LiveCounts live = new LiveCounts();
        List<Sample> samples = new LoadRunner(spec, baseUrl).run(spec.points().get(0), null, live).samples();
        // what a progress display read at the end: every request counted once, failed ones as errors
        assertThat(live.snapshot().done()).isEqualTo(samples.size());
        assertThat(live.snapshot().errors()).isEqualTo(samples.stream().filter(x -> x.error() != null).count());
        return samples;
    }

    @Test
    void aKeptAliveConnectionTheServerClosedIsReplacedWithoutCountingAnError() throws Exception {
        String chunked = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(TWO_TOKENS.length()) + "\r\n" + TWO_TOKENS + "\r\n0\r\n\r\n";
        try (OneShotServer server = new OneShotServer(chunked)) {
            List<Sample> samples = run(server.baseUrl(), 4);
            assertThat(samples).hasSize(4).allSatisfy(s -> {
                assertThat(s.error()).isNull();
                assertThat(s.load().countedTokens()).isEqualTo(2);
            });
            assertThat(server.connections.get()).isEqualTo(4);
        }
    }

    @Test
    void aBodyWithoutLengthOrChunkingEndsWhenTheServerCloses() throws Exception {
        String untilClose = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n" + TWO_TOKENS;
        try (OneShotServer server = new OneShotServer(untilClose)) {
            List<Sample> samples = run(server.baseUrl(), 3);
            assertThat(samples).hasSize(3).allSatisfy(s -> assertThat(s.verdict().correct()).isTrue());
        }
    }

    @Test
    void anEventSplitAcrossReadsAndChunksIsParsedOnce() throws Exception {
        // one SSE event cut in the middle across two chunks
        String half = TWO_TOKENS.substring(0, 40);
        String rest = TWO_TOKENS.substring(40);
        String chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(half.length()) + "\r\n" + half
                + "\r\n" + Integer.toHexString(rest.length()) + "\r\n" + rest + "\r\n0\r\n\r\n";
        try (OneShotServer server = new OneShotServer(chunked)) {
            List<Sample> samples = run(server.baseUrl(), 2);
            assertThat(samples).allSatisfy(s -> {
                assertThat(s.load().gapsUs()).hasSize(1);
                assertThat(s.usage().completionTokens()).isEqualTo(2);
            });
        }
    }

    /** Keeps each connection alive and answers every request on it; counts the connections it accepted. */
    static final class KeepAliveServer implements AutoCloseable {
        final ServerSocket server;
        final AtomicInteger connections = new AtomicInteger();
        final AtomicInteger requests = new AtomicInteger();

        KeepAliveServer(String body) throws IOException {
            this(body, 0);
        }

        /** @param closeFirst connections closed as soon as accepted, as a server whose idle keep-alive ran out */
        KeepAliveServer(String body, int closeFirst) throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            String response = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
            Thread t = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        if (connections.incrementAndGet() <= closeFirst) {
                            s.close();
                            continue;
                        }
                        Thread h = new Thread(() -> serve(s, response));
                        h.setDaemon(true);
                        h.start();
                    } catch (IOException e) {
                        // closed
                    }
                }
            });
            t.setDaemon(true);
            t.start();
        }

        private void serve(Socket s, String response) {
            try (s) {
                InputStream in = s.getInputStream();
                while (true) {
                    if (!readRequest(in)) {
                        return;
                    }
                    requests.incrementAndGet();
                    s.getOutputStream().write(response.getBytes(StandardCharsets.UTF_8));
                    s.getOutputStream().flush();
                }
            } catch (IOException | RuntimeException e) {
                // the client closed the connection
            }
        }

        String baseUrl() {
            return "http://127.0.0.1:" + server.getLocalPort() + "/v1";
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    static LoadRunner.PointResult closedLoop(String baseUrl, int concurrency, int requests) {
        BenchSpec spec = new BenchSpec("m", List.of(new LoadPoint(0, concurrency, null, null, null, 8, 2, null, null, null)), requests,
                null, 0, "o200k_base", 0, 1, 0, 5_000_000_000L, Map.of(), null, null);
        return new LoadRunner(spec, baseUrl).run(spec.points().get(0), null, new LiveCounts());
    }

    @Test
    void aClosedLoopPointOpensItsConnectionsBeforeItsWindowAndSendsEveryRequestOnThem() throws Exception {
        try (KeepAliveServer server = new KeepAliveServer(TWO_TOKENS)) {
            LoadRunner.PointResult result = closedLoop(server.baseUrl(), 3, 9);
            assertThat(result.preopened().connections()).isEqualTo(3);
            assertThat(result.preopened().failed()).isZero();
            assertThat(result.samples()).hasSize(9).allSatisfy(s -> assertThat(s.error()).isNull());
            // no request of the point opened a connection of its own
            assertThat(server.connections.get()).isEqualTo(3);
            assertThat(server.requests.get()).isEqualTo(9);
        }
    }

    @Test
    void aPreOpenedConnectionTheServerClosedBeforeItsFirstRequestIsResentOnANewOneAsARetryNotAnError() throws Exception {
        try (KeepAliveServer server = new KeepAliveServer(TWO_TOKENS, 2)) {
            LoadRunner.PointResult result = closedLoop(server.baseUrl(), 2, 4);
            assertThat(result.preopened().connections()).isEqualTo(2);
            assertThat(result.samples()).hasSize(4).allSatisfy(s -> assertThat(s.error()).isNull());
            assertThat(result.samples().stream().filter(s -> s.retries() != null && !s.retries().isEmpty()))
                    .as("the two requests sent on the closed connections").hasSize(2)
                    .allSatisfy(s -> assertThat(s.retries().get(0).cause().id()).isEqualTo("connection"));
            assertThat(server.connections.get()).isEqualTo(4);
        }
    }

    @Test
    void connectionsThatCannotBeOpenedBeforeThePointAreCountedAndItsRequestsStillFailAsConnectionErrors() throws Exception {
        ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        String url = "http://127.0.0.1:" + s.getLocalPort() + "/v1";
        s.close();
        LoadRunner.PointResult result = closedLoop(url, 2, 4);
        assertThat(result.preopened().connections()).isZero();
        assertThat(result.preopened().failed()).isEqualTo(2);
        assertThat(result.samples()).hasSize(4).allSatisfy(x -> assertThat(x.error().cause().id()).isEqualTo("connection"));
    }

    @Test
    void aServerThatIsNotListeningGivesConnectionErrorsNotAHang() throws Exception {
        ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        String url = "http://127.0.0.1:" + s.getLocalPort() + "/v1";
        s.close();
        List<Sample> samples = run(url, 3);
        assertThat(samples).hasSize(3).allSatisfy(x -> assertThat(x.error().cause().id()).isEqualTo("connection"));
    }
}
