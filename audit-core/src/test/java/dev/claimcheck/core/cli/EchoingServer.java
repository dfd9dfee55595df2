package dev.claimcheck.core.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hostile OpenAI-compatible server on loopback (real HTTP/1.1, one request per connection) that echoes every
 * request header value it has received on any request, the credentials included, into everything it answers: {@code /version},
 * {@code /v1/models}, SGLang's server and model info, Prometheus {@code /metrics} label values, response headers,
 * error bodies, and in chat completions the content, the reasoning, the tool calls (id, name, arguments) and the
 * finish reason, streamed or not. Echoes come raw, lower-cased, URL-encoded, JSON-escaped, as {@code Bearer},
 * and in base64 inside a {@code Basic} credential. Every third chat request fails with a 400 whose body echoes too.
 */
final class EchoingServer implements AutoCloseable {
    private final ServerSocket server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "echoing-server");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger chats = new AtomicInteger();
    /** Every header value seen so far: a request without credentials (a metrics scrape) is answered with them too. */
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    EchoingServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pool.execute(this::loop);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/v1";
    }

    /** How many chat requests were answered (so a test knows the echo reached the client). */
    int chats() {
        return chats.get();
    }

    private void loop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                pool.execute(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            String head = readHead(in);
            if (head == null) {
                return;
            }
            String[] lines = head.split("\r\n");
            String[] requestLine = lines[0].split(" ");
            Set<String> values = seen;
            int length = 0;
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
                    String value = lines[i].substring(colon + 1).trim();
                    if (name.equals("content-length")) {
                        length = Integer.parseInt(value);
                    } else if (!name.equals("host") && !name.startsWith("content-") && !name.equals("accept")) {
                        values.add(value);
                    }
                }
            }
            String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
            answer(s.getOutputStream(), requestLine[0], requestLine[1], echo(new TreeSet<>(values)), body);
        } catch (IOException | RuntimeException e) {
            // a broken connection: the client counts it
        }
    }

    /** Every received value in every form the harness must recognise. */
    private static String echo(Set<String> values) {
        StringBuilder b = new StringBuilder();
        for (String v : values) {
            String bare = v.replaceFirst("(?i)^bearer\\s+", "");
            b.append(v).append(" | ").append(bare.toLowerCase(Locale.ROOT)).append(" | ")
                    .append(URLEncoder.encode(bare, StandardCharsets.UTF_8)).append(" | key=").append(bare)
                    .append(" | Basic ").append(Base64.getEncoder().encodeToString(("user:" + bare).getBytes(StandardCharsets.UTF_8)))
                    .append(" | ").append(Base64.getUrlEncoder().withoutPadding().encodeToString(bare.getBytes(StandardCharsets.UTF_8)))
                    .append(" | ");
        }
        return b.toString();
    }

    private void answer(OutputStream out, String method, String path, String echo, String body) throws IOException {
        String e = json(echo);
        String p = path.replaceFirst("\\?.*", "");
        switch (p) {
            case "/v1/models" -> send(out, 200, "application/json", echo,
                    "{\"data\":[{\"id\":\"vendor/model\",\"owned_by\":" + e + ",\"max_model_len\":65536," + e + ":" + e + "}]}");
            case "/version" -> send(out, 200, "application/json", echo, "{\"version\":" + e + ",\"engine\":" + e + "}");
            case "/get_server_info", "/server_info" -> send(out, 200, "application/json", echo,
                    "{\"version\":" + e + ",\"api_key\":" + e + ",\"served_model_name\":" + e + ",\"note\":" + e + "}");
            case "/get_model_info" -> send(out, 200, "application/json", echo, "{\"model_path\":" + e + "}");
            case "/metrics" -> send(out, 200, "text/plain; version=0.0.4", echo,
                    "# HELP vllm:num_requests_running " + echo.replace("\n", " ") + "\n# TYPE vllm:num_requests_running gauge\n"
                            + "vllm:num_requests_running{model_name=" + e + "} 0\n");
            case "/v1/chat/completions" -> chat(out, echo, body);
            default -> send(out, 404, "application/json", echo, "{\"error\":{\"message\":\"no route " + p + " " + e.replace("\"", "") + "\"}}");
        }
    }

    private void chat(OutputStream out, String echo, String body) throws IOException {
        int n = chats.getAndIncrement();
        String e = json(echo);
        if (n % 3 == 2) {
            send(out, 400, "application/json", echo, "{\"error\":{\"message\":" + e + ",\"type\":" + e + "}}");
            return;
        }
        String tool = "{\"index\":0,\"id\":" + e + ",\"type\":\"function\",\"function\":{\"name\":" + e
                + ",\"arguments\":" + json("{\"q\":" + e + "}") + "}}";
        String content = json("The answer is 42. I was told " + echo + "\n```python\nprint(" + e + ")\n```\n\\boxed{42}");
        if (body.contains("\"stream\":true")) {
            StringBuilder b = new StringBuilder("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n"
                    + "X-Echo: " + oneLine(echo) + "\r\n\r\n");
            for (String d : List.of(
                    "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"reasoning_content\":" + e + "}}]}",
                    "{\"choices\":[{\"index\":0,\"delta\":{\"content\":" + content + "}}]}",
                    "{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[" + tool + "]}}]}",
                    "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":" + e + "}]}",
                    "{\"choices\":[],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":20,\"total_tokens\":30}}",
                    "[DONE]")) {
                b.append("data: ").append(d).append("\n\n");
            }
            out.write(b.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return;
        }
        send(out, 200, "application/json", echo, "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                + content + ",\"reasoning_content\":" + e + ",\"tool_calls\":[" + tool + "]},\"finish_reason\":" + e
                + "}],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":20,\"total_tokens\":30}}");
    }

    private static void send(OutputStream out, int status, String type, String echo, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + " X\r\nContent-Type: " + type + "\r\nConnection: close\r\nX-Echo: " + oneLine(echo)
                + "\r\nContent-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(bytes);
        out.flush();
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n]+", " ");
    }

    /** A JSON string literal, with '/' escaped as some servers do. */
    private static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '/' -> b.append("\\/");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b.append('"').toString();
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int state = 0;
        int c;
        while ((c = in.read()) >= 0) {
            b.write(c);
            state = (c == '\r' && (state == 0 || state == 2)) || (c == '\n' && (state == 1 || state == 3)) ? state + 1 : c == '\r' ? 1 : 0;
            if (state == 4) {
                return b.toString(StandardCharsets.ISO_8859_1);
            }
            if (b.size() > 1 << 16) {
                return null;
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        server.close();
        pool.shutdownNow();
    }
}
