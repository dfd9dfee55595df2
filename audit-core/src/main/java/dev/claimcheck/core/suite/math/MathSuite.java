package dev.claimcheck.core.suite.math;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.stats.Figures;
import dev.claimcheck.core.suite.DatasetPaths;
import dev.claimcheck.core.suite.RegradeMethod;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.grade.Grader;
import dev.claimcheck.core.grade.Graders;
import dev.claimcheck.core.grade.MathGrader;
import dev.claimcheck.core.model.Verdict;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.RunManifest.DatasetRef;
import dev.claimcheck.core.model.Task;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.sim.OracleEntry;
import dev.claimcheck.core.suite.Suite;
import dev.claimcheck.core.suite.AttemptExchange;
import dev.claimcheck.core.suite.judge.JudgeSpec;
import dev.claimcheck.core.endpoint.ChatEndpoint;
import dev.claimcheck.core.endpoint.ChatOutcome;
import dev.claimcheck.core.model.JudgeVerdict;
import dev.claimcheck.core.suite.SuiteContext;
import dev.claimcheck.core.suite.data.Dataset;
import dev.claimcheck.core.suite.data.DatasetLoader;
import dev.claimcheck.core.suite.data.DatasetRow;
import dev.claimcheck.core.suite.data.FieldMapping;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Competition math from a dataset file (AIME, HMMT, MathArena sets, GSM8K, …): the problem in its protocol's
 * prompt ({@link MathProtocol}; by default an instruction to box the final answer), graded by the protocol's grader;
 * the score is avg@k, with pass@k and cons@k beside it (see README.md in this package). Re-grading a recorded attempt: {@link dev.claimcheck.core.grade.Regrade}.
 */
public final class MathSuite implements Suite {
    /** The task meta key naming the grader of the task's protocol. */
    static final String GRADER_META = "grader";
    /** The task meta key holding the problem text for the answer judge (set only with {@code --judge}). */
    static final String PROBLEM_META = "problem";
    /** The default prompt: the common instruction of open math evaluations (protocol {@code boxed}). */
    public static final String DEFAULT_TEMPLATE = MathProtocol.BOXED.template();
    static final String PLACEHOLDER = MathProtocol.PLACEHOLDER;

    private final MathGrader grader = new MathGrader();

    @Override
    public String id() {
        return "math";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public Workload workload() {
        return Workload.MATH;
    }

    @Override
    public String description() {
        return "Competition math from a dataset file (--dataset), graded by answer equivalence; avg@k, pass@k, cons@k.";
    }

    @Override
    public Object newOptions() {
        return new MathOptions();
    }

    /** Reads the dataset file once for both its reference and its tasks. */
    @Override
    public Prepared prepare(SuiteContext context) {
        MathOptions o = context.options(MathOptions.class);
        MathProtocol protocol = o.protocol();
        String template = template(o);
        Path file = resolve(o, context);
        Dataset dataset = load(o, file);
        if (dataset.rows().size() < protocol.shots()) {
            throw new BadInputException("--protocol " + protocol.id() + " shows the first " + protocol.shots()
                    + " rows as examples; " + file.getFileName() + " has " + dataset.rows().size());
        }
        List<Task> tasks = new ArrayList<>(dataset.rows().size());
        Map<String, String> meta = Map.of(GRADER_META, protocol.grader());
        boolean judged = o.judgeSpec() != null;
        for (DatasetRow row : dataset.rows()) {
            String prompt = protocol.prompt(dataset.rows(), row, template);
            Map<String, String> m = judged ? Map.of(GRADER_META, protocol.grader(), PROBLEM_META, row.problem()) : meta;
            tasks.add(new Task(row.id(), List.of(ChatMessage.user(prompt)), row.answer(), o.redistributable(), m));
        }
        DatasetRef ref = dataset.ref(DatasetPaths.recorded(file, context.root()), o.redistributable());
        if (o.datasetName() != null) {
            if (!o.datasetName().matches("[a-z0-9][a-z0-9._-]{0,63}")) {
                throw new BadInputException("--dataset-name must be 1 to 64 of [a-z0-9._-], got '" + o.datasetName() + "'");
            }
            ref = new DatasetRef(o.datasetName(), ref.sha256(), ref.source(), ref.redistributable(), ref.generatorVersion(),
                    ref.rows(), ref.fields(), ref.answersSha256());
        }
        return new Prepared(ref, tasks);
    }

    @Override
    public Map<String, String> recordedOptions(Map<String, String> values, SuiteContext context) {
        Map<String, String> recorded = new TreeMap<>(values);
        MathOptions o = context.options(MathOptions.class);
        recorded.put("--dataset", DatasetPaths.recorded(resolve(o, context), context.root()));
        return recorded;
    }

    @Override
    public Figures figures() {
        return MathFigures.INSTANCE;
    }

    @Override
    public boolean tasksAreRows() {
        return true; // one task per selected row
    }

    @Override
    public RegradeMethod regrade() {
        return RegradeMethod.RECORDED_ANSWER;
    }

    @Override
    public Grader grader() {
        return grader;
    }

    /** Graded by the task's protocol's grader ({@link #GRADER_META}), the math grader when a task names none. */
    @Override
    public Verdict grade(Task task, String responseContent) {
        String id = task.meta().getOrDefault(GRADER_META, grader.id());
        return (id.equals(grader.id()) ? grader : Graders.byId(id)).grade(responseContent, task.expected());
    }

    @Override
    public Map<String, String> graders(Object options) {
        Grader g = Graders.byId(((MathOptions) options).protocol().grader());
        return Map.of(g.id(), g.version());
    }

    /** The body fields the protocol implies ({@code stop}, {@code max_tokens}, {@code temperature}). */
    @Override
    public ObjectNode requestDefaults(Object options) {
        return ((MathOptions) options).protocol().requestDefaults();
    }

    /**
     * Without {@code --judge}, one request graded by the engine. With it, the rule verdict, and the judge's verdict
     * beside it for an answer the rules leave {@code unknown} (every answer with {@code --judge-all}); which one scores
     * is {@link MathJudged}'s policy.
     */
    @Override
    public AttemptExchange attempt(Task task, List<ChatMessage> messages, ObjectNode template, int attempt,
                                   ChatEndpoint endpoint, SuiteContext context) {
        AttemptExchange sent = Suite.super.attempt(task, messages, template, attempt, endpoint, context);
        MathOptions o = context.options(MathOptions.class);
        if (o.judgeSpec() == null || !(sent.outcome() instanceof ChatOutcome.Success s)) {
            return sent;
        }
        JudgeSpec.refuseModelUnderTest(List.of(o.judgeSpec()), template.path("model").asText(""), "answers");
        String content = s.response().content();
        Verdict rule = grade(task, content);
        JudgeVerdict judge = o.judgeAll() || MathJudged.undecided(rule)
                ? o.answerJudge(context.seed()).judge(task.meta().get(PROBLEM_META), task.expected(), content, attempt)
                : null;
        return new AttemptExchange(sent.outcome(), sent.request(), null, rule, judge);
    }

    /** Refused before a run folder exists: a judge that is the model under test, a simulated judge on a real run. */
    @Override
    public void checkInvocation(Object options, String baseUrl, String model) {
        MathOptions o = (MathOptions) options;
        if (o.judgeAll() && o.judgeSpec() == null) {
            throw new BadInputException("--judge-all needs --judge BASE_URL=MODEL");
        }
        if (o.judgeSpec() != null) {
            JudgeSpec.refuseModelUnderTest(List.of(o.judgeSpec()), model != null ? model : "sim", "answers");
            JudgeSpec.refuseSimulatedForRealRun(List.of(o.judgeSpec()), baseUrl);
        }
    }

    @Override
    public Optional<OracleEntry> oracleEntry(Task task, SuiteContext context) {
        return Optional.of(new OracleEntry.FinalAnswer(task.expected(), WrongAnswers.near(task.id(), task.expected())));
    }

    private static Dataset load(MathOptions o, Path file) {
        return DatasetLoader.load(file, FieldMapping.parseOverrides(o.fields()));
    }

    static String template(MathOptions o) {
        if (o.promptTemplate() != null && o.protocol() != MathProtocol.BOXED) {
            throw new BadInputException("--prompt-template replaces the boxed protocol's prompt; --protocol "
                    + o.protocol().id() + " fixes its own");
        }
        String t = o.promptTemplate() == null ? o.protocol().template() : o.promptTemplate();
        if (!t.contains(PLACEHOLDER)) {
            throw new BadInputException("--prompt-template must contain " + PLACEHOLDER + " where the problem goes");
        }
        return t;
    }

    /**
     * The dataset file: as given (relative to the working directory), else relative to the root — where a
     * resumed run finds the path recorded in run.json.
     */
    static Path resolve(MathOptions o, SuiteContext context) {
        return DatasetPaths.resolve(o.dataset(), "--dataset FILE is required for suite math", context);
    }

}
