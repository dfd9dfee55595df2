package dev.claimcheck.core.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.claimcheck.core.model.RunManifest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Asks an endpoint what it is: {@code /v1/models}, {@code /version}, SGLang's server and model info, llama.cpp's
 * {@code /props}, and the {@code Server} header; the engine is named from these (docs/architecture.md §6.1). Every probe
 * is optional and short; a failure only leaves that part null. Every answer is scrubbed before anything is read from
 * it, so the engine name and version too pass the redactor: SGLang's server info lists its own {@code api_key}, and a
 * hostile server may echo the key in any field, name or value.
 */
final class EndpointDescriber {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_PROBE_BYTES = 1 << 20;
    // Narrower than the header rule: server info is full of harmless "max_*_tokens" and "tokenizer_*" fields.
    private static final java.util.regex.Pattern SECRET_FIELD = java.util.regex.Pattern.compile(
            "(?i)(.*(api[_-]?key|secret|password|authorization|cookie|access[_-]?token|auth[_-]?token).*|token|.*[_-]token)");

    // A self-reported engine name is recorded only in this plain shape, so a hostile server cannot put markup or a
    // paragraph where run.json and the site expect a short id.
    private static final java.util.regex.Pattern ENGINE_NAME = java.util.regex.Pattern.compile("[a-z][a-z0-9._-]{0,39}");

    static final String LLAMA_CPP = "llama.cpp";

    private final ClientConfig config;
    private final HttpClient http;
    private final Secrets secrets;
    /** The {@code Server} headers the probes saw, lower-cased (never recorded; only matched against engine names). */
    private final java.util.Set<String> serverHeaders = java.util.concurrent.ConcurrentHashMap.newKeySet();

    EndpointDescriber(ClientConfig config, HttpClient http, Secrets secrets) {
        this.config = config;
        this.http = http;
        this.secrets = secrets;
    }

    RunManifest.EndpointRef describe() {
        String root = config.serverRoot();
        JsonNode models = get(config.baseUrl() + "/models").map(m -> m.has("data") ? m.get("data") : m).map(this::scrub)
                .orElse(null);
        JsonNode version = get(root + "/version").map(this::scrub).orElse(null);
        JsonNode serverInfo = get(root + "/get_server_info").or(() -> get(root + "/server_info")).map(this::scrub)
                .orElse(null);
        JsonNode modelInfo = get(root + "/get_model_info").map(this::scrub).orElse(null);
        JsonNode props = get(root + "/props").map(EndpointDescriber::propsSummary).map(this::scrub).orElse(null);

        String engine = null;
        String engineVersion = version == null ? null : text(version.get("version"));
        JsonNode named = version == null ? null : version.get("engine");
        String selfNamed = named != null && named.isTextual() ? named.asText() : null;
        if (selfNamed != null && ENGINE_NAME.matcher(selfNamed).matches()) {
            engine = selfNamed; // a server that names its own engine is recorded under that name
        } else if (serverInfo != null || ownedBy(models, "sglang")) {
            engine = "sglang";
            if (engineVersion == null && serverInfo != null) {
                engineVersion = text(serverInfo.get("version"));
            }
        } else if (props != null || ownedBy(models, "llamacpp") || serverHeader("llama.cpp")) {
            // llama-server: /props (no /version), models owned by "llamacpp", "Server: llama.cpp"
            engine = LLAMA_CPP;
            if (engineVersion == null && props != null) {
                engineVersion = text(props.get("build_info"));
            }
        } else if (engineVersion != null || ownedBy(models, "vllm")) {
            engine = "vllm";
        }
        ObjectNode info = OpenAiChatEndpoint.JSON.createObjectNode();
        if (version != null) {
            info.set("version", version);
        }
        if (serverInfo != null) {
            info.set("serverInfo", serverInfo);
        }
        if (modelInfo != null) {
            info.set("modelInfo", modelInfo);
        }
        if (props != null) {
            info.set("props", props);
        }
        return new RunManifest.EndpointRef(config.baseUrl(), config.apiFlavor(), engine, engineVersion,
                info.isEmpty() ? null : info, models, null, config.apiKeyEnv(),
                Secrets.redactHeaders(config.headers()));
    }

    private Optional<JsonNode> get(String url) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET().timeout(PROBE_TIMEOUT)
                    .header("Accept", "application/json");
            config.headers().forEach(b::header);
            if (config.apiKey() != null) {
                b.header("Authorization", "Bearer " + config.apiKey());
            }
            HttpResponse<byte[]> r = http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofByteArray())
                    .get(PROBE_TIMEOUT.toMillis() * 2, java.util.concurrent.TimeUnit.MILLISECONDS);
            r.headers().firstValue("Server").ifPresent(v -> serverHeaders.add(v.toLowerCase(java.util.Locale.ROOT)));
            if (r.statusCode() != 200 || r.body().length > MAX_PROBE_BYTES) {
                return Optional.empty();
            }
            JsonNode node = OpenAiChatEndpoint.JSON.readTree(r.body());
            return node != null && node.isContainerNode() ? Optional.of(node) : Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            return Optional.empty(); // optional probe: absent is a valid answer
        }
    }

    /** A copy with secret-looking fields' values, and any known secret value in a name or value, replaced. */
    private JsonNode scrub(JsonNode node) {
        return secrets.redact(maskSecretFields(node));
    }

    /** A copy with the values of secret-looking fields (SGLang's {@code api_key}) replaced, whatever they hold. */
    private static JsonNode maskSecretFields(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = OpenAiChatEndpoint.JSON.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                boolean secret = SECRET_FIELD.matcher(e.getKey()).matches() && !e.getValue().isContainerNode()
                        && !e.getValue().isNull() && !e.getValue().isNumber() && !e.getValue().isBoolean();
                out.set(e.getKey(), secret ? TextNode.valueOf(Secrets.REDACTED) : maskSecretFields(e.getValue()));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = OpenAiChatEndpoint.JSON.createArrayNode();
            node.forEach(n -> out.add(maskSecretFields(n)));
            return out;
        }
        return node;
    }

    /**
     * The part of llama.cpp's {@code /props} a run needs (the served context, the build, the model): the rest is the
     * chat template and every sampler default, kilobytes that say nothing about this run. Null when it is not /props.
     */
    private static JsonNode propsSummary(JsonNode props) {
        JsonNode nCtx = props.path("default_generation_settings").path("n_ctx");
        if (!nCtx.canConvertToLong()) {
            return null;
        }
        ObjectNode out = OpenAiChatEndpoint.JSON.createObjectNode();
        out.putObject("default_generation_settings").set("n_ctx", nCtx);
        for (String field : new String[] {"build_info", "total_slots", "model_alias", "model_path"}) {
            JsonNode v = props.get(field);
            if (v != null && v.isValueNode()) {
                out.set(field, v);
            }
        }
        return out;
    }

    /** Whether a {@code /v1/models} entry names {@code owner} as its {@code owned_by} (vLLM, SGLang and llama.cpp do). */
    private static boolean ownedBy(JsonNode models, String owner) {
        if (models == null || !models.isArray()) {
            return false;
        }
        for (JsonNode m : models) {
            if (owner.equals(m.path("owned_by").asText())) {
                return true;
            }
        }
        return false;
    }

    private boolean serverHeader(String name) {
        return serverHeaders.stream().anyMatch(h -> h.contains(name));
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }
}
