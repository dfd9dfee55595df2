package dev.claimcheck.core.suite.gaia2;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimcheck.core.model.Verdict;
import java.util.Optional;

/**
 * What a Gaia2 attempt records in {@code verdict.detail} (compact JSON), from which the search figures are computed.
 *
 * @param match the answer grader's detail ({@code equal}, {@code different}, {@code no answer: …})
 * @param steps model turns (requests) in the episode
 * @param toolCalls calls of the tool server's tools the model made (the answer call not included), malformed included
 * @param toolErrors calls answered with an error: the server's, a transport failure or timeout, or a malformed call
 * @param malformedCalls calls refused before reaching the server (unknown tool, arguments not a JSON object or too large,
 *                       over the per-turn limit)
 * @param budgetStop {@code steps} or {@code tokens} when the episode hit its budget, else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Gaia2Detail(String match, int steps, int toolCalls, int toolErrors, int malformedCalls, String budgetStop) {
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The detail of a Gaia2 verdict, or empty when the text is not one. */
    static Optional<Gaia2Detail> parse(String detail) {
        if (detail == null) {
            return Optional.empty();
        }
        String json = detail.startsWith(Verdict.TRUNCATED) ? detail.substring(Verdict.TRUNCATED.length()) : detail;
        try {
            Gaia2Detail d = JSON.readValue(json, Gaia2Detail.class);
            return d.match() == null ? Optional.empty() : Optional.of(d);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
