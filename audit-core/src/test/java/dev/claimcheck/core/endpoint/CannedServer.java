package dev.claimcheck.core.endpoint;

import dev.claimcheck.core.sim.SimHttp;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;

/**
 * A raw-socket test server that answers request number i with the bytes {@code responses.apply(i)} and closes
 * the connection: canned SSE, odd bodies and error statuses exactly as a misbehaving server would send them.
 */
final class CannedServer implements AutoCloseable {
    final List<Map<String, String>> requestHeaders = new CopyOnWriteArrayList<>();
    final List<String> requestBodies = new CopyOnWriteArrayList<>();
    private final ServerSocket server;
    private final IntFunction<String> responses;

    CannedServer(IntFunction<String> responses) throws IOException {
        this.responses = responses;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::loop, "canned-server");
        t.setDaemon(true);
        t.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/v1";
    }

    int requests() {
        return requestHeaders.size();
    }

    private void loop() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                SimHttp.Request r = SimHttp.read(new BufferedInputStream(s.getInputStream()));
                if (r == null) {
                    continue;
                }
                int index = requestHeaders.size();
                requestHeaders.add(r.headers());
                requestBodies.add(new String(r.body(), StandardCharsets.UTF_8));
                OutputStream out = s.getOutputStream();
                out.write(responses.apply(index).getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                // next connection
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /** A complete HTTP/1.1 response that closes the connection. */
    static String http(int status, String contentType, String extraHeaders, String body) {
        return "HTTP/1.1 " + status + " X\r\nContent-Type: " + contentType + "\r\nConnection: close\r\n"
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n" + extraHeaders + "\r\n" + body;
    }

    /** An SSE response (read until close) made of the given data payloads. */
    static String sse(String... data) {
        StringBuilder b = new StringBuilder("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n");
        for (String d : data) {
            b.append("data: ").append(d).append("\n\n");
        }
        return b.toString();
    }
}
