package dev.claimcheck.core.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.model.ErrorCause;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One try of one request: send, check the status, read an SSE stream or a JSON body into the assembler. */
final class StreamTry {
    private static final long ERROR_BODY_WAIT_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final byte[] DATA = "data:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DONE = "[DONE]".getBytes(StandardCharsets.US_ASCII);

    private final OpenAiChatEndpoint endpoint;
    private final java.net.http.HttpClient http;
    private final ResponseAssembler asm;
    private final long idleNanos;
    private final long deadline;

    /** @param http the endpoint's pooled client, or a new one for a resend that must not reuse a connection */
    StreamTry(OpenAiChatEndpoint endpoint, java.net.http.HttpClient http, ResponseAssembler asm) {
        this.endpoint = endpoint;
        this.http = http;
        this.asm = asm;
        ClientConfig c = endpoint.config();
        this.idleNanos = c.idleTimeout().toNanos();
        Duration overall = c.requestTimeout();
        this.deadline = overall == null ? Long.MAX_VALUE : System.nanoTime() + overall.toNanos();
    }

    void run(HttpRequest request) throws TryFailure {
        CompletableFuture<HttpResponse<BodyReader>> future = http.sendAsync(request,
                info -> new BodyReader(idleNanos, deadline, OpenAiChatEndpoint.MAX_RESPONSE_BYTES));
        HttpResponse<BodyReader> response;
        try {
            long wait = Math.min(idleNanos, deadline - System.nanoTime());
            response = future.get(Math.max(0, wait), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw TryFailure.of(ErrorCause.TIMEOUT, "no response headers within "
                    + TimeUnit.NANOSECONDS.toMillis(idleNanos) + " ms");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new TryFailure(ErrorCause.TIMEOUT, 0, "interrupted", null, false, true);
        } catch (ExecutionException e) {
            throw classify(e.getCause(), false);
        }
        endpoint.connected();
        asm.markFirstByte();
        BodyReader body = response.body();
        try {
            read(response, body);
        } catch (IOException e) {
            throw classify(e, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TryFailure(ErrorCause.TIMEOUT, 0, "interrupted", null, false, true);
        } finally {
            body.cancel();
        }
    }

    private void read(HttpResponse<BodyReader> response, BodyReader body)
            throws TryFailure, IOException, InterruptedException {
        int status = response.statusCode();
        if (status != 200) {
            throw statusFailure(response, body);
        }
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (type.startsWith("text/event-stream")) {
            readStream(body);
        } else if (type.contains("json")) {
            readJson(body);
        } else {
            String text = new String(body.readAll(), StandardCharsets.UTF_8);
            throw TryFailure.of(ErrorCause.MALFORMED_RESPONSE, 200, "not an OpenAI-compatible response (Content-Type "
                    + (type.isEmpty() ? "missing" : type) + "): " + endpoint.secrets().snippet(text));
        }
    }

    private void readStream(BodyReader body) throws TryFailure, IOException, InterruptedException {
        int len;
        while ((len = body.readLine(OpenAiChatEndpoint.MAX_LINE_BYTES)) >= 0) {
            byte[] line = body.lineBuffer();
            if (!startsWith(line, len, DATA)) {
                continue; // blank separators, comments (":"), event:, id:, retry:
            }
            int from = DATA.length;
            while (from < len && line[from] == ' ') {
                from++;
            }
            int to = len;
            while (to > from && line[to - 1] == ' ') {
                to--;
            }
            if (to - from == DONE.length && startsWith(line, from, to, DONE)) {
                drain(body);
                return;
            }
            JsonNode chunk;
            try {
                chunk = OpenAiChatEndpoint.JSON.readTree(line, from, to - from);
            } catch (IOException e) {
                chunk = null;
            }
            if (chunk == null || !chunk.isObject()) {
                throw TryFailure.of(ErrorCause.MALFORMED_RESPONSE, 200, "malformed JSON chunk in stream: "
                        + endpoint.secrets().snippet(new String(line, from, to - from, StandardCharsets.UTF_8)));
            }
            if (!chunk.has("choices") && (chunk.has("error") || "error".equals(chunk.path("object").asText()))) {
                // vLLM and SGLang end a stream that failed after its 200 with one error event: {"error": {...,
                // "code": 500}}, or the bare {"object": "error", "message": ..., "code": ...} of older vLLM.
                JsonNode error = chunk.has("error") ? chunk.get("error") : chunk;
                int code = error.path("code").canConvertToInt() ? error.path("code").asInt() : 0;
                throw TryFailure.of(ContextLengthError.matchesEvent(error.toString()) ? ErrorCause.CONTEXT_LENGTH
                        : ErrorCause.SERVER_ERROR, 200,
                        "error event in stream" + (code > 0 ? " (code " + code + ")" : "") + ": "
                        + endpoint.secrets().snippet(error.toString()));
            }
            if (!chunk.path("choices").isArray()) {
                throw TryFailure.of(ErrorCause.MALFORMED_RESPONSE, 200, "stream chunk without choices: "
                        + endpoint.secrets().snippet(chunk.toString()));
            }
            asm.acceptChunk(chunk);
        }
        if (asm.finishReason() == null) {
            throw TryFailure.of(ErrorCause.TRUNCATED_STREAM, 200, "stream ended before [DONE] and without finish_reason");
        }
    }

    private static boolean startsWith(byte[] line, int len, byte[] prefix) {
        return len >= prefix.length && startsWith(line, 0, len, prefix);
    }

    private static boolean startsWith(byte[] line, int from, int to, byte[] prefix) {
        if (to - from < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (line[from + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** After [DONE] the body should end at once; reading it to its end keeps the connection reusable. */
    private void drain(BodyReader body) {
        try {
            body.readAll(Math.min(idleNanos, ERROR_BODY_WAIT_NANOS));
        } catch (TryFailure | IOException e) {
            // The answer is complete; a server that lingers or drops the connection afterwards changes nothing.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readJson(BodyReader body) throws TryFailure, IOException, InterruptedException {
        String text = new String(body.readAll(), StandardCharsets.UTF_8);
        JsonNode node;
        try {
            node = OpenAiChatEndpoint.JSON.readTree(text);
        } catch (IOException e) {
            throw TryFailure.of(ErrorCause.MALFORMED_RESPONSE, 200, "malformed JSON body: "
                    + endpoint.secrets().snippet(text));
        }
        if (node == null || !node.isObject() || !node.path("choices").isArray() || node.get("choices").isEmpty()) {
            throw TryFailure.of(ErrorCause.MALFORMED_RESPONSE, 200, "body is not a chat completion: "
                    + endpoint.secrets().snippet(text));
        }
        asm.acceptBody(node);
    }

    private TryFailure statusFailure(HttpResponse<BodyReader> response, BodyReader body) throws InterruptedException {
        int status = response.statusCode();
        String text;
        try {
            text = new String(body.readAll(Math.min(idleNanos, ERROR_BODY_WAIT_NANOS)), StandardCharsets.UTF_8);
        } catch (TryFailure | IOException e) {
            text = "";
        }
        String message = "HTTP " + status + (text.isBlank() ? "" : ": " + endpoint.secrets().snippet(text));
        if (status == 401 || status == 403) {
            return TryFailure.of(ErrorCause.AUTH, status, message);
        }
        if (ContextLengthError.matches(status, text)) {
            return TryFailure.of(ErrorCause.CONTEXT_LENGTH, status, message); // llama.cpp may say so with a 500
        }
        if (status == 429 || status >= 500) {
            Duration retryAfter = response.headers().firstValue("Retry-After")
                    .flatMap(v -> RetryPolicy.parseRetryAfter(v, Instant.now())).orElse(null);
            ErrorCause cause = status == 429 ? ErrorCause.RATE_LIMITED : ErrorCause.SERVER_ERROR;
            return new TryFailure(cause, status, message, retryAfter, false, false);
        }
        if (status == 408) {
            return TryFailure.of(ErrorCause.TIMEOUT, status, message);
        }
        if (status >= 400) {
            return TryFailure.of(ErrorCause.CLIENT_ERROR, status, message);
        }
        return TryFailure.of(ErrorCause.MALFORMED_RESPONSE, status, "unexpected " + message);
    }

    /** Maps a transport exception to a cause; {@code inBody} tells a cut-off body from a failed exchange. */
    private TryFailure classify(Throwable t, boolean inBody) {
        Throwable root = t;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ConnectException || c instanceof HttpConnectTimeoutException) {
                boolean refused = c instanceof ConnectException && !(c instanceof HttpConnectTimeoutException);
                String message = (refused ? "connection refused: " : "connect timeout: ") + endpoint.config().baseUrl();
                // java.net.http gives a refused connect and a closed one the same ConnectException(ClosedChannelException);
                // from a server that has answered before, it is worth the one resend on a new connection.
                return refused && endpoint.hasConnected() ? TryFailure.closedBeforeResponse(message, true)
                        : new TryFailure(ErrorCause.CONNECTION, 0, message, null, refused, false);
            }
            root = c;
        }
        String detail = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        detail = endpoint.secrets().snippet(detail);
        if (root instanceof HttpTimeoutException) {
            return TryFailure.of(ErrorCause.TIMEOUT, "timeout: " + detail);
        }
        if (root instanceof ProtocolException) {
            return TryFailure.of(ErrorCause.MALFORMED_RESPONSE, "not valid HTTP: " + detail);
        }
        String lower = detail.toLowerCase(Locale.ROOT);
        if (!inBody && !lower.contains("reset") && (root instanceof EOFException || lower.contains("eof reached")
                || lower.contains("received no bytes") || lower.contains("closed"))) {
            // java.net.http's words for a socket the server closed (FIN) under a request it had not answered: "EOF
            // reached while reading", "HTTP/1.1 header parser received no bytes". A reset (RST) is left to the retry
            // policy: a server that resets mid-answer can lose the answer's first bytes too and look the same.
            return TryFailure.closedBeforeResponse("connection closed before a response: " + detail, false);
        }
        if (lower.contains("reset")) {
            return TryFailure.of(ErrorCause.CONNECTION, inBody ? 200 : 0, "connection reset" + (inBody ? " mid-stream" : ""));
        }
        if (inBody && (root instanceof EOFException || lower.contains("eof") || lower.contains("closed"))) {
            return TryFailure.of(ErrorCause.TRUNCATED_STREAM, 200, "connection closed before the body ended: " + detail);
        }
        return TryFailure.of(ErrorCause.CONNECTION, inBody ? 200 : 0, "connection failed: " + detail);
    }
}
