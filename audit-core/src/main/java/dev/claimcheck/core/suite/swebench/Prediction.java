package dev.claimcheck.core.suite.swebench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimcheck.core.BadInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One submitted prediction as the harness takes it: {@code instance_id}, {@code model_name_or_path} and
 * {@code model_patch} (a unified diff; null or empty when the agent produced none).
 */
public record Prediction(String instanceId, String model, String modelPatch) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean emptyPatch() {
        return modelPatch == null || modelPatch.isBlank();
    }

    /**
     * Reads {@code all_preds.jsonl} (one object a line) or {@code preds.json} (a list of objects, or an object keyed by
     * instance id), keyed by instance id in file order.
     */
    public static Map<String, Prediction> read(Path file) {
        String name = file.getFileName().toString();
        Map<String, Prediction> out = new LinkedHashMap<>();
        try {
            if (name.endsWith(".jsonl")) {
                try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    int number = 0;
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        number++;
                        if (!line.isBlank()) {
                            add(out, parse(line, name + ":" + number), name + ":" + number);
                        }
                    }
                }
            } else {
                JsonNode root = parse(Files.readString(file, StandardCharsets.UTF_8), name);
                if (!root.isArray() && !root.isObject()) {
                    throw new BadInputException(name + ": expected a list of predictions or an object keyed by instance_id");
                }
                int index = 0;
                for (JsonNode p : root) {
                    add(out, p, name + ": prediction " + ++index);
                }
            }
        } catch (IOException e) {
            throw new BadInputException(name + ": cannot read: " + e.getMessage());
        }
        return out;
    }

    private static JsonNode parse(String text, String where) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new BadInputException(where + ": not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static void add(Map<String, Prediction> out, JsonNode p, String where) {
        if (!p.isObject() || !p.path("instance_id").isTextual()) {
            throw new BadInputException(where + ": a prediction needs a string instance_id");
        }
        JsonNode patch = p.path("model_patch");
        if (!patch.isMissingNode() && !patch.isNull() && !patch.isTextual()) {
            throw new BadInputException(where + ": model_patch must be a string or null");
        }
        Prediction prediction = new Prediction(p.get("instance_id").asText(), p.path("model_name_or_path").asText(""),
                patch.isTextual() ? patch.asText() : null);
        if (out.putIfAbsent(prediction.instanceId(), prediction) != null) {
            throw new BadInputException(where + ": instance_id " + prediction.instanceId() + " is predicted twice");
        }
    }
}
