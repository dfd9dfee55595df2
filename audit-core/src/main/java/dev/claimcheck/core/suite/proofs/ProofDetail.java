package dev.claimcheck.core.suite.proofs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;

/**
 * A proof verdict's {@code detail}: the problem, where the solution came from, the vendor's claim, and every judge's
 * grade. The figures (and {@code verify}) recompute everything from these records.
 *
 * @param problem the problem id
 * @param maxPoints its maximum points
 * @param source {@code generated} (by the model under test) or {@code imported} (from a vendor's folder)
 * @param inputs the statement, scheme and (imported) solution files with their hashes
 * @param claimedPoints the vendor's self-grade (imported only, where its README states one)
 * @param claimSource where the README states it
 * @param judges one grade per judge, in {@code --judge} order
 * @param setProblems how many problems the set holds, so a problem no attempt reached is missed, not ignored
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProofDetail(String problem, double maxPoints, String source, List<InputHash> inputs, Double claimedPoints,
                          String claimSource, List<JudgeGrade> judges, int setProblems) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public ProofDetail {
        inputs = List.copyOf(inputs);
        judges = List.copyOf(judges);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a verdict's detail; a proof cut at max_tokens is still judged, its detail marked truncated before the JSON. */
    public static Optional<ProofDetail> read(String json) {
        if (json != null && json.startsWith(dev.claimcheck.core.model.Verdict.TRUNCATED)) {
            json = json.substring(dev.claimcheck.core.model.Verdict.TRUNCATED.length());
        }
        if (json == null || !json.startsWith("{")) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(json, ProofDetail.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** The mean of the judges' parsed points, or null when none parsed. */
    public Double meanPoints() {
        return judges.stream().filter(j -> j.points() != null).mapToDouble(JudgeGrade::points).average().stream().boxed()
                .findFirst().orElse(null);
    }
}
