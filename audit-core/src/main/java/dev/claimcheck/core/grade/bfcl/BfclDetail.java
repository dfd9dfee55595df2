package dev.claimcheck.core.grade.bfcl;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * What the BFCL grader records in {@code verdict.detail}, so the figures split by category from sample lines alone.
 *
 * @param calls how many calls the reply made (decoded, for prompt mode)
 * @param decoded false when a reply with text or tool calls could not be read as calls (malformed arguments)
 * @param reason "match" or the first rule broken
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BfclDetail(String category, String mode, int calls, boolean decoded, String reason) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The detail of a BFCL verdict, or empty when the text is not one. */
    public static Optional<BfclDetail> parse(String detail) {
        if (detail == null || !detail.startsWith("{")) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(JSON.readValue(detail, BfclDetail.class));
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
