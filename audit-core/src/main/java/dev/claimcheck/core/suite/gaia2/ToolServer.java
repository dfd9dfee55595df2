package dev.claimcheck.core.suite.gaia2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.grade.Gaia2AnswerGrader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The user's tool server (docs/workloads/gaia2.md, "The tool server protocol"): {@code GET /tools?scenario_id=ID}
 * answers {@code {"tools": [OpenAI function tools]}}, {@code POST /call} with {@code {"scenario_id", "name",
 * "arguments"}} answers {@code {"content": text}} or {@code {"error": text}}. Everything it sends is untrusted: bodies
 * are read up to a bound, tool lists are checked, results are plain text cut to {@link #MAX_RESULT_CHARS}, redirects
 * are never followed, and it is sent nothing but the scenario id and the model's call (no credential, no header of
 * the run's endpoint).
 */
final class ToolServer {
    static final int MAX_BODY_BYTES = 1 << 20;
    static final int MAX_RESULT_CHARS = 32 * 1024;
    static final int MAX_TOOLS = 128;
    static final String CUT = "\n[tool result cut at " + MAX_RESULT_CHARS + " characters]";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A call's outcome: the text the model reads, or why the server gave none. */
    sealed interface Result {
        record Content(String text) implements Result {
        }

        record Failure(String reason) implements Result {
        }
    }

    private final URI base;
    private final Duration timeout;
    private final HttpClient http;
    private final Map<String, List<ObjectNode>> tools = new ConcurrentHashMap<>();

    ToolServer(String url, Duration timeout) {
        this.base = checkedUrl(url);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** {@code --tool-server}: an http(s) URL with a host and no user info, query or fragment (run.json records it). */
    static URI checkedUrl(String url) {
        URI u;
        try {
            u = new URI(url.strip());
        } catch (java.net.URISyntaxException e) {
            throw new BadInputException("--tool-server: not a URL: " + e.getMessage());
        }
        if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
            throw new BadInputException("--tool-server must be an http:// or https:// URL with a host, got '" + url + "'");
        }
        if (u.getRawUserInfo() != null || u.getRawQuery() != null || u.getRawFragment() != null) {
            throw new BadInputException("--tool-server must not carry user info, a query or a fragment (run.json records"
                    + " the URL): '" + u.getScheme() + "://" + u.getHost() + "…'");
        }
        String s = u.toString();
        return URI.create(s.endsWith("/") ? s : s + "/");
    }

    /** The scenario's tools as the request's {@code tools} entries, fetched once per scenario. */
    List<ObjectNode> tools(String scenarioId) throws ToolServerException {
        List<ObjectNode> known = tools.get(scenarioId);
        if (known != null) {
            return known;
        }
        URI uri = base.resolve("tools?scenario_id=" + URLEncoder.encode(scenarioId, StandardCharsets.UTF_8));
        JsonNode body = send(HttpRequest.newBuilder(uri).GET(), "GET /tools");
        List<ObjectNode> checked = checkedTools(body);
        tools.put(scenarioId, checked);
        return checked;
    }

    /** Executes one call; every failure (transport, status, body) is a {@link Result.Failure}, never an exception. */
    Result call(String scenarioId, String name, JsonNode arguments) {
        ObjectNode body = JSON.createObjectNode();
        body.put("scenario_id", scenarioId);
        body.put("name", name);
        body.set("arguments", arguments);
        JsonNode reply;
        try {
            reply = send(HttpRequest.newBuilder(base.resolve("call")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())), "POST /call");
        } catch (ToolServerException e) {
            return new Result.Failure(e.getMessage());
        }
        if (reply.path("content").isTextual()) {
            String text = reply.get("content").asText();
            return new Result.Content(text.length() > MAX_RESULT_CHARS ? text.substring(0, MAX_RESULT_CHARS) + CUT : text);
        }
        if (reply.path("error").isTextual()) {
            String text = reply.get("error").asText();
            return new Result.Failure("tool error: " + (text.length() > 2000 ? text.substring(0, 2000) + "…" : text));
        }
        return new Result.Failure("POST /call answered neither {\"content\": text} nor {\"error\": text}");
    }

    private JsonNode send(HttpRequest.Builder request, String what) throws ToolServerException {
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.timeout(timeout).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (java.net.http.HttpTimeoutException e) {
            throw new ToolServerException(what + ": no answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            throw new ToolServerException(what + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolServerException(what + ": interrupted");
        }
        byte[] bytes;
        try (InputStream in = response.body()) {
            bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            throw new ToolServerException(what + ": body unreadable: " + e.getMessage());
        }
        if (response.statusCode() != 200) {
            throw new ToolServerException(what + ": HTTP " + response.statusCode());
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw new ToolServerException(what + ": body larger than " + MAX_BODY_BYTES + " bytes");
        }
        try {
            JsonNode n = JSON.readTree(bytes);
            if (n == null || !n.isObject()) {
                throw new ToolServerException(what + ": body is not a JSON object");
            }
            return n;
        } catch (IOException e) {
            throw new ToolServerException(what + ": body is not JSON");
        }
    }

    /** Each tool an OpenAI function tool with a safe, unique name (not the answer tool) and object parameters. */
    static List<ObjectNode> checkedTools(JsonNode body) throws ToolServerException {
        JsonNode list = body.get("tools");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new ToolServerException("GET /tools: expected {\"tools\": [at least one OpenAI function tool]}");
        }
        if (list.size() > MAX_TOOLS) {
            throw new ToolServerException("GET /tools: more than " + MAX_TOOLS + " tools");
        }
        List<ObjectNode> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode t = list.get(i);
            String where = "GET /tools: tools[" + i + "]";
            JsonNode f = t.path("function");
            String name = f.path("name").asText("");
            if (!"function".equals(t.path("type").asText()) || !f.isObject()) {
                throw new ToolServerException(where + " must be {\"type\": \"function\", \"function\": {…}}");
            }
            if (!NAME.matcher(name).matches()) {
                throw new ToolServerException(where + ": name must be 1-64 letters, digits, _ or -");
            }
            if (name.equals(Gaia2AnswerGrader.ANSWER_TOOL)) {
                throw new ToolServerException(where + ": " + name + " is the harness's own answer tool");
            }
            if (!names.add(name)) {
                throw new ToolServerException(where + ": tool " + name + " listed twice");
            }
            if (f.has("parameters") && !f.get("parameters").isObject()) {
                throw new ToolServerException(where + ": parameters must be a JSON schema object");
            }
            ObjectNode clean = JSON.createObjectNode();
            clean.put("type", "function");
            ObjectNode fn = clean.putObject("function");
            fn.put("name", name);
            if (f.path("description").isTextual()) {
                fn.put("description", f.get("description").asText());
            }
            fn.set("parameters", f.has("parameters") ? f.get("parameters").deepCopy() : JSON.createObjectNode().put("type", "object"));
            out.add(clean);
        }
        return List.copyOf(out);
    }

    /** The tool server failed in a way that leaves the attempt without tools. */
    static final class ToolServerException extends Exception {
        ToolServerException(String message) {
            super(message);
        }
    }
}
