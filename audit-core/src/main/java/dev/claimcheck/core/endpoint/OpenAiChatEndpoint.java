package dev.claimcheck.core.endpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.endpoint.EndpointAbortedException.Reason;
import dev.claimcheck.core.model.AttemptError;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.ErrorCause;
import dev.claimcheck.core.model.Response;
import dev.claimcheck.core.model.RetryRecord;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.ToolCall;
import dev.claimcheck.core.model.Usage;
import dev.claimcheck.core.model.WireProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The OpenAI chat-completions client: streams by default, falls back to a JSON body, retries what may succeed
 * on a second try, aborts the run on refused credentials or sustained server failure. Thread-safe; one instance
 * serves all of a run's workers (the circuit breaker counts across them).
 */
public class OpenAiChatEndpoint implements ChatEndpoint {
    /** A response above this size is refused (MALFORMED_RESPONSE). */
    public static final long MAX_RESPONSE_BYTES = 64L << 20;
    /** A single SSE line above this size is refused. */
    public static final int MAX_LINE_BYTES = 8 << 20;

    public static final ObjectMapper JSON = new ObjectMapper();

    private final ClientConfig config;
    private final ApiFlavor flavor;
    private final Secrets secrets;
    private final HttpClient http;
    private final URI chatUri;
    private final AtomicInteger consecutiveServerFailures = new AtomicInteger();
    private final AtomicBoolean breakerOpen = new AtomicBoolean();
    private final AtomicBoolean everConnected = new AtomicBoolean();
    private volatile String breakerReason;
    private final AtomicReference<WireProfile> wireSeen = new AtomicReference<>(WireProfile.NONE);

    public OpenAiChatEndpoint(ClientConfig config) {
        this.config = config;
        this.flavor = ApiFlavor.of(config.apiFlavor());
        this.secrets = config.secrets();
        this.http = newClient(config);
        this.chatUri = URI.create(config.baseUrl() + "/chat/completions");
    }

    public ClientConfig config() {
        return config;
    }

    private static HttpClient newClient(ClientConfig config) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * The body fields this client adds to a template ({@code stream}, {@code stream_options}) applied to a copy,
     * so the run can record exactly what was sent.
     */
    public static ObjectNode effectiveTemplate(ObjectNode template) {
        ObjectNode t = template.deepCopy();
        t.remove("messages");
        if (!t.has("stream")) {
            t.put("stream", true);
        }
        if (t.path("stream").asBoolean(false) && !t.has("stream_options")) {
            t.putObject("stream_options").put("include_usage", true);
        }
        return t;
    }

    @Override
    public ChatOutcome complete(ChatRequest request) {
        checkBreaker();
        ObjectNode body = effectiveTemplate(request.template());
        boolean stream = body.path("stream").asBoolean(false);
        body.set("messages", wireMessages(request.messages()));
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request template cannot be serialised", e);
        }
        List<RetryRecord> retries = new ArrayList<>();
        boolean allRefused = true;
        boolean resent = false;
        HttpClient client = http;
        for (int retry = 0; ; retry++) {
            if (breakerOpen.get() && !retries.isEmpty()) {
                // Opened (by any worker) while this request waited to retry: its tries so far are its record.
                RetryRecord lastTry = retries.remove(retries.size() - 1);
                return new ChatOutcome.Failure(new AttemptError(lastTry.cause(), lastTry.message() + "; not retried: "
                        + breakerReason, retries.size()), null, Usage.NONE, null, retries);
            }
            checkBreaker();
            ResponseAssembler asm = new ResponseAssembler(flavor, System.nanoTime());
            TryFailure f;
            try {
                new StreamTry(this, client, asm).run(request(bytes, stream, request.attempt(), retry));
                consecutiveServerFailures.set(0);
                // Redacted before anyone reads it: graders, the sandbox, tools and the journal see the same text.
                Response response = secrets.redact(asm.response());
                wireSeen.accumulateAndGet(asm.wireProfile(), WireProfile::merge);
                return new ChatOutcome.Success(response, ReasoningCount.fill(asm.usage(), response), asm.timing(), retries);
            } catch (TryFailure failure) {
                f = failure;
            } finally {
                if (client != http) {
                    closeQuietly(client);
                    client = http;
                }
            }
            String message = secrets.snippet(f.getMessage());
            if (f.beforeResponse && !resent && !f.interrupted) {
                // A kept-alive connection the server had closed: the pool may hold more such, so the resend goes on a
                // client of its own (a new connection), at once, and counts neither as a policy retry nor for the
                // breaker. The server never saw the request.
                resent = true;
                client = newClient(config);
                retries.add(new RetryRecord(f.cause, 0, 0, message + "; resent on a new connection"));
                retry--;
                continue;
            }
            allRefused &= f.refused;
            recordForBreaker(f);
            if (f.cause == ErrorCause.AUTH) {
                throw new EndpointAbortedException(Reason.AUTH, "endpoint refused the credentials (HTTP " + f.status
                        + ") at " + config.baseUrl() + (config.apiKey() == null ? "; no API key was set (" + config.apiKeyEnv()
                        + ")" : "") + ": " + message);
            }
            boolean breaker = breakerOpen.get();
            boolean last = f.interrupted || !f.cause.retryable() || retry >= config.retry().maxRetries() || breaker;
            if (last) {
                if (allRefused && !everConnected.get()) {
                    throw new EndpointAbortedException(Reason.UNREACHABLE,
                            "cannot reach " + config.baseUrl() + ": connection refused");
                }
                // When the breaker opened, this request still ends as a recorded failure (every try with its cause);
                // the run stops at the next request.
                return new ChatOutcome.Failure(new AttemptError(f.cause, breaker && f.cause.retryable()
                        ? message + "; not retried: " + breakerReason : message, retries.size()),
                        asm.empty() ? null : secrets.redact(asm.response()), asm.usage(), asm.timing(), retries);
            }
            if (f.cause == ErrorCause.CONNECTION && f.status == 0) {
                client = newClient(config); // the pool may hold more dead connections: retry on a new one
            }
            Duration delay = config.retry().delay(retry, f.retryAfter, ThreadLocalRandom.current());
            retries.add(new RetryRecord(f.cause, f.status, delay.toMillis(), message));
            if (!sleep(delay)) {
                return new ChatOutcome.Failure(new AttemptError(f.cause, message + " (interrupted)", retries.size()),
                        null, asm.usage(), asm.timing(), retries);
            }
        }
    }

    @Override
    public WireProfile wireProfile() {
        return wireSeen.get();
    }

    @Override
    public RunManifest.EndpointRef describe() {
        return new EndpointDescriber(config, http, secrets).describe();
    }

    @Override
    public void close() {
        // java.net.http.HttpClient has no close() before Java 21; its idle connections die with it.
    }

    /** Whether the circuit breaker has opened (every later complete() throws). */
    public boolean breakerOpen() {
        return breakerOpen.get();
    }

    @Override
    public Secrets secrets() {
        return secrets;
    }

    ApiFlavor flavor() {
        return flavor;
    }

    void connected() {
        everConnected.set(true);
    }

    /** Whether any try has had a response from the server. */
    boolean hasConnected() {
        return everConnected.get();
    }

    private HttpRequest request(byte[] body, boolean stream, int attempt, int retry) {
        HttpRequest.Builder b = HttpRequest.newBuilder(chatUri).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json")
                .header("Accept", stream ? "text/event-stream" : "application/json");
        config.headers().forEach(b::header);
        if (config.apiKey() != null) {
            b.header("Authorization", "Bearer " + config.apiKey());
        }
        if (config.attemptHeaders()) {
            b.header("X-Claimcheck-Attempt", Integer.toString(attempt));
            b.header("X-Claimcheck-Retry", Integer.toString(retry));
        }
        return b.build();
    }

    private void checkBreaker() {
        if (breakerOpen.get()) {
            throw new EndpointAbortedException(Reason.CIRCUIT_OPEN, breakerReason);
        }
    }

    private void recordForBreaker(TryFailure f) {
        if (!f.countsForBreaker()) {
            consecutiveServerFailures.set(0);
            return;
        }
        int n = consecutiveServerFailures.incrementAndGet();
        int threshold = config.circuitBreakerThreshold();
        if (threshold > 0 && n >= threshold) {
            breakerReason = "circuit breaker open: " + n + " consecutive server or connection errors from "
                    + config.baseUrl() + " (last: " + f.cause + ", " + secrets.snippet(f.getMessage()) + ")";
            breakerOpen.set(true);
        }
    }

    /** Java 21 made HttpClient closeable (its connections and selector thread); on 17 it is left to the collector. */
    private static void closeQuietly(HttpClient client) {
        if (client instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                // only a one-off client's connection is lost
            }
        }
    }

    private static boolean sleep(Duration d) {
        if (d.isZero()) {
            return true;
        }
        try {
            Thread.sleep(d.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Messages in the OpenAI wire form (snake_case, tool calls as functions). */
    static ArrayNode wireMessages(List<ChatMessage> messages) {
        ArrayNode arr = JSON.createArrayNode();
        for (ChatMessage m : messages) {
            ObjectNode o = arr.addObject();
            o.put("role", m.role());
            if (m.content() == null) {
                o.putNull("content");
            } else {
                o.put("content", m.content());
            }
            if (!m.toolCalls().isEmpty()) {
                ArrayNode calls = o.putArray("tool_calls");
                for (ToolCall c : m.toolCalls()) {
                    ObjectNode call = calls.addObject();
                    if (c.id() != null) {
                        call.put("id", c.id());
                    }
                    call.put("type", "function");
                    call.putObject("function").put("name", c.name()).put("arguments", c.arguments());
                }
            }
            if (m.toolCallId() != null) {
                o.put("tool_call_id", m.toolCallId());
            }
        }
        return arr;
    }

    /** Reads messages back from a wire body (the inverse of how a request writes them). */
    public static List<ChatMessage> parseMessages(JsonNode array) {
        List<ChatMessage> out = new ArrayList<>();
        for (JsonNode m : array) {
            List<ToolCall> calls = new ArrayList<>();
            for (JsonNode c : m.path("tool_calls")) {
                JsonNode fn = c.path("function");
                calls.add(new ToolCall(c.hasNonNull("id") ? c.get("id").asText() : null, fn.path("name").asText(""),
                        fn.path("arguments").asText("")));
            }
            JsonNode content = m.get("content");
            String text = content == null || content.isNull() ? null
                    : content.isTextual() ? content.asText() : content.toString();
            out.add(new ChatMessage(m.path("role").asText("user"), text, calls,
                    m.hasNonNull("tool_call_id") ? m.get("tool_call_id").asText() : null));
        }
        return out;
    }
}
