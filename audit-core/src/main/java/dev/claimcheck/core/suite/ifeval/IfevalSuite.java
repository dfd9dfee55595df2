package dev.claimcheck.core.suite.ifeval;

import dev.claimcheck.core.grade.Grader;
import dev.claimcheck.core.grade.IfevalGrader;
import dev.claimcheck.core.grade.ifeval.IfevalSpec;
import dev.claimcheck.core.model.AnswersHash;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.RunManifest.DatasetFields;
import dev.claimcheck.core.model.RunManifest.DatasetRef;
import dev.claimcheck.core.model.Task;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.sim.OracleEntry;
import dev.claimcheck.core.stats.Figures;
import dev.claimcheck.core.suite.DatasetPaths;
import dev.claimcheck.core.suite.RegradeMethod;
import dev.claimcheck.core.suite.Suite;
import dev.claimcheck.core.suite.SuiteContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * IFEval (Zhou et al. 2023, arXiv 2311.07911) from google-research's {@code input_data.jsonl}: each prompt sent as
 * published, the final content checked against its verifiable instructions by {@link IfevalGrader}; prompt- and
 * instruction-level accuracy, strict and loose ({@link IfevalFigures}, README.md beside this class).
 */
public final class IfevalSuite implements Suite {
    static final DatasetFields FIELDS = new DatasetFields("key", "prompt", "instruction_id_list+kwargs");
    private final IfevalGrader grader = new IfevalGrader();

    @Override
    public String id() {
        return "ifeval";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public Workload workload() {
        return Workload.IFEVAL;
    }

    @Override
    public String description() {
        return "IFEval's verifiable instructions (--dataset input_data.jsonl): prompt- and instruction-level accuracy, strict and loose.";
    }

    @Override
    public Object newOptions() {
        return new IfevalOptions();
    }

    /** Reads the file once for its reference and its tasks; the expected answer of a task is its instructions' JSON. */
    @Override
    public Prepared prepare(SuiteContext context) {
        IfevalOptions o = context.options(IfevalOptions.class);
        Path file = resolve(o, context);
        IfevalDataset data = IfevalDataset.load(file);
        List<Task> tasks = new ArrayList<>(data.prompts().size());
        Map<String, String> answers = new LinkedHashMap<>();
        for (IfevalPrompt p : data.prompts()) {
            String id = Integer.toString(p.key());
            String expected = p.spec().toJson();
            tasks.add(new Task(id, List.of(ChatMessage.user(p.prompt())), expected, o.redistributable,
                    Map.of("instructions", String.join(",", p.spec().ids().stream().map(i -> i.id()).toList()))));
            answers.put(id, expected);
        }
        String name = data.fileName().replaceFirst("\\.[^.]*$", "");
        DatasetRef ref = new DatasetRef(name, data.sha256(), DatasetPaths.recorded(file, context.root()), o.redistributable,
                null, tasks.size(), FIELDS, AnswersHash.of(answers));
        return new Prepared(ref, tasks);
    }

    @Override
    public Map<String, String> recordedOptions(Map<String, String> values, SuiteContext context) {
        Map<String, String> recorded = new TreeMap<>(values);
        recorded.put("--dataset", DatasetPaths.recorded(resolve(context.options(IfevalOptions.class), context), context.root()));
        return recorded;
    }

    @Override
    public Figures figures() {
        return IfevalFigures.INSTANCE;
    }

    @Override
    public RegradeMethod regrade() {
        return RegradeMethod.RECORDED_ANSWER;
    }

    @Override
    public Grader grader() {
        return grader;
    }

    /** A reply written to follow every instruction, and one that breaks at least one (ReferenceReplies). */
    @Override
    public Optional<OracleEntry> oracleEntry(Task task, SuiteContext context) {
        IfevalSpec spec = IfevalSpec.parse(task.expected());
        return Optional.of(new OracleEntry.VerbatimReply(ReferenceReplies.complying(spec), ReferenceReplies.violating(spec)));
    }

    /** As given, else relative to the root (where a resumed run finds the path run.json records). */
    private static Path resolve(IfevalOptions o, SuiteContext context) {
        return DatasetPaths.resolve(o.dataset, "--dataset FILE is required for suite ifeval", context);
    }

}
