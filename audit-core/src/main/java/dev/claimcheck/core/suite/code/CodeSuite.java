package dev.claimcheck.core.suite.code;

import dev.claimcheck.core.stats.Figures;
import dev.claimcheck.core.suite.DatasetPaths;
import dev.claimcheck.core.suite.RegradeMethod;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.grade.CodeGrader;
import dev.claimcheck.core.grade.Grader;
import dev.claimcheck.core.grade.code.CodeSpec;
import dev.claimcheck.core.grade.code.CodeSpecJson;
import dev.claimcheck.core.grade.sandbox.Sandbox;
import dev.claimcheck.core.model.CodeDetail;
import dev.claimcheck.core.model.RunManifest.DatasetRef;
import dev.claimcheck.core.model.Task;
import dev.claimcheck.core.model.Verdict;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.sim.OracleEntry;
import dev.claimcheck.core.suite.Suite;
import dev.claimcheck.core.suite.SuiteContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Competitive programming in the LiveCodeBench release format (see README.md in this package): LiveCodeBench's
 * prompt, the model's last ```python block run in the bubblewrap sandbox against public then private tests by
 * {@link CodeGrader}; the score is pass@1, with pass@k and the verdict breakdown beside it. Samples keep per-test
 * verdicts and a hash of the tests, never the tests themselves.
 */
public final class CodeSuite implements Suite {
    private final CodeGrader grader = new CodeGrader();

    @Override
    public String id() {
        return "code";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public Workload workload() {
        return Workload.CODE;
    }

    @Override
    public String description() {
        return "Competitive programming (LiveCodeBench format, --dataset), programs run in a bubblewrap sandbox; pass@1, pass@k.";
    }

    @Override
    public Object newOptions() {
        return new CodeOptions();
    }

    @Override
    public DatasetRef dataset(SuiteContext context) {
        CodeOptions o = context.options(CodeOptions.class);
        Path file = resolve(o, context);
        return ref(file, LcbLoader.load(file), o, context);
    }

    /**
     * The problems as tasks, with the dataset read once. Refuses to start when the sandbox is unavailable: every
     * attempt would end in {@code sandboxError} after its tokens were spent, and nothing may run unsandboxed instead.
     */
    @Override
    public Prepared prepare(SuiteContext context) {
        String unavailable = Sandbox.system().unavailableReason();
        if (unavailable != null) {
            throw new BadInputException("suite code runs model-written programs only in the bubblewrap sandbox: " + unavailable);
        }
        CodeOptions o = context.options(CodeOptions.class);
        Path file = resolve(o, context);
        LcbLoader.Loaded loaded = LcbLoader.load(file);
        List<Task> tasks = new ArrayList<>();
        for (CodeProblem p : select(loaded.problems(), o)) {
            String spec = CodeSpecJson.write(new CodeSpec("python", p.allTests(), CodeSpec.DEFAULT_TIME_LIMIT_MS,
                    CodeSpec.DEFAULT_MEMORY_LIMIT_MB));
            Map<String, String> meta = new TreeMap<>();
            meta.put("difficulty", p.difficulty() == null ? "" : p.difficulty());
            meta.put("contestDate", p.date());
            meta.put("platform", p.platform() == null ? "" : p.platform());
            if (p.referenceSolution() != null) {
                meta.put("referenceSolution", p.referenceSolution());
            }
            if (p.fnName() != null) {
                meta.put("fn", p.fnName());
            }
            tasks.add(new Task(p.id(), CodePrompt.messages(p), spec, o.redistributable(), meta));
        }
        return new Prepared(ref(file, loaded, o, context), tasks);
    }

    private static DatasetRef ref(Path file, LcbLoader.Loaded loaded, CodeOptions o, SuiteContext context) {
        String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return new DatasetRef(name, loaded.sha256(), DatasetPaths.recorded(file, context.root()), o.redistributable(), null,
                select(loaded.problems(), o).size(), null, null);
    }

    /** The problems inside the date window, in file order. */
    static List<CodeProblem> select(List<CodeProblem> problems, CodeOptions o) {
        String after = date(o.after(), "--after");
        String before = date(o.before(), "--before");
        return problems.stream()
                .filter(p -> after == null || p.date().compareTo(after) >= 0)
                .filter(p -> before == null || (!p.date().isEmpty() && p.date().compareTo(before) < 0))
                .toList();
    }

    private static String date(String value, String option) {
        if (value == null) {
            return null;
        }
        if (!value.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new BadInputException(option + " must be a date YYYY-MM-DD, not '" + value + "'");
        }
        return value;
    }

    @Override
    public Map<String, String> recordedOptions(Map<String, String> values, SuiteContext context) {
        Map<String, String> recorded = new TreeMap<>(values);
        recorded.put("--dataset", DatasetPaths.recorded(resolve(context.options(CodeOptions.class), context), context.root()));
        return recorded;
    }

    /** The grader's verdict, with the problem's difficulty and contest date added to the detail for the metrics. */
    @Override
    public Verdict grade(Task task, String responseContent) {
        return withProblem(grader.grade(responseContent, task.expected()), task);
    }

    /** A code verdict with the task's difficulty and contest date in its detail, which the code workload's figures read. */
    public static Verdict withProblem(Verdict v, Task task) {
        return CodeDetail.parse(v.detail())
                .map(d -> new Verdict(v.correct(), v.score(), v.extracted(), v.expected(), v.grader(), v.graderVersion(),
                        d.withProblem(task.meta().get("difficulty"), task.meta().get("contestDate")).toJson()))
                .orElse(v);
    }

    @Override
    public Figures figures() {
        return CodeFigures.INSTANCE;
    }

    @Override
    public boolean tasksAreRows() {
        return true; // one task per selected row
    }

    @Override
    public RegradeMethod regrade() {
        return RegradeMethod.RECORDED_TESTS;
    }

    @Override
    public Grader grader() {
        return grader;
    }

    /**
     * The simulator answers with the problem's reference solution (our fixtures carry one in metadata) with
     * probability {@code accuracy}, else with a program that prints a wrong answer; without a reference solution
     * it can only be wrong.
     */
    @Override
    public Optional<OracleEntry> oracleEntry(Task task, SuiteContext context) {
        String fn = task.meta().get("fn");
        String wrong = fn == null ? "print('no answer')\n"
                : "class Solution:\n    def " + fn + "(self, *args):\n        return None\n\n\ndef " + fn
                        + "(*args):\n    return None\n";
        String correct = task.meta().getOrDefault("referenceSolution", wrong);
        return Optional.of(new OracleEntry.Program("python", correct, wrong));
    }

    private static Path resolve(CodeOptions o, SuiteContext context) {
        return DatasetPaths.resolve(o.dataset(), "--dataset FILE is required for suite code", context);
    }

}
