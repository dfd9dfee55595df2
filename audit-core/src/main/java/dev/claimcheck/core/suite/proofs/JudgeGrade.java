package dev.claimcheck.core.suite.proofs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * One judge's grade of one solution, as {@code verdict.detail} keeps it: the raw reply too, so {@code verify} can read it
 * again and check the points.
 *
 * @param judge the judge as given ({@code BASE_URL=MODEL})
 * @param prompt the judge prompt's version
 * @param status graded, parseFailure (a reply not in the fixed shape: counted, never scored 0) or error (no reply)
 * @param points the points awarded (graded only)
 * @param justification the judge's reason (graded only)
 * @param failure why the reply could not be read, or the request's error
 * @param reply the judge's reply as received (null on error)
 * @param completionTokens tokens the judge generated
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JudgeGrade(String judge, String prompt, Status status, Double points, String justification, String failure,
                         String reply, long completionTokens) {
    public JudgeGrade {
        Objects.requireNonNull(judge, "judge");
        Objects.requireNonNull(status, "status");
    }

    public enum Status {
        GRADED("graded"), PARSE_FAILURE("parseFailure"), ERROR("error");

        private final String id;

        Status(String id) {
            this.id = id;
        }

        @JsonValue
        public String id() {
            return id;
        }
    }
}
