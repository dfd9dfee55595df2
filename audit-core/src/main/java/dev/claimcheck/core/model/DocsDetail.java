package dev.claimcheck.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * What the grounded-document grader records in {@code verdict.detail} (compact JSON), so {@code metrics.docs}
 * is recomputed from sample lines alone.
 *
 * @param fields schema fields (extraction) or answers (1 for yes/no and questions) to match
 * @param fieldsCorrect how many matched exactly
 * @param citations cited spans the response gave (0 when the task asks for none)
 * @param citationsValid cited spans found verbatim in the document that contain the answer
 * @param citationRequired whether the task asks for a citation (grounded needs a valid one then)
 * @param reason why the attempt is not grounded, or "grounded"
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DocsDetail(int fields, int fieldsCorrect, int citations, int citationsValid, boolean citationRequired,
                         String reason) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The detail of a docs verdict, or empty when the text is not one. */
    public static Optional<DocsDetail> parse(String detail) {
        if (detail == null) {
            return Optional.empty();
        }
        // A truncated response's verdict carries a prefix before the JSON.
        int brace = detail.indexOf('{');
        if (brace < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(detail.substring(brace), DocsDetail.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
