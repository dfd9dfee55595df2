package dev.claimcheck.core.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.endpoint.OpenAiChatEndpoint;
import dev.claimcheck.core.model.ChatMessage;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * An in-process OpenAI-compatible HTTP/1.1 server on a loopback port, answering from a {@link SimOracle}.
 * Built on plain sockets (one thread per keep-alive connection) because faults such as a TCP reset or a
 * cut-off chunked body cannot be produced through a higher-level server.
 */
public final class Simulator implements AutoCloseable {
    /**
     * The engine name in the {@code /version} answer: the client records it as the endpoint's engine, and verify takes
     * it as evidence of a simulated run.
     */
    public static final String ENGINE = "claimcheck-sim";
    public static final String VERSION = "1";
    /** Reasoning tokens a chat request asking for {@code enable_thinking} gets when the options give none. */
    static final int THINKING_ON_REQUEST = 8;
    /**
     * The request header a client sends to have each token event preceded by an SSE comment {@link #EMIT_COMMENT} with
     * the {@link System#nanoTime()} just before the event was written: a calibrating client on the same host (Linux:
     * CLOCK_MONOTONIC, one clock for all processes) reads receive lag from it. Without the header the stream is as before.
     */
    public static final String EMIT_STAMPS_HEADER = "x-claimcheck-emit-stamps";
    /** The comment's start; an SSE parser ignores lines that begin with ':' (WHATWG HTML, server-sent events). */
    public static final String EMIT_COMMENT = ": claimcheck-emit-ns ";
    /** GET answers {@code {"monotonicNs": N}}: this process's {@link System#nanoTime()}, to check a client shares the clock. */
    public static final String CLOCK_PATH = "/claimcheck/clock";
    /** Pending connections the kernel may queue (capped by net.core.somaxconn): a bench opens up to 2,048 streams. */
    private static final int BACKLOG = 4096;

    /**
     * When each token of one response was handed to the socket ({@link System#nanoTime()}); with no pacing
     * the whole response is one write and all tokens share its stamp.
     */
    public record TokenTrace(String promptSha256, int attempt, int retry, long[] emitNanos) {
    }

    private final SimOptions options;
    private final SimOracle oracle;
    private final ServerSocket server;
    private final ExecutorService workers;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong requests = new AtomicLong();
    private final Map<SimFault, AtomicLong> faults = new EnumMap<>(SimFault.class);
    private final AtomicLong ids = new AtomicLong();
    private volatile Consumer<TokenTrace> tokenListener;
    private volatile boolean closed;

    private Simulator(SimOptions options, SimOracle oracle, InetAddress host, int port) throws IOException {
        this.options = options;
        this.oracle = oracle;
        for (SimFault f : SimFault.values()) {
            faults.put(f, new AtomicLong());
        }
        this.server = new ServerSocket(port, BACKLOG, host);
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "claimcheck-sim-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Thread acceptor = new Thread(this::acceptLoop, "claimcheck-sim-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts a simulator on an ephemeral loopback port. */
    public static Simulator start(SimOptions options, SimOracle oracle) {
        return start(options, oracle, InetAddress.getLoopbackAddress(), 0);
    }

    /** Starts a simulator listening on {@code host:port} (port 0: an ephemeral one); the standalone server's entry. */
    public static Simulator start(SimOptions options, SimOracle oracle, InetAddress host, int port) {
        try {
            return new Simulator(options, oracle, host, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host.getHostAddress() + ":" + port + " for the simulator: "
                    + e.getMessage(), e);
        }
    }

    /** {@code http://127.0.0.1:PORT/v1} (an IPv6 address in brackets). */
    public String baseUrl() {
        String host = server.getInetAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.getLocalPort() + "/v1";
    }

    public SimOptions options() {
        return options;
    }

    /** Receives each response's token emit times (for throughput calibration); null to stop. */
    public void onTokens(Consumer<TokenTrace> listener) {
        this.tokenListener = listener;
    }

    /** Chat completion requests received, faulted ones included. */
    public long requestsServed() {
        return requests.get();
    }

    public long faultsInjected(SimFault kind) {
        return faults.get(kind).get();
    }

    /** Faults injected by kind (kinds never injected are absent). */
    public Map<SimFault, Long> faultsInjected() {
        Map<SimFault, Long> m = new EnumMap<>(SimFault.class);
        faults.forEach((k, v) -> {
            if (v.get() > 0) {
                m.put(k, v.get());
            }
        });
        return Collections.unmodifiableMap(m);
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        workers.shutdownNow(); // interrupts stalls and paced streams
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                open.add(s);
                workers.execute(() -> serve(s));
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            } catch (java.util.concurrent.RejectedExecutionException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
             OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024)) {
            while (!closed) {
                SimHttp.Request request;
                try {
                    request = SimHttp.read(in, out);
                } catch (SimHttp.BadRequest e) {
                    SimHttp.writeWhole(out, e.status, "application/json", "Connection: close\r\n",
                            SimHttp.error(e.getMessage(), "invalid_request_error"));
                    return;
                }
                // when the whole request is in: the simulated engine's clock starts here, not after its own parsing
                long arrivedNs = System.nanoTime();
                if (request == null || route(socket, out, request, arrivedNs) == SimResponder.After.CLOSED || !request.keepAlive()) {
                    return;
                }
            }
        } catch (SocketException e) {
            // client went away or we reset the connection on purpose
        } catch (IOException e) {
            // same: a broken connection ends this worker only
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(socket);
        }
    }

    private SimResponder.After route(Socket socket, OutputStream out, SimHttp.Request r, long arrivedNs)
            throws IOException, InterruptedException {
        String path = r.path();
        if (path.equals("/v1/chat/completions") || path.equals("/v1/completions")) {
            if (!r.method().equals("POST")) {
                SimHttp.writeWhole(out, 405, "application/json", "Allow: POST\r\n", SimHttp.error("use POST", "invalid_request_error"));
                return SimResponder.After.KEEP;
            }
            try {
                return complete(socket, out, r, path.endsWith("/chat/completions") ? SimResponder.Api.CHAT : SimResponder.Api.COMPLETION,
                        arrivedNs);
            } catch (SimParams.Refused e) {
                SimHttp.writeWhole(out, 400, "application/json", null,
                        SimHttp.error(e.getMessage(), "invalid_request_error", e.param, null));
                return SimResponder.After.KEEP;
            }
        }
        if (r.method().equals("GET") && path.equals("/v1/models")) {
            SimHttp.writeWhole(out, 200, "application/json", null,
                    "{\"object\":\"list\",\"data\":[{\"id\":\"sim\",\"object\":\"model\",\"created\":0,\"owned_by\":\"claimcheck\""
                            + (options.maxModelLen() > 0 ? ",\"max_model_len\":" + options.maxModelLen() : "") + "}]}");
        } else if (r.method().equals("GET") && path.equals("/get_server_info") && options.identity().quantization() != null) {
            // SGLang's route, served only when a quantization is impersonated, so default runs describe as before.
            SimHttp.writeWhole(out, 200, "application/json", null,
                    "{\"quantization\":" + SimHttp.quote(options.identity().quantization()) + ",\"dtype\":\"auto\"}");
        } else if (r.method().equals("GET") && path.equals("/version")) {
            SimHttp.writeWhole(out, 200, "application/json", null,
                    "{\"version\":\"" + VERSION + "\",\"engine\":\"" + ENGINE + "\",\"pacing\":{\"ttftMs\":"
                            + options.ttftMs() + ",\"tpotMs\":" + options.tpotMs() + "},\"jvmFlags\":" + jvmFlags() + "}");
        } else if (r.method().equals("GET") && path.equals(CLOCK_PATH)) {
            SimHttp.writeWhole(out, 200, "application/json", null, "{\"monotonicNs\":" + System.nanoTime() + "}");
        } else {
            SimHttp.writeWhole(out, 404, "application/json", null, SimHttp.error("no route " + path, "not_found"));
        }
        return SimResponder.After.KEEP;
    }

    private SimResponder.After complete(Socket socket, OutputStream out, SimHttp.Request r, SimResponder.Api api, long arrivedNs)
            throws IOException, InterruptedException, SimParams.Refused {
        long number = requests.incrementAndGet();
        boolean chat = api == SimResponder.Api.CHAT;
        JsonNode body;
        List<ChatMessage> messages;
        try {
            body = OpenAiChatEndpoint.JSON.readTree(r.body());
            if (chat) {
                if (body == null || !body.path("messages").isArray() || body.get("messages").isEmpty()) {
                    throw new IOException("messages missing");
                }
                messages = OpenAiChatEndpoint.parseMessages(body.get("messages"));
            } else {
                // The prompt as one user message, so the oracle and the prompt-token count work as for chat.
                JsonNode prompt = body == null ? null : body.get("prompt");
                if (prompt != null && prompt.isArray() && prompt.size() == 1 && prompt.get(0).isTextual()) {
                    prompt = prompt.get(0);
                }
                if (prompt == null || !prompt.isTextual()) {
                    throw new SimParams.Refused("prompt", "prompt must be a string (or a list of one string)");
                }
                messages = List.of(ChatMessage.user(prompt.asText()));
            }
        } catch (IOException | RuntimeException e) {
            throw new SimParams.Refused(chat ? "messages" : "prompt", chat ? "body must be a JSON object with a non-empty messages array"
                    : "body must be a JSON object with a prompt");
        }
        JsonNode max = body.has("max_completion_tokens") ? body.get("max_completion_tokens") : body.get("max_tokens");
        Integer maxTokens = max != null && max.canConvertToInt() ? max.asInt() : null;
        int n = SimParams.intParam(body, "n", 1, 1, 128);
        List<String> stop = SimParams.stops(body.get("stop"));
        int topLogprobs = SimParams.logprobs(body, chat);
        JsonNode format = body.path("response_format");
        String formatType = format.path("type").asText("text");
        if (!List.of("text", "json_object", "json_schema").contains(formatType)) {
            throw new SimParams.Refused("response_format", "response_format.type must be text, json_object or json_schema");
        }
        boolean json = !formatType.equals("text");
        JsonNode schema = formatType.equals("json_schema") ? format.path("json_schema").get("schema") : null;
        int attempt = header(r, "x-claimcheck-attempt");
        int retry = header(r, "x-claimcheck-retry");
        SimOptions now = forRequest(number, body, chat);
        JsonNode tools = chat && body.path("tools").isArray() && !body.get("tools").isEmpty() ? body.get("tools") : null;
        List<SimScript> choices = new java.util.ArrayList<>(n);
        for (int c = 0; c < n; c++) {
            choices.add(SimScript.plan(now, oracle, messages, attempt, retry,
                    new SimScript.Ask(maxTokens, SimParams.minTokens(body, maxTokens), c, stop, json, schema, tools)));
        }
        SimScript script = choices.get(0);
        // As vLLM: prompt plus max_tokens over max_model_len is refused before anything is generated.
        long requested = script.promptTokens + (maxTokens == null ? 0 : Math.max(0, maxTokens));
        if (options.maxModelLen() > 0 && requested > options.maxModelLen()) {
            SimHttp.writeWhole(out, 400, "application/json", null,
                    SimParams.contextLengthBody(options.maxModelLen(), script.promptTokens, maxTokens));
            return SimResponder.After.KEEP;
        }
        if (script.fault != null) {
            faults.get(script.fault).incrementAndGet();
        }
        boolean stream = body.path("stream").asBoolean(false);
        boolean usage = body.path("stream_options").path("include_usage").asBoolean(false);
        // vLLM's flag: usage on every chunk, so a client can count multi-token chunks.
        boolean continuousUsage = body.path("stream_options").path("continuous_usage_stats").asBoolean(false);
        String model = body.path("model").asText("sim");
        return new SimResponder(options, tokenListener).respond(socket, out, new SimResponder.Reply(api, List.copyOf(choices),
                stream, usage, continuousUsage, topLogprobs, model, (chat ? "chatcmpl-sim-" : "cmpl-sim-") + ids.incrementAndGet(),
                arrivedNs, r.header(EMIT_STAMPS_HEADER) != null));
    }

    /**
     * The heap and collector options this JVM runs with ({@code -X…} only: other arguments may carry secrets), so a
     * bench's run.json records the simulator's JVM beside its own (docs/throughput.md "The bench's JVM and warm-up").
     */
    private static String jvmFlags() {
        StringBuilder b = new StringBuilder("[");
        for (String a : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-X")) {
                b.append(b.length() == 1 ? "" : ",").append(SimHttp.quote(a));
            }
        }
        return b.append(']').toString();
    }

    /** The legacy completions API has no reasoning field: its text is the content alone. */
    private static SimOptions withoutReasoning(SimOptions o) {
        return o.reasoningTokens() == 0 ? o : o.withReasoningTokens(0);
    }

    /**
     * The options for one request: the identity its number is served by (a swap mid-run), and on a chat request that
     * asks for {@code enable_thinking} a short reasoning when the lane has none, so a template probe sees where it goes.
     */
    private SimOptions forRequest(long number, JsonNode body, boolean chat) {
        SimOptions o = options.atRequest(number);
        boolean thinking = body.path("chat_template_kwargs").path("enable_thinking").asBoolean(false);
        if (!chat) {
            return withoutReasoning(o);
        }
        return thinking && o.reasoningTokens() == 0 ? o.withReasoningTokens(THINKING_ON_REQUEST) : o;
    }

    private static int header(SimHttp.Request r, String name) {
        String v = r.header(name);
        try {
            return v == null ? 0 : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
