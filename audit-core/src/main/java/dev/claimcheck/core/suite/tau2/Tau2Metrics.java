package dev.claimcheck.core.suite.tau2;

import dev.claimcheck.core.grade.tau2.Tau2Detail;
import dev.claimcheck.core.model.Estimate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The τ² block, {@code metrics.tau2} in run.json. Definitions: docs/workloads/tau2.md. The score of the run
 * ({@code Metrics#score()}) is the re-derived pass^1.
 *
 * @param source {@code imported}: trajectories read from a results file, not produced by this harness; {@code native}:
 *        trials this harness ran (agent under test, declarative tools, pinned user simulator)
 * @param file the results file's name, {@code sha256} its hash
 * @param agentModel the agent the file names ({@code info.agent_info.llm}); {@code userModel} its user simulator
 * @param trials trials imported; {@code trialsInFile} how many the file holds of the run's tasks (more when --k was
 *        below the file's trial count)
 * @param passHatK pass^k for k = 1 … the run's k, re-derived and as the file claims it
 * @param rewardMismatches trials whose claimed reward is not the re-derived one; {@code mismatches} lists the first 20
 * @param checkDisagreements trials where one of the file's own checks (action, communicate, basis) contradicts ours
 * @param terminations trials by termination reason; {@code bySide} by who the ending is charged to
 * @param userSimulatorErrors trials ended by the user simulator's error ({@code user_error}), counted apart
 * @param agentErrors trials ended by the agent's error ({@code agent_error}, {@code too_many_errors})
 * @param notEvaluable trials upstream leaves out of pass^k (infrastructure error, context window exceeded)
 * @param successWithoutUserSimulatorErrors re-derived pass^1 over the evaluable trials not ended by a user-simulator error
 * @param changedTasks tasks whose copy inside the file differs from tasks.json
 * @param notScorable native trials whose task's reward_basis needs what is not run here (an NL judge, upstream's
 *        environment assertions): left out of pass^k and every rate, never counted as passed
 * @param userSimulatorTokens the user simulator's tokens over every trial, apart from the agent's (which alone are the
 *        run's token and cost figures); null when no trial records them
 * @param nlJudge the NL judge's figures (native run with {@code --judge}); null when it was not asked
 * @param notRun the tasks a native run under {@code --skip-unsupported} left out, each {@code id: the function the
 *        port does not run}; empty otherwise
 */
public record Tau2Metrics(String domain, String source, String file, String sha256, String agentModel, String userModel,
                          int trials, int trialsInFile, List<PassHatK> passHatK, int rewardMismatches, List<String> mismatches,
                          int checkDisagreements, Map<String, Integer> terminations, Map<String, Integer> bySide,
                          int userSimulatorErrors, int agentErrors, int notEvaluable, Estimate successWithoutUserSimulatorErrors,
                          List<String> changedTasks, int notScorable, Tau2Detail.Tokens userSimulatorTokens, NlJudge nlJudge,
                          List<String> notRun) {
    public Tau2Metrics {
        notRun = notRun == null ? List.of() : List.copyOf(notRun);
        passHatK = passHatK == null ? List.of() : List.copyOf(passHatK);
        mismatches = mismatches == null ? List.of() : List.copyOf(mismatches);
        terminations = terminations == null ? Map.of() : new TreeMap<>(terminations);
        bySide = bySide == null ? Map.of() : new TreeMap<>(bySide);
        changedTasks = changedTasks == null ? List.of() : List.copyOf(changedTasks);
    }

    /**
     * pass^k: the chance that k trials drawn without replacement from a task's evaluable trials all succeed,
     * C(c,k)/C(n,k), averaged over tasks with at least k (τ²-bench's definition), with a 95% interval over tasks.
     *
     * @param claimed the same from the rewards the file records
     */
    public record PassHatK(int k, Estimate derived, Estimate claimed) {
    }

    /**
     * The NL judge over the trials it was asked about: how many, how many replies read ({@code graded}), could not be
     * read ({@code parseFailures}) or failed ({@code errors}; both leave the trial not scorable), and its tokens.
     */
    public record NlJudge(String judge, int asked, int graded, int parseFailures, int errors, Tau2Detail.Tokens tokens) {
    }
}
