package dev.claimcheck.core.suite.proofs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimcheck.core.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A human grade of a proof run: {@code reviews/<run-id>/<reviewer>.json} in the root, added by pull request and signed
 * beside it ({@code <reviewer>.json.sig}, an SSH signature in the {@code claimcheck} namespace by a key the root's
 * allowed_signers lists for {@code reviewer}). Each grade names the solution it read by hash, so a review cannot be
 * moved onto another text.
 *
 * @param schema {@link #SCHEMA}
 * @param runId the run reviewed
 * @param reviewer the reviewer's principal (as in allowed_signers, e.g. an e-mail address)
 * @param grades one per reviewed solution
 */
public record ProofReview(String schema, String runId, String reviewer, List<Grade> grades) {
    public static final String SCHEMA = "claimcheck/proof-review/v1";
    static final long MAX_BYTES = 1L << 20;
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    public ProofReview {
        grades = grades == null ? List.of() : List.copyOf(grades);
    }

    /**
     * @param problem the problem id
     * @param attempt the attempt (0 for an import)
     * @param points the points the reviewer awards
     * @param solutionSha256 {@code sha256:<hex>} of the solution text as recorded in the run (the sample's response content)
     * @param comment the reviewer's reasons
     */
    public record Grade(String problem, int attempt, double points, String solutionSha256, String comment) {
        public Grade {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(solutionSha256, "solutionSha256");
        }
    }

    public static ProofReview read(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new BadInputException(file + ": larger than " + MAX_BYTES + " bytes");
            }
            ProofReview r = JSON.readValue(Files.readString(file), ProofReview.class);
            if (!SCHEMA.equals(r.schema()) || r.runId() == null || r.reviewer() == null || r.grades().isEmpty()) {
                throw new BadInputException(file + ": needs schema " + SCHEMA + ", runId, reviewer and at least one grade");
            }
            return r;
        } catch (JsonProcessingException e) {
            throw new BadInputException(file + ":" + (e.getLocation() == null ? 0 : e.getLocation().getLineNr())
                    + ": not a proof review: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    public String toJson() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
