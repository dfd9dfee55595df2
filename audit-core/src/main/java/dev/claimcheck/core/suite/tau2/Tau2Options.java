package dev.claimcheck.core.suite.tau2;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.suite.DatasetPaths;
import dev.claimcheck.core.suite.SuiteContext;
import dev.claimcheck.core.suite.judge.JudgeEndpoint;
import dev.claimcheck.core.suite.judge.JudgeSpec;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Options of {@code audit tau2}, and the inputs one run read from them (a fresh object is made for every run): an import
 * of a results file or run folder ({@code --import-results}), or a native run ({@code --user-model}) of a domain on its
 * declarative tools or a built-in port ({@link Tau2Toolset}; docs/workloads/tau2.md). Holds the native run's user
 * simulator and NL judge, closed with the run.
 */
public final class Tau2Options implements AutoCloseable {
    @Option(names = "--data", paramLabel = "DIR", required = true,
            description = "τ²-bench's data as sierra-research/tau2-bench ships it: data/tau2 (holding domains/<domain>/tasks.json, "
                    + "policy.md, db.json|db.toml), or the domain's folder itself.")
    Path data;

    @Option(names = "--domain", paramLabel = "NAME", required = true,
            description = "The domain: airline, retail, telecom (or another folder under domains/).")
    String domain;

    @Option(names = "--import-results", paramLabel = "FILE",
            description = "Re-score a τ²-bench run instead of running the agent: its results.json (simulations with their messages "
                    + "and reward_info), or a run folder in the directory format (results.json + simulations/); each trial "
                    + "becomes one attempt; use --k with the run's number of trials.")
    Path importResults;

    @Option(names = "--user-model", paramLabel = "BASE_URL=MODEL",
            description = "Run natively: the pinned user simulator (an OpenAI-compatible endpoint and model, or sim[:k=v,...]=NAME).")
    String userModel;

    @Option(names = "--user-api-key-env", paramLabel = "VAR", defaultValue = "OPENAI_API_KEY",
            description = "Environment variable holding the user simulator's API key (default: ${DEFAULT-VALUE}).")
    String userApiKeyEnv = "OPENAI_API_KEY";

    @Option(names = "--max-steps", paramLabel = "N", defaultValue = "200",
            description = "Native run: upstream's step budget per trial, every message counted (user, agent, a turn's tool "
                    + "results), before it ends as max_steps (default: ${DEFAULT-VALUE}, upstream's).")
    int maxSteps = 200;

    /** What --max-steps counts, as run.json records it: upstream's orchestrator steps (every message). */
    static final String STEP_COUNT = "orchestrator";

    @Option(names = "--step-count", hidden = true, paramLabel = "COUNT",
            description = "Recorded in run.json: what --max-steps counts (only " + STEP_COUNT + ").")
    String stepCount;

    @Option(names = "--user-prompt", paramLabel = "NAME",
            description = "Native run: the user simulator's prompt, tau2-upstream (upstream's guidelines from the checkout; the "
                    + "default when it holds them) or tau2-user-v1 (ours, the default otherwise); run.json records it with "
                    + "its hash, and a resumed run with another is refused.")
    String userPrompt;

    @Option(names = "--agent-prompt", paramLabel = "NAME",
            description = "Native run: the agent's system prompt, tau2-upstream (upstream's instruction with the policy; "
                    + "default) or policy-only; run.json records it with its hash, and a resumed run with another is refused.")
    String agentPrompt;

    @Option(names = "--skip-unsupported",
            description = "Native run on a built-in port: leave out the tasks whose initial state needs a function the port "
                    + "does not run (listed in run.json metrics.tau2.notRun; the run then is not the full benchmark, and a "
                    + "claim on it reads settingsDiffer). Without it such a tasks.json is refused.")
    Boolean skipUnsupported;

    @Option(names = "--tools", paramLabel = "ID",
            description = "Recorded by a native run: its tools (tools.json@sha256:… or a built-in port's version); a different one is refused.")
    String tools;

    @Option(names = "--judge", paramLabel = "BASE_URL=MODEL",
            description = "Native run: a pinned judge model for tasks whose reward_basis counts NL_ASSERTION (without it they "
                    + "are not scorable). BASE_URL may be sim[:k=v,...] (docs/workloads/tau2.md#nl-assertion-judge).")
    String judge;

    @Option(names = "--judge-api-key-env", paramLabel = "VAR", defaultValue = "OPENAI_API_KEY",
            description = "Environment variable holding the judge's API key (default: ${DEFAULT-VALUE}).")
    String judgeApiKeyEnv = "OPENAI_API_KEY";

    @Option(names = "--judge-prompt", paramLabel = "ID",
            description = "Recorded by a native run with --judge: the NL judge's prompt id and hash; a different one is refused.")
    String judgePrompt;

    /** The --model of this invocation, when one was given (compared with the results file's agent). */
    String modelUnderTest;

    private Tau2Inputs inputs;
    private Tau2UserSimulator user;
    private Tau2NlJudge nlJudge;

    /** The run's inputs, read on first use. */
    synchronized Tau2Inputs inputs(SuiteContext context) {
        if (inputs == null) {
            Path dataPath = DatasetPaths.resolve(data, "--data DIR is required for suite tau2", context);
            Tau2Domain d = Tau2Domain.load(dataPath, domain);
            if (importResults != null && userModel != null) {
                throw new BadInputException("--import-results re-scores a file and --user-model runs natively: give one of them");
            }
            if (importResults == null) {
                if (userModel == null) {
                    throw new BadInputException("audit tau2 needs --import-results FILE (re-score a results file) or "
                            + "--user-model BASE_URL=MODEL (run the domain natively with that user simulator)");
                }
                sameAsStarted("--judge-prompt", judgePrompt, Tau2NlJudge.recorded(), "this harness's NL judge prompt is ", "prompt");
                if (stepCount != null && !stepCount.equals(STEP_COUNT)) {
                    throw new BadInputException("--step-count " + stepCount + ": this harness counts only " + STEP_COUNT
                            + " steps (upstream's: every message)");
                }
                if (maxSteps < 1 || maxSteps > 10_000) {
                    throw new BadInputException("--max-steps must be between 1 and 10000, got " + maxSteps);
                }
                userSpec(); // its form is checked before anything is sent
                Tau2NativeDomain nativeDomain = Tau2NativeDomain.load(d, Boolean.TRUE.equals(skipUnsupported));
                nativeDomain.notRun().forEach((id, why) -> System.err.println("tau2: not run (--skip-unsupported): " + id + ": " + why));
                sameAsStarted("--tools", tools, nativeDomain.tools().recorded(), "domain " + d.name() + " now runs with ", "tools");
                Tau2Prompt agent = Tau2Prompt.agent(agentPromptName());
                Tau2Prompt user = Tau2Prompt.user(userPrompt, dataPath, d.dir(),
                        !nativeDomain.tools().schemas(Tau2Toolset.USER).isEmpty());
                inputs = new Tau2Inputs(d, null, dataPath, null, nativeDomain, agent, user);
            } else {
                if (Boolean.TRUE.equals(skipUnsupported)) {
                    throw new BadInputException("--skip-unsupported leaves tasks out of a native run; an import re-scores "
                            + "the trials the file holds (give it without --import-results)");
                }
                Path resultsPath = DatasetPaths.resolve(importResults, "--import-results FILE|DIR", context);
                inputs = new Tau2Inputs(d, Tau2Results.read(resultsPath, d), dataPath, resultsPath, null, null, null);
            }
        }
        return inputs;
    }

    /**
     * A resumed run's recorded {@code given} (null: a fresh run, nothing to compare) must be what this harness uses
     * {@code now}; {@code says} leads in to it and {@code what} names it in the refusal.
     */
    static void sameAsStarted(String option, String given, String now, String says, String what) {
        if (given != null && !given.equals(now)) {
            throw new BadInputException(option + " " + given + ": " + says + now + " (a run is resumed only with the " + what
                    + " it started with)");
        }
    }

    /** The native run's user simulator, opened on first use. */
    synchronized Tau2UserSimulator user(long seed) {
        if (user == null) {
            user = new Tau2UserSimulator(JudgeEndpoint.open(userSpec(), seed, userApiKeyEnv, 6), inputs.userPrompt());
        }
        return user;
    }

    /** The native run's NL judge, opened on first use; null without {@code --judge}. */
    synchronized Tau2NlJudge nlJudge(long seed) {
        if (nlJudge == null && judge != null) {
            nlJudge = new Tau2NlJudge(JudgeEndpoint.open(judgeSpec(), seed, judgeApiKeyEnv, 6));
        }
        return nlJudge;
    }

    /** The pinned NL judge, or null without {@code --judge}. */
    JudgeSpec judgeSpec() {
        return judge == null ? null : JudgeSpec.parse(judge);
    }

    JudgeSpec userSpec() {
        if (userModel == null) {
            return null;
        }
        try {
            return JudgeSpec.parse(userModel);
        } catch (BadInputException e) {
            throw new BadInputException("--user-model '" + userModel + "': expected BASE_URL=MODEL (e.g. "
                    + "http://localhost:8000/v1=Qwen/Qwen3-32B or sim=user-a)");
        }
    }

    /**
     * The {@code --agent-prompt} given, or null for the default. A run recorded before the option existed (its user
     * prompt recorded, no agent prompt) sent the policy alone, so it resumes with {@code policy-only}.
     */
    String agentPromptName() {
        return agentPrompt != null ? agentPrompt
                : userPrompt != null && userPrompt.contains("@sha256:") ? Tau2Prompt.POLICY_ONLY : null;
    }

    int maxSteps() {
        return maxSteps;
    }

    @Override
    public synchronized void close() {
        if (user != null) {
            user.close();
            user = null;
        }
        if (nlJudge != null) {
            nlJudge.close();
            nlJudge = null;
        }
    }

    /**
     * Everything a τ² run reads, from one read.
     *
     * @param results the imported file, null for a native run
     * @param nativeDomain the policy, database and tools of a native run, null for an import
     * @param agentPrompt  the agent's system prompt of a native run ({@link Tau2Prompt}), null for an import
     * @param userPrompt   the user simulator's, likewise
     */
    record Tau2Inputs(Tau2Domain domain, Tau2Results results, Path dataPath, Path resultsPath, Tau2NativeDomain nativeDomain,
                      Tau2Prompt agentPrompt, Tau2Prompt userPrompt) {
        boolean isNative() {
            return nativeDomain != null;
        }
    }
}
