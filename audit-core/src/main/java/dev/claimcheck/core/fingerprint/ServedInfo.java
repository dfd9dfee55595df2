package dev.claimcheck.core.fingerprint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.model.Fingerprint.Served;
import dev.claimcheck.core.model.RunManifest.EndpointRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/** What an endpoint's self-description ({@code /v1/models}, server info) says it serves, read from an {@link EndpointRef}. */
public final class ServedInfo {
    /** Where engines put the context length in a {@code /v1/models} entry: vLLM, SGLang, others. */
    private static final List<String> MODEL_FIELDS = List.of("max_model_len", "context_length", "max_context_length",
            "context_window");
    /** Precision and parallelism fields of SGLang's server info (vLLM reports none), under our names. */
    private static final Map<String, String> PRECISION_FIELDS = Map.of("quantization", "quantization", "dtype", "dtype",
            "kv_cache_dtype", "kvCacheDtype", "tp_size", "tp", "pp_size", "pp");

    private ServedInfo() {
    }

    static Served of(EndpointRef e, String modelId) {
        List<String> ids = new ArrayList<>();
        if (e.models() != null && e.models().isArray()) {
            e.models().forEach(m -> {
                if (m.path("id").isTextual()) {
                    ids.add(m.get("id").asText());
                }
            });
        }
        Map<String, String> precision = new TreeMap<>();
        JsonNode info = e.serverInfo() == null ? null : e.serverInfo().path("serverInfo");
        if (info != null && info.isObject()) {
            PRECISION_FIELDS.forEach((field, name) -> {
                JsonNode v = info.get(field);
                if (v != null && v.isValueNode() && !v.isNull()) {
                    precision.put(name, v.asText());
                }
            });
        }
        OptionalLong context = contextLength(e, modelId);
        return new Served(ids, context.isPresent() ? context.getAsLong() : null, e.engine(), e.engineVersion(), precision);
    }

    /**
     * The context length of {@code modelId} (or of the only model listed), else SGLang's server or model info, else
     * llama.cpp's {@code /props}; empty if none.
     */
    public static OptionalLong contextLength(EndpointRef endpoint, String modelId) {
        if (endpoint == null) {
            return OptionalLong.empty();
        }
        JsonNode models = endpoint.models();
        if (models != null && models.isArray()) {
            for (JsonNode m : models) {
                if (models.size() == 1 || m.path("id").asText("").equals(modelId)) {
                    for (String field : MODEL_FIELDS) {
                        if (m.path(field).canConvertToLong() && m.path(field).asLong() > 0) {
                            return OptionalLong.of(m.path(field).asLong());
                        }
                    }
                }
            }
        }
        JsonNode info = endpoint.serverInfo();
        if (info == null) {
            return OptionalLong.empty();
        }
        // SGLang's server info and model info, llama.cpp's /props (the context each slot serves).
        for (JsonNode n : List.of(info.path("serverInfo").path("context_length"), info.path("modelInfo").path("max_context_length"),
                info.path("props").path("default_generation_settings").path("n_ctx"))) {
            if (n.canConvertToLong() && n.asLong() > 0) {
                return OptionalLong.of(n.asLong());
            }
        }
        return OptionalLong.empty();
    }
}
