package dev.claimcheck.core.grade.ifeval;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;

/**
 * What the IFEval grader records in {@code verdict.detail} (compact JSON), so the figures and {@code verify} re-derive
 * prompt- and instruction-level, strict and loose accuracy from sample lines alone.
 *
 * @param instructions per instruction in the prompt's order: its id and whether it was followed strictly and loosely
 * @param reason "followed", or which instructions were not (strict)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IfevalDetail(List<Followed> instructions, String reason) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public IfevalDetail {
        instructions = instructions == null ? List.of() : List.copyOf(instructions);
    }

    /** One instruction's result. */
    public record Followed(String id, boolean strict, boolean loose) {
    }

    public boolean allStrict() {
        return !instructions.isEmpty() && instructions.stream().allMatch(Followed::strict);
    }

    public boolean allLoose() {
        return !instructions.isEmpty() && instructions.stream().allMatch(Followed::loose);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The detail of an IFEval verdict, or empty when the text is not one. */
    public static Optional<IfevalDetail> parse(String detail) {
        if (detail == null) {
            return Optional.empty();
        }
        int brace = detail.indexOf('{');
        try {
            return brace < 0 ? Optional.empty() : Optional.ofNullable(JSON.readValue(detail.substring(brace), IfevalDetail.class));
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
