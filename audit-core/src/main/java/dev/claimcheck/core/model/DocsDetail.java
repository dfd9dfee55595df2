package dev.claimcheck.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
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

    public String toJson() {
        return DetailJson.write(this);
    }

    /** The detail of a docs verdict, or empty when the text is not one. */
    public static Optional<DocsDetail> parse(String detail) {
        if (detail == null) {
            return Optional.empty();
        }
        // A truncated response's verdict carries a prefix before the JSON.
        int brace = detail.indexOf('{');
        return brace < 0 ? Optional.empty() : DetailJson.read(detail.substring(brace), DocsDetail.class);
    }
}
