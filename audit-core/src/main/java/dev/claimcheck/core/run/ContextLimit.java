package dev.claimcheck.core.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.model.RunManifest.EndpointRef;
import dev.claimcheck.core.model.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * The served model's context length, when the endpoint advertises it, and the tasks that do not fit: a prompt whose
 * {@code targetTokens} exceeds it is reported in one line and skipped, never sent blindly (issue #8).
 */
final class ContextLimit {
    /** Where engines put it in a {@code /v1/models} entry: vLLM, SGLang, others. */
    private static final List<String> MODEL_FIELDS = List.of("max_model_len", "context_length", "max_context_length",
            "context_window");

    private ContextLimit() {
    }

    /**
     * The context length of {@code modelId} (or of the only model listed), else SGLang's server or model info, else
     * llama.cpp's {@code /props}; empty if none.
     */
    static OptionalLong of(EndpointRef endpoint, String modelId) {
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

    /** The plan without the tasks longer than the advertised context, each skip reported in one line. */
    static AuditPlan skipTooLong(AuditPlan plan, EndpointRef endpoint, String modelId, ProgressListener progress) {
        OptionalLong max = of(endpoint, modelId);
        if (max.isEmpty()) {
            return plan;
        }
        List<Task> kept = new ArrayList<>();
        TreeSet<Long> skippedLengths = new TreeSet<>();
        for (Task t : plan.tasks()) {
            String target = t.meta().get("targetTokens");
            if (target != null && Long.parseLong(target) > max.getAsLong()) {
                skippedLengths.add(Long.parseLong(target));
            } else {
                kept.add(t);
            }
        }
        if (skippedLengths.isEmpty()) {
            return plan;
        }
        String line = "skipping " + (plan.tasks().size() - kept.size()) + " tasks of " + skippedLengths.size()
                + " length(s) " + skippedLengths + " above the model's advertised context of " + max.getAsLong()
                + " tokens (max_model_len); they are not sent";
        if (kept.isEmpty()) {
            throw new BadInputException("every task is longer than the model's advertised context of " + max.getAsLong()
                    + " tokens (max_model_len); choose shorter --lengths");
        }
        progress.note(line);
        return plan.withTasks(kept);
    }
}
