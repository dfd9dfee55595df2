package dev.claimcheck.core.grade.tau2;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the τ² re-score records in {@code verdict.detail}: the reward the file claims beside the one re-derived, each
 * reward component with where its value came from, and every place the file's own checks disagree with ours.
 *
 * @param side who the ending is charged to ({@link Termination.Side}, lower case)
 * @param evaluable false for endings upstream leaves out of pass^k (infrastructure error, context window exceeded)
 * @param components reward_basis component → its value and source ({@code re-derived} or {@code recorded})
 * @param disagreements the file's checks that our re-derivation contradicts (empty when it is consistent)
 * @param origin the file the trial came from (set by the suite; null from the grader alone)
 * @param notScorable why a native trial cannot be scored here (its reward_basis counts a component that needs a judge
 *        or upstream's code), else null; such a trial is never counted as passed or failed
 * @param userSimulatorTokens the user simulator's tokens in this trial (null when its messages record none)
 * @param nlJudge how our NL judge was asked about this trial (null when it was not)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Tau2Detail(String taskId, int trial, String termination, String side, boolean evaluable, double claimedReward,
                         double derivedReward, Map<String, Component> components, List<String> disagreements, Origin origin,
                         String notScorable, Tokens userSimulatorTokens, NlJudged nlJudge) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** One reward component: its value and whether we re-derived it or read it from the file. */
    public record Component(double value, String source) {
        public static final String REDERIVED = "re-derived";
        public static final String RECORDED = "recorded";
        /** Read again from the judge's recorded reply (our NL judge's). */
        public static final String JUDGE_REPLY = "judge reply";
    }

    /** Tokens of a model that is not the agent (the user simulator, the NL judge), and its requests. */
    public record Tokens(long prompt, long completion, int requests) {
    }

    /** Our NL judge on this trial: the judge, its status ({@code graded}, {@code parseFailure}, {@code error}), tokens. */
    public record NlJudged(String judge, String status, Tokens tokens) {
    }

    /**
     * Where an imported trial came from: the domain, the results file and its hash, the models it names.
     *
     * @param trialsInFile how many trials of this task the file holds (the run imports one per attempt)
     * @param taskCopyChanged the file's own copy of the task differs from tasks.json
     * @param source {@code native} for a trial this harness ran; null or {@code imported} for one read from a file
     * @param simulationFile in a directory-format run (where {@code file} is the folder and {@code sha256} its combined
     *        hash), the trial's own file, {@code simulations/<id>.json}; {@code simulationSha256} its hash; else null
     * @param notRun a native run under {@code --skip-unsupported}: the tasks it left out, each {@code id: why}; else null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Origin(String domain, String file, String sha256, String agentModel, String userModel, int trialsInFile,
                         boolean taskCopyChanged, String source, String simulationFile, String simulationSha256,
                         List<String> notRun) {
        public Origin(String domain, String file, String sha256, String agentModel, String userModel, int trialsInFile,
                      boolean taskCopyChanged, String source, String simulationFile, String simulationSha256) {
            this(domain, file, sha256, agentModel, userModel, trialsInFile, taskCopyChanged, source, simulationFile,
                    simulationSha256, null);
        }

        /** A trial of a monolithic results file, or a native one. */
        public Origin(String domain, String file, String sha256, String agentModel, String userModel, int trialsInFile,
                      boolean taskCopyChanged, String source) {
            this(domain, file, sha256, agentModel, userModel, trialsInFile, taskCopyChanged, source, null, null);
        }
    }

    /** A detail as the re-scorer makes it: every trial scorable. */
    public Tau2Detail(String taskId, int trial, String termination, String side, boolean evaluable, double claimedReward,
                      double derivedReward, Map<String, Component> components, List<String> disagreements, Origin origin) {
        this(taskId, trial, termination, side, evaluable, claimedReward, derivedReward, components, disagreements, origin, null,
                null, null);
    }

    public Tau2Detail {
        components = components == null ? Map.of() : new TreeMap<>(components);
        disagreements = disagreements == null ? List.of() : List.copyOf(disagreements);
    }

    /** τ²-bench's success: a reward of 1 (within 1e-6). */
    public static boolean success(double reward) {
        return Math.abs(reward - 1.0) <= 1e-6;
    }

    /** The claimed reward equals the re-derived one (within 1e-6). */
    public boolean rewardAgrees() {
        return Math.abs(claimedReward - derivedReward) <= 1e-6;
    }

    public Tau2Detail withOrigin(Origin o) {
        return new Tau2Detail(taskId, trial, termination, side, evaluable, claimedReward, derivedReward, components,
                disagreements, o, notScorable, userSimulatorTokens, nlJudge);
    }

    public Tau2Detail notScorable(String reason) {
        return new Tau2Detail(taskId, trial, termination, side, evaluable, claimedReward, derivedReward, components,
                disagreements, origin, reason, userSimulatorTokens, nlJudge);
    }

    /** With the tokens and judge status the trajectory records. */
    public Tau2Detail withSides(Tokens user, NlJudged judge) {
        return new Tau2Detail(taskId, trial, termination, side, evaluable, claimedReward, derivedReward, components,
                disagreements, origin, notScorable, user, judge);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The detail of a τ² verdict, or empty when the text is not one. */
    public static Optional<Tau2Detail> parse(String detail) {
        if (detail == null || !detail.startsWith("{")) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(JSON.readValue(detail, Tau2Detail.class));
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
