package dev.claimcheck.core.suite.swebench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimcheck.core.suite.EpisodeMeter;
import java.util.List;
import java.util.Optional;

/**
 * What a SWE-bench agent attempt records in {@code verdict.detail} (compact JSON): how the episode ended, each
 * command's outcome, the patch ({@code git diff} of the working copy) and, when it was evaluated, the test log and
 * the two test lists' results, which {@code verify} re-derives from the log ({@link SwebenchReplay}).
 *
 * @param end {@code submitted} (the submit command), {@code answered} (a turn with no command), {@code steps} or
 *            {@code tokens} (a budget stopped it: not evaluated, as mini-swe-agent submits nothing then), or
 *            {@code imported} (no episode: a submission's prediction and log)
 * @param steps model turns (requests)
 * @param commands every command run, in order
 * @param patch the unified diff against {@code base_commit}, empty when nothing changed
 * @param evaluated whether the patch went through the sandbox evaluation
 * @param notApplied why the log counts as "patch not applied", or null
 * @param testLog the evaluation's log (null when not evaluated)
 * @param claimed an imported attempt's claim: what the harness's report.json says (null: no report, or not imported)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SwebenchDetail(String instanceId, String repo, String end, int steps, List<Command> commands,
                             String patch, String patchSha256, boolean evaluated, String notApplied,
                             Tests failToPass, Tests passToPass, String testLog, Boolean claimed) {
    public static final String SUBMITTED = "submitted";
    public static final String ANSWERED = "answered";
    public static final String STOP_STEPS = EpisodeMeter.STOP_STEPS;
    public static final String STOP_TOKENS = EpisodeMeter.STOP_TOKENS;
    /** Not an episode: a submission's prediction and harness log, imported ({@code swebench import --root}). */
    public static final String IMPORTED = "imported";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public SwebenchDetail {
        commands = commands == null ? List.of() : List.copyOf(commands);
    }

    /**
     * One bash command: what ran, its exit code (-1 when killed), how long its output was, whether the model saw it
     * cut or it was killed for time, and the tokens of the turn that issued it.
     */
    public record Command(String command, int exitCode, int outputChars, boolean truncated, boolean timedOut,
                          long promptTokens, long completionTokens) {
    }

    /** A test list's split, as the harness's report.json has it. */
    public record Tests(List<String> success, List<String> failure) {
        public Tests {
            success = List.copyOf(success);
            failure = List.copyOf(failure);
        }
    }

    /** The episode ended by a budget. */
    public boolean budgetStop() {
        return STOP_STEPS.equals(end) || STOP_TOKENS.equals(end);
    }

    public boolean resolved() {
        return evaluated && notApplied == null && failToPass != null && failToPass.failure().isEmpty()
                && passToPass != null && passToPass.failure().isEmpty();
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Optional<SwebenchDetail> parse(String detail) {
        if (detail == null || !detail.startsWith("{")) {
            return Optional.empty();
        }
        try {
            SwebenchDetail d = JSON.readValue(detail, SwebenchDetail.class);
            return d.instanceId() == null || d.end() == null ? Optional.empty() : Optional.of(d);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
