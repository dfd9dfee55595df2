package dev.claimcheck.core.grade.bfcl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one BFCL question expects, as its {@code verdict.expected} records it (compact JSON), so a re-grade needs no
 * dataset: the category, the mode the reply was asked in, the functions as published and the possible answer's
 * {@code ground_truth} (absent for irrelevance and relevance).
 *
 * @param mode {@code fc} (native tool calls) or {@code prompt} (calls written as text)
 */
public record BfclSpec(String category, String mode, ArrayNode functions, ArrayNode groundTruth) {
    public static final String FC = "fc";
    public static final String PROMPT = "prompt";
    private static final ObjectMapper JSON = new ObjectMapper();

    public BfclSpec {
        Objects.requireNonNull(category, "category");
        if (!FC.equals(mode) && !PROMPT.equals(mode)) {
            throw new BadInputException("mode must be fc or prompt, got " + mode);
        }
        Objects.requireNonNull(functions, "functions");
        if (CheckKind.of(category).needsAnswers() && (groundTruth == null || groundTruth.isEmpty())) {
            throw new BadInputException("category " + category + " needs a ground_truth");
        }
    }

    public CheckKind kind() {
        return CheckKind.of(category);
    }

    public List<FunctionDoc> docs() {
        List<FunctionDoc> out = new ArrayList<>(functions.size());
        functions.forEach(f -> out.add(FunctionDoc.of(f)));
        return out;
    }

    public String toJson() {
        ObjectNode o = JSON.createObjectNode().put("category", category).put("mode", mode);
        o.set("functions", functions);
        if (groundTruth != null) {
            o.set("ground_truth", groundTruth);
        }
        return o.toString();
    }

    /** Reads {@link #toJson()}'s form; anything else is a {@link BadInputException}. */
    public static BfclSpec parse(String json) {
        JsonNode n;
        try {
            n = json == null ? null : JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadInputException("expected answer is not BFCL JSON: " + e.getOriginalMessage());
        }
        if (n == null || !n.path("category").isTextual() || !n.path("functions").isArray()) {
            throw new BadInputException("expected answer is not BFCL JSON (category, mode, functions)");
        }
        JsonNode gt = n.get("ground_truth");
        return new BfclSpec(n.get("category").asText(), n.path("mode").asText(), (ArrayNode) n.get("functions"),
                gt != null && gt.isArray() ? (ArrayNode) gt : null);
    }
}
