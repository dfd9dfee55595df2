package dev.claimcheck.core.grade.mrcr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * What an MRCR attempt is graded against ({@code verdict.expected}): the row's {@code random_string_to_prepend} and
 * its {@code answer} (which the dataset ships with the string already prepended), as
 * {@code {"prepend": …, "answer": …}}, so a recorded attempt re-grades without the dataset.
 */
public record MrcrExpected(String prepend, String answer) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public MrcrExpected {
        Objects.requireNonNull(prepend, "prepend");
        Objects.requireNonNull(answer, "answer");
    }

    public String toJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("prepend", prepend);
        n.put("answer", answer);
        return n.toString();
    }

    /** Empty when {@code text} is not such an object. */
    public static Optional<MrcrExpected> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(text);
            if (n == null || !n.isObject() || !n.path("prepend").isTextual() || !n.path("answer").isTextual()) {
                return Optional.empty();
            }
            return Optional.of(new MrcrExpected(n.get("prepend").asText(), n.get("answer").asText()));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
