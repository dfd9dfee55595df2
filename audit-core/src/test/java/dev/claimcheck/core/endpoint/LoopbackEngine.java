package dev.claimcheck.core.endpoint;

import dev.claimcheck.core.sim.SimHttp;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw-socket HTTP/1.1 server over 127.0.0.1 that answers like an inference engine: each subclass models one
 * documented behaviour of vLLM, SGLang or llama.cpp's {@code llama-server} and is named after it. A thread per
 * connection; JSON bodies go with a Content-Length, SSE streams chunked (as the engines send them), and the
 * connection stays open for the next request.
 */
public abstract class LoopbackEngine implements AutoCloseable {
    /** One answer: a status with a JSON body, or an SSE stream of {@code data:} payloads ([DONE] appended). */
    public record Reply(int status, String json, List<String> events, String extraHeaders, long[] delaysMs) {
        public static Reply json(int status, String body) {
            return new Reply(status, body, null, "", null);
        }

        /** A plain-text body (Prometheus' exposition format). */
        public static Reply text(String body) {
            return new Reply(200, body, null, "Content-Type: text/plain; version=0.0.4\r\n", null);
        }

        public static Reply sse(List<String> events) {
            return new Reply(200, null, events, "", null);
        }

        /** A stream whose event i is sent {@code delaysMs[i]} ms after the one before it (the first after the headers). */
        public static Reply paced(List<String> events, long[] delaysMs) {
            return new Reply(200, null, events, "", delaysMs);
        }

        public Reply withHeaders(String headers) {
            return new Reply(status, json, events, headers, delaysMs);
        }
    }

    public final List<String> chatBodies = new CopyOnWriteArrayList<>();
    public final AtomicInteger connections = new AtomicInteger();
    /** Chat requests read on a connection whose keep-alive had run out, and dropped unanswered. */
    public final AtomicInteger dropped = new AtomicInteger();
    private final ServerSocket server;
    private final int responsesPerConnection;

    /** A server that keeps connections alive for any number of requests. */
    protected LoopbackEngine() throws IOException {
        this(Integer.MAX_VALUE);
    }

    /**
     * @param responsesPerConnection how many responses a connection carries; a request after those is read and the
     *                               connection closed without an answer (and without a {@code Connection: close}
     *                               header before), as when a keep-alive timeout expires just as the client reuses it
     */
    protected LoopbackEngine(int responsesPerConnection) throws IOException {
        this.responsesPerConnection = responsesPerConnection;
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::accept, getClass().getSimpleName());
        t.setDaemon(true);
        t.start();
    }

    /** The OpenAI base URL ({@code .../v1}). */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/v1";
    }

    /** The answer to one request; {@code chat} counts chat-completion requests from 0. */
    protected abstract Reply answer(SimHttp.Request request, int chat);

    /** Extra response headers on every answer (e.g. a {@code Server} header). */
    protected String serverHeaders() {
        return "";
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                connections.incrementAndGet();
                Thread t = new Thread(() -> serve(s), getClass().getSimpleName() + "-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                // closed
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            for (int served = 0; ; served++) {
                SimHttp.Request r = SimHttp.read(in);
                if (r == null) {
                    return;
                }
                if (served == responsesPerConnection) {
                    if (r.path().endsWith("/chat/completions")) {
                        dropped.incrementAndGet();
                    }
                    return;
                }
                int chat = -1;
                if (r.path().endsWith("/chat/completions")) {
                    chat = chatBodies.size();
                    chatBodies.add(new String(r.body(), StandardCharsets.UTF_8));
                }
                write(out, answer(r, chat));
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private void write(OutputStream out, Reply reply) throws IOException {
        String head = "HTTP/1.1 " + reply.status() + " X\r\n" + serverHeaders() + reply.extraHeaders();
        if (reply.events() == null) {
            byte[] body = reply.json().getBytes(StandardCharsets.UTF_8);
            String type = reply.extraHeaders().contains("Content-Type:") ? "" : "Content-Type: application/json\r\n";
            out.write((head + type + "Content-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return;
        }
        out.write((head + "Content-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < reply.events().size(); i++) {
            if (reply.delaysMs() != null && i < reply.delaysMs().length && reply.delaysMs()[i] > 0) {
                try {
                    Thread.sleep(reply.delaysMs()[i]);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            chunk(out, "data: " + reply.events().get(i) + "\n\n");
        }
        chunk(out, "data: [DONE]\n\n");
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void chunk(OutputStream out, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(b.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(b);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** A streamed answer of {@code words} content tokens, one per chunk, with usage in a final chunk. */
    public static List<String> contentStream(int promptTokens, int words) {
        List<String> events = new java.util.ArrayList<>();
        events.add("{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}");
        for (int i = 0; i < words; i++) {
            events.add("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\" w" + i + "\"},\"finish_reason\":null}]}");
        }
        events.add("{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}");
        events.add("{\"choices\":[],\"usage\":{\"prompt_tokens\":" + promptTokens + ",\"completion_tokens\":" + words
                + ",\"total_tokens\":" + (promptTokens + words) + "}}");
        return events;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
