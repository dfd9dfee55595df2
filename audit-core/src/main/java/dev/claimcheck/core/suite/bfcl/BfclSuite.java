package dev.claimcheck.core.suite.bfcl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.endpoint.ChatEndpoint;
import dev.claimcheck.core.endpoint.ChatOutcome;
import dev.claimcheck.core.endpoint.ChatRequest;
import dev.claimcheck.core.grade.BfclGrader;
import dev.claimcheck.core.grade.Grader;
import dev.claimcheck.core.grade.bfcl.BfclSpec;
import dev.claimcheck.core.model.AnswersHash;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.RunManifest.DatasetFields;
import dev.claimcheck.core.model.RunManifest.DatasetRef;
import dev.claimcheck.core.model.Task;
import dev.claimcheck.core.model.Verdict;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.sim.OracleEntry;
import dev.claimcheck.core.stats.Figures;
import dev.claimcheck.core.suite.DatasetPaths;
import dev.claimcheck.core.suite.AttemptExchange;
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
 * The Berkeley Function Calling Leaderboard's single-turn AST categories (ShishirPatil/gorilla, Apache-2.0) from its
 * data folder as published: each question asked in FC mode (OpenAI {@code tools}, native tool calls graded) or prompt
 * mode (calls written as text), graded by {@link BfclGrader}; accuracy per category and BFCL's unweighted category
 * mean ({@link BfclFigures}, README.md beside this class).
 */
public final class BfclSuite implements Suite {
    static final DatasetFields FIELDS = new DatasetFields("id", "question+function", "possible_answer/ground_truth");
    private final BfclGrader grader = new BfclGrader();

    @Override
    public String id() {
        return "bfcl";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public Workload workload() {
        return Workload.BFCL;
    }

    @Override
    public String description() {
        return "BFCL's single-turn function-calling categories (--dataset DIR, --mode fc|prompt): AST accuracy per category.";
    }

    @Override
    public Object newOptions() {
        return new BfclOptions();
    }

    /** Reads the folder once; a task's expected answer is its {@link BfclSpec} (category, mode, functions, answer). */
    @Override
    public Prepared prepare(SuiteContext context) {
        BfclOptions o = context.options(BfclOptions.class);
        String mode = mode(o);
        Path dir = resolve(o, context);
        BfclDataset data = BfclDataset.load(dir, o.categories);
        List<Task> tasks = new ArrayList<>(data.questions().size());
        Map<String, String> answers = new LinkedHashMap<>();
        for (BfclQuestion q : data.questions()) {
            String expected = new BfclSpec(q.category(), mode, q.functions(), q.groundTruth()).toJson();
            // Apache-2.0 data: the prompts may be stored with the run.
            tasks.add(new Task(q.id(), BfclRequests.messages(q, BfclSpec.PROMPT.equals(mode)), expected, true,
                    Map.of("category", q.category())));
            answers.put(q.id(), expected);
        }
        DatasetRef ref = new DatasetRef("bfcl-" + data.version() + "-" + mode, data.sha256(), DatasetPaths.recorded(dir, context.root()),
                true, null, tasks.size(), FIELDS, AnswersHash.of(answers));
        return new Prepared(ref, tasks);
    }

    @Override
    public Map<String, String> recordedOptions(Map<String, String> values, SuiteContext context) {
        Map<String, String> recorded = new TreeMap<>(values);
        recorded.put("--dataset", DatasetPaths.recorded(resolve(context.options(BfclOptions.class), context), context.root()));
        return recorded;
    }

    /** FC mode adds the question's functions as {@code tools}; both modes are graded on the whole response here. */
    @Override
    public AttemptExchange attempt(Task task, List<ChatMessage> messages, ObjectNode template, int attempt,
                                   ChatEndpoint endpoint, SuiteContext context) {
        BfclSpec spec = BfclSpec.parse(task.expected());
        ObjectNode request = template.deepCopy();
        if (BfclSpec.FC.equals(spec.mode())) {
            request.set("tools", BfclRequests.tools(spec.functions()));
        }
        ChatOutcome outcome = endpoint.complete(new ChatRequest(messages, request, attempt));
        Verdict verdict = outcome instanceof ChatOutcome.Success s ? grader.gradeResponse(s.response(), task.expected()) : null;
        return new AttemptExchange(outcome, request, null, verdict);
    }

    @Override
    public Figures figures() {
        return BfclFigures.INSTANCE;
    }

    @Override
    public RegradeMethod regrade() {
        return RegradeMethod.RECORDED_ANSWER;
    }

    @Override
    public Grader grader() {
        return grader;
    }

    @Override
    public Optional<OracleEntry> oracleEntry(Task task, SuiteContext context) {
        return Optional.of(ReferenceCalls.entry(BfclSpec.parse(task.expected())));
    }

    private static String mode(BfclOptions o) {
        if (!BfclSpec.FC.equals(o.mode) && !BfclSpec.PROMPT.equals(o.mode)) {
            throw new BadInputException("--mode must be fc or prompt, got '" + o.mode + "'");
        }
        return o.mode;
    }

    /** As given, else relative to the root (where a resumed run finds the path run.json records). */
    private static Path resolve(BfclOptions o, SuiteContext context) {
        return DatasetPaths.resolve(o.dataset, "--dataset DIR is required for suite bfcl", context);
    }

}
