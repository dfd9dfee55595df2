package dev.claimcheck.core.suite.tau2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.endpoint.ChatEndpoint;
import dev.claimcheck.core.endpoint.ChatOutcome;
import dev.claimcheck.core.model.AnswersHash;
import dev.claimcheck.core.grade.Grader;
import dev.claimcheck.core.grade.Tau2Grader;
import dev.claimcheck.core.grade.tau2.Tau2Detail;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.ModelSlug;
import dev.claimcheck.core.model.Response;
import dev.claimcheck.core.model.RunManifest.DatasetFields;
import dev.claimcheck.core.model.RunManifest.DatasetRef;
import dev.claimcheck.core.model.Task;
import dev.claimcheck.core.model.Timing;
import dev.claimcheck.core.model.Usage;
import dev.claimcheck.core.model.Verdict;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.sim.OracleEntry;
import dev.claimcheck.core.stats.Figures;
import dev.claimcheck.core.suite.AttemptExchange;
import dev.claimcheck.core.suite.DatasetPaths;
import dev.claimcheck.core.suite.RegradeMethod;
import dev.claimcheck.core.suite.RequestEstimate;
import dev.claimcheck.core.suite.Suite;
import dev.claimcheck.core.suite.SuiteContext;
import dev.claimcheck.core.suite.judge.JudgeSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * τ²-bench (sierra-research/tau2-bench, MIT): a domain's tasks as published, and either a vendor's results file imported
 * and re-scored trial by trial ({@link Tau2Grader}; no request is sent), or a native run ({@link Tau2NativeRun}: the
 * agent under test with the domain's tools ({@link Tau2Toolset}) over its database, a pinned user simulator, each trial written
 * as τ²-bench writes one and re-scored the same way). Either way: pass^k, and the trials' endings with the user
 * simulator's failures counted apart ({@link Tau2Figures}, README.md beside this class).
 */
public final class Tau2Suite implements Suite {
    public static final String ID = "tau2";
    static final DatasetFields FIELDS = new DatasetFields("id", "user_scenario.instructions", "evaluation_criteria");
    private final Tau2Grader grader = new Tau2Grader();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public Workload workload() {
        return Workload.TAU2;
    }

    @Override
    public String description() {
        return "τ²-bench (--data DIR --domain D): --import-results FILE|DIR re-scores a published results file or run folder, "
                + "claimed vs re-derived reward and pass^k; --user-model BASE_URL=MODEL runs a domain natively (its tools.json, "
                + "or the built-in airline, retail or telecom port); "
                + "user-simulator errors apart.";
    }

    @Override
    public Object newOptions() {
        return new Tau2Options();
    }

    /** The domain's tasks that the results file holds trials of (every task, natively), in tasks.json order. */
    @Override
    public Prepared prepare(SuiteContext context) {
        Tau2Options.Tau2Inputs in = context.options(Tau2Options.class).inputs(context);
        List<Task> tasks = new ArrayList<>();
        Map<String, String> answers = new LinkedHashMap<>();
        if (in.isNative()) {
            tasks.addAll(Tau2NativeRun.tasks(in));
            tasks.forEach(t -> answers.put(t.id(), t.expected()));
        }
        in.domain().tasks().forEach((id, t) -> {
            if (!in.isNative() && in.results().trials().containsKey(id)) {
                // MIT-licensed data: the instructions may be stored with the run.
                tasks.add(new Task(id, List.of(ChatMessage.user(t.instructions())), t.expected(), true,
                        Map.of("domain", in.domain().name())));
                answers.put(id, t.expected());
            }
        });
        DatasetRef ref = new DatasetRef("tau2-" + in.domain().name(), in.domain().tasksHash().sha256(),
                DatasetPaths.recorded(in.dataPath(), context.root()), true, null, tasks.size(), FIELDS, AnswersHash.of(answers));
        return new Prepared(ref, tasks);
    }

    /** Upstream's agent samples at temperature 0 by default (src/tau2/config.py); its protocol here does too. */
    @Override
    public ObjectNode requestDefaults(Object options) {
        ObjectNode body = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        Tau2Options o = (Tau2Options) options;
        if (o.userModel != null && Tau2Prompt.agent(o.agentPromptName()).name().equals(Tau2Prompt.UPSTREAM)) {
            body.put("temperature", 0.0);
        }
        return body;
    }

    @Override
    public Map<String, String> recordedOptions(Map<String, String> values, SuiteContext context) {
        Map<String, String> recorded = new TreeMap<>(values);
        Tau2Options.Tau2Inputs in = context.options(Tau2Options.class).inputs(context);
        recorded.put("--data", DatasetPaths.recorded(in.dataPath(), context.root()));
        if (in.isNative()) {
            recorded.put("--user-prompt", in.userPrompt().recorded());
            recorded.put("--agent-prompt", in.agentPrompt().recorded());
            recorded.put("--max-steps", String.valueOf(context.options(Tau2Options.class).maxSteps()));
            recorded.put("--step-count", Tau2Options.STEP_COUNT);
            recorded.put("--tools", in.nativeDomain().tools().recorded());
            if (!in.nativeDomain().notRun().isEmpty()) {
                recorded.put("--skip-unsupported", "true");
            } else {
                recorded.remove("--skip-unsupported");
            }
            if (context.options(Tau2Options.class).judge != null) {
                recorded.put("--judge-prompt", Tau2NlJudge.recorded());
            }
        } else {
            recorded.put("--import-results", DatasetPaths.recorded(in.resultsPath(), context.root()));
        }
        return recorded;
    }

    /** A native run recorded before --max-steps counted upstream's steps (its agent's model turns) is not resumed as if it did. */
    @Override
    public void checkResumable(Map<String, String> recorded) {
        if (recorded.containsKey("--max-steps") && !recorded.containsKey("--step-count")) {
            throw new BadInputException("this run recorded --max-steps " + recorded.get("--max-steps") + " as the agent's "
                    + "model turns; --max-steps now counts upstream's steps (every message), so it cannot be resumed: "
                    + "start a new run (the recorded trials stay as they are)");
        }
    }

    /** Trial {@code attempt} of the task, as the file holds it, re-scored; nothing is sent to the endpoint. */
    @Override
    public AttemptExchange attempt(Task task, List<ChatMessage> messages, ObjectNode template, int attempt,
                                   ChatEndpoint endpoint, SuiteContext context) {
        Tau2Options o = context.options(Tau2Options.class);
        Tau2Options.Tau2Inputs in = o.inputs(context);
        if (in.isNative()) {
            return Tau2NativeRun.attempt(task, messages, template, attempt, endpoint, o, in, context.seed(), grader);
        }
        Tau2Results r = in.results();
        refuseOtherModel(o.modelUnderTest, r.agentModel(), r.hash().name());
        TreeMap<Integer, String> trials = r.trials().get(task.id());
        String sim = trials.get(attempt);
        if (sim == null) {
            int fewest = r.trials().values().stream().mapToInt(Map::size).min().orElse(0);
            throw new BadInputException(r.hash().name() + " has trials " + trials.keySet() + " of task " + task.id()
                    + ", not trial " + attempt + ": run with --k " + fewest + " (the fewest trials of any task)");
        }
        ChatOutcome outcome = new ChatOutcome.Success(new Response(sim, null, List.of(), "stop"), Usage.NONE, Timing.NONE, List.of());
        Verdict v = grader.grade(sim, task.expected());
        Optional<Tau2Detail> d = Tau2Detail.parse(v.detail()).filter(x -> x.termination() != null);
        if (d.isPresent()) {
            Tau2Results.Source own = r.sources().getOrDefault(task.id(), new TreeMap<>()).get(attempt);
            Tau2Detail.Origin origin = new Tau2Detail.Origin(in.domain().name(), r.hash().name(), r.hash().sha256(), r.agentModel(), r.userModel(),
                    trials.size(), r.changedTasks().contains(task.id()), "imported", own == null ? null : own.file(),
                    own == null ? null : own.sha256());
            v = new Verdict(v.correct(), v.score(), v.extracted(), v.expected(), v.grader(), v.graderVersion(),
                    d.get().withOrigin(origin).toJson());
        }
        return new AttemptExchange(outcome, template, null, v);
    }

    /**
     * Trajectories of one model are never filed under another. τ²-bench names models as LiteLLM does, so a provider
     * prefix ({@code openai/inclusionAI/Ring-2.5-1T} for a model served behind an OpenAI-compatible base URL) still names
     * {@code --model inclusionAI/Ring-2.5-1T}.
     */
    static void refuseOtherModel(String modelUnderTest, String agentModel, String file) {
        if (modelUnderTest == null || agentModel == null || modelUnderTest.isBlank() || agentModel.isBlank()) {
            return;
        }
        String slug = ModelSlug.of(modelUnderTest);
        String agent = ModelSlug.of(agentModel);
        if (!agent.equals(slug) && !agentModel.toLowerCase(java.util.Locale.ROOT)
                .endsWith("/" + modelUnderTest.toLowerCase(java.util.Locale.ROOT))) {
            throw new BadInputException(file + ": the agent is " + agentModel + " (info.agent_info.llm), --model is "
                    + modelUnderTest + ": pass --model " + agentModel);
        }
    }

    /** Another model's trajectories are refused before a run folder exists, where the file is found as given. */
    @Override
    public void checkInvocation(Object options, String baseUrl, String model) {
        Tau2Options o = (Tau2Options) options;
        o.modelUnderTest = model;
        if (o.userModel != null) {
            JudgeSpec.refuseSimulatedForRealRun(List.of(o.userSpec()), baseUrl);
        }
        if (o.judge != null) {
            if (o.userModel == null) {
                throw new BadInputException("--judge asks an NL judge in a native run (--user-model); an import re-scores the "
                        + "file's own nl_assertions");
            }
            JudgeSpec.refuseModelUnderTest(List.of(o.judgeSpec()), model != null ? model : "sim", "conversations");
            JudgeSpec.refuseSimulatedForRealRun(List.of(o.judgeSpec()), baseUrl);
        }
        if (model != null && o.importResults != null && (java.nio.file.Files.isRegularFile(o.importResults)
                || java.nio.file.Files.isRegularFile(o.importResults.resolve("results.json")))) {
            refuseOtherModel(model, Tau2Results.agentModel(o.importResults), o.importResults.getFileName().toString());
        }
    }

    @Override
    public Grader grader() {
        return grader;
    }

    @Override
    public Figures figures() {
        return Tau2Figures.INSTANCE;
    }

    @Override
    public RegradeMethod regrade() {
        return RegradeMethod.RECORDED_ANSWER;
    }

    /** A native trial sends one request per agent message, at most half of --max-steps; an import sends none (counted as one). */
    @Override
    public RequestEstimate requests(Task task, SuiteContext context) {
        Tau2Options o = context.options(Tau2Options.class);
        Tau2Options.Tau2Inputs in = o.inputs(context);
        if (!in.isNative()) {
            return RequestEstimate.ONE;
        }
        int reference = in.domain().task(task.id(), "task").criteria().actions().size() + 1;
        int agentTurns = Math.max(1, o.maxSteps() / 2); // every agent message follows another party's step
        return new RequestEstimate(Math.min(reference, agentTurns), agentTurns);
    }

    /** Natively, the simulated agent follows the task's reference actions (its mistake drops the last); an import asks nothing. */
    @Override
    public Optional<OracleEntry> oracleEntry(Task task, SuiteContext context) {
        Tau2Options.Tau2Inputs in = context.options(Tau2Options.class).inputs(context);
        return in.isNative() ? Optional.of(Tau2NativeRun.script(in.domain().task(task.id(), "task"))) : Optional.empty();
    }
}
