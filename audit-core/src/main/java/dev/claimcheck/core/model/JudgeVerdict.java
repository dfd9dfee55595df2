package dev.claimcheck.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * A judge model's verdict of one attempt, kept in the sample beside the rule grader's {@link Verdict} (which it never
 * replaces): the raw reply too, so {@code verify} can read it again. Which of the two a workload scores is the
 * workload's documented policy (math: the judge decides only what the rules could not, docs/grading/math.md).
 *
 * @param judge the judge as given ({@code BASE_URL=MODEL})
 * @param prompt the judge prompt's version
 * @param status graded, parseFailure (a reply not in the fixed shape: counted, never read as a verdict) or error
 * @param correct the judge's verdict (graded only)
 * @param reason the judge's reason (graded only)
 * @param failure why the reply could not be read, or the request's error
 * @param reply the judge's reply as received (null on error)
 * @param completionTokens tokens the judge generated
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JudgeVerdict(String judge, String prompt, Status status, Boolean correct, String reason, String failure,
                           String reply, long completionTokens) {
    public JudgeVerdict {
        Objects.requireNonNull(judge, "judge");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(status, "status");
        if ((status == Status.GRADED) != (correct != null)) {
            throw new IllegalArgumentException("a judge verdict has correct exactly when graded");
        }
    }

    public boolean graded() {
        return status == Status.GRADED;
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
