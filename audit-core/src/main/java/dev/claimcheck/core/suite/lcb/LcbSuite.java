package dev.claimcheck.core.suite.lcb;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.grade.CodeGrader;
import dev.claimcheck.core.grade.Grader;
import dev.claimcheck.core.grade.code.CodeSpec;
import dev.claimcheck.core.grade.code.CodeTest;
import dev.claimcheck.core.grade.code.CodeVerdict;
import dev.claimcheck.core.grade.sandbox.Sandbox;
import dev.claimcheck.core.model.CodeDetail;
import dev.claimcheck.core.model.RunManifest.DatasetFields;
import dev.claimcheck.core.model.RunManifest.DatasetRef;
import dev.claimcheck.core.model.Task;
import dev.claimcheck.core.model.Verdict;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.sim.OracleEntry;
import dev.claimcheck.core.stats.Figures;
import dev.claimcheck.core.suite.DatasetPaths;
import dev.claimcheck.core.suite.RegradeMethod;
import dev.claimcheck.core.suite.Suite;
import dev.claimcheck.core.suite.SuiteContext;
import dev.claimcheck.core.suite.code.CodeFigures;
import dev.claimcheck.core.suite.code.CodeSuite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * LiveCodeBench as published (README.md in this package): the release files of
 * {@code livecodebench/code_generation_lite} streamed (tests are read per problem when graded, never all held),
 * LiveCodeBench's chat prompt, the model's last ```python block judged in the bubblewrap sandbox by
 * {@link CodeGrader}. A suite of the code workload: its figures are {@link CodeFigures} (pass@1 from k samples,
 * pass@k, verdicts, pass@1 by difficulty and contest month).
 */
public final class LcbSuite implements Suite {
    private final CodeGrader grader = new CodeGrader();

    @Override
    public String id() {
        return "lcb";
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
        return "LiveCodeBench release files as published (--dataset DIR --release release_v6), streamed; programs run in "
                + "a bubblewrap sandbox; pass@1 from k samples.";
    }

    @Override
    public Object newOptions() {
        return new LcbOptions();
    }

    @Override
    public DatasetRef dataset(SuiteContext context) {
        return load(context).ref();
    }

    /** Refuses to start without the sandbox: every attempt would be a sandboxError after its tokens were spent. */
    @Override
    public Prepared prepare(SuiteContext context) {
        String unavailable = Sandbox.system().unavailableReason();
        if (unavailable != null) {
            throw new BadInputException("suite lcb runs model-written programs only in the bubblewrap sandbox: " + unavailable);
        }
        Loaded l = load(context);
        List<Task> tasks = new ArrayList<>();
        for (LcbRow p : l.selected()) {
            Map<String, String> meta = new TreeMap<>();
            meta.put("path", l.dir().resolve(p.locator().file()).toAbsolutePath().toString());
            meta.put("difficulty", p.difficulty() == null ? "" : p.difficulty());
            meta.put("contestDate", p.date());
            meta.put("platform", p.platform() == null ? "" : p.platform());
            if (p.referenceSolution() != null) {
                meta.put("referenceSolution", p.referenceSolution());
            }
            if (p.fnName() != null) {
                meta.put("fn", p.fnName());
            }
            tasks.add(new Task(p.id(), LcbPrompt.messages(p), p.locator().toJson(), false, meta));
        }
        return new Prepared(l.ref(), tasks);
    }

    /** The files read, their index, and the problems inside the date window. */
    private record Loaded(Path dir, LcbRelease release, LcbIndex index, List<LcbRow> selected, LcbWindow window) {
        DatasetRef ref() {
            String source = "livecodebench/code_generation_lite " + release.name() + " (" + String.join(", ", release.files())
                    + "); " + window.describe(selected.size(), index.rows().size());
            return new DatasetRef("livecodebench-" + release.name() + window.nameSuffix(), index.sha256(), source, false, null, selected.size(),
                    new DatasetFields("question_id", "question_content", "private_test_cases"), null);
        }
    }

    private static Loaded load(SuiteContext context) {
        LcbOptions o = context.options(LcbOptions.class);
        Path path = resolve(o, context);
        LcbRelease release;
        Path dir;
        if (Files.isDirectory(path)) {
            release = LcbRelease.named(o.release());
            dir = path;
        } else if (Files.isRegularFile(path)) {
            release = new LcbRelease(path.getFileName().toString(), List.of(path.getFileName().toString()));
            dir = path.toAbsolutePath().getParent();
        } else {
            throw new BadInputException("cannot read dataset " + path);
        }
        LcbIndex index = LcbIndex.read(release.in(dir));
        LcbWindow window = LcbWindow.of(o.after(), o.before(), index.rows());
        return new Loaded(dir, release, index, window.select(index.rows()), window);
    }

    @Override
    public Map<String, String> recordedOptions(Map<String, String> values, SuiteContext context) {
        Map<String, String> recorded = new TreeMap<>(values);
        recorded.put("--dataset", DatasetPaths.recorded(resolve(context.options(LcbOptions.class), context), context.root()));
        return recorded;
    }

    /**
     * Reads this problem's tests from the release file and judges the response; the verdict records the hash of the
     * row's locator (which names the file's SHA-256 and the row's bytes), never the tests. A row whose tests cannot
     * be read is a {@code sandboxError} verdict naming why.
     */
    @Override
    public Verdict grade(Task task, String responseContent) {
        String ref = CodeGrader.testsRef(task.expected());
        List<CodeTest> tests;
        try {
            tests = LcbTests.read(Path.of(task.meta().get("path")), LcbLocator.parse(task.expected()));
        } catch (BadInputException e) {
            CodeDetail d = new CodeDetail(CodeVerdict.SANDBOX_ERROR.id(), List.of(), 0, "tests unreadable: " + e.getMessage(),
                    null, null);
            return new Verdict(false, 0, null, ref, grader.id(), grader.version(), d.toJson());
        }
        return CodeSuite.withProblem(grader.grade(responseContent,
                new CodeSpec("python", tests, CodeSpec.DEFAULT_TIME_LIMIT_MS, CodeSpec.DEFAULT_MEMORY_LIMIT_MB), ref), task);
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
     * The simulator answers with the row's reference solution (our fixtures carry one in metadata) with probability
     * {@code accuracy}, else with a program that prints a wrong answer; LiveCodeBench rows have none.
     */
    @Override
    public Optional<OracleEntry> oracleEntry(Task task, SuiteContext context) {
        String fn = task.meta().get("fn");
        String wrong = fn == null ? "print('no answer')\n"
                : "class Solution:\n    def " + fn + "(self, *args):\n        return None\n";
        return Optional.of(new OracleEntry.Program("python", task.meta().getOrDefault("referenceSolution", wrong), wrong));
    }

    private static Path resolve(LcbOptions o, SuiteContext context) {
        return DatasetPaths.resolve(o.dataset(), "--dataset DIR|FILE is required for suite lcb", context);
    }

}
