package dev.claimcheck.core.suite.arc;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.grade.ArcGrader;
import dev.claimcheck.core.grade.Grader;
import dev.claimcheck.core.grade.arc.Grid;
import dev.claimcheck.core.model.AnswersHash;
import dev.claimcheck.core.model.ChatMessage;
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
 * ARC-AGI from a folder of task files (ARC-AGI-2's {@code data/evaluation}): one graded item per test input, its
 * prompt the demonstration pairs and the test input as rows of digits, graded by exact match of the reply's grid
 * ({@link ArcGrader}); the score is ARC Prize's pass@2 (README.md beside this class, docs/grading/arc.md).
 */
public final class ArcSuite implements Suite {
    private final ArcGrader grader = new ArcGrader();

    @Override
    public String id() {
        return "arc";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public Workload workload() {
        return Workload.ARC;
    }

    @Override
    public String description() {
        return "ARC-AGI tasks from a folder of task files (--dataset DIR): the output grid for each test input, exact "
                + "match; pass@2 as ARC Prize scores it.";
    }

    @Override
    public Object newOptions() {
        return new ArcOptions();
    }

    /** Reads the folder once for both its reference and its items. */
    @Override
    public Prepared prepare(SuiteContext context) {
        ArcOptions o = context.options(ArcOptions.class);
        Path folder = resolve(o, context);
        ArcLoader.Loaded loaded = ArcLoader.load(folder);
        List<Task> tasks = new ArrayList<>();
        Map<String, String> answers = new LinkedHashMap<>();
        for (ArcTaskFile file : loaded.files()) {
            for (int i = 0; i < file.test().size(); i++) {
                String id = file.itemId(i);
                String expected = file.test().get(i).output().text();
                tasks.add(new Task(id, List.of(ChatMessage.user(ArcPrompt.render(file, i))), expected, o.redistributable,
                        Map.of()));
                answers.put(id, expected);
            }
        }
        String name = o.datasetName == null ? folder.toAbsolutePath().normalize().getFileName().toString() : o.datasetName;
        if (o.datasetName != null && !name.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
            throw new BadInputException("--dataset-name must be 1 to 64 of [a-z0-9._-], got '" + o.datasetName + "'");
        }
        DatasetRef ref = new DatasetRef(name, loaded.sha256(), DatasetPaths.recorded(folder, context.root()), o.redistributable, null,
                tasks.size(), null, AnswersHash.of(answers));
        return new Prepared(ref, tasks);
    }

    @Override
    public Map<String, String> recordedOptions(Map<String, String> values, SuiteContext context) {
        Map<String, String> recorded = new TreeMap<>(values);
        recorded.put("--dataset", DatasetPaths.recorded(resolve(context.options(ArcOptions.class), context), context.root()));
        return recorded;
    }

    @Override
    public Grader grader() {
        return grader;
    }

    @Override
    public Figures figures() {
        return ArcFigures.INSTANCE;
    }

    /** ARC Prize scores two attempts per test input, so an audit without {@code --k} makes two. */
    @Override
    public int defaultAttempts() {
        return 2;
    }

    @Override
    public RegradeMethod regrade() {
        return RegradeMethod.RECORDED_ANSWER;
    }

    /** The right grid, or a wrong one ({@link WrongGrids}), as rows of digits on lines of their own. */
    @Override
    public Optional<OracleEntry> oracleEntry(Task task, SuiteContext context) {
        Grid right = Grid.ofText(task.expected());
        return Optional.of(new OracleEntry.PlainAnswer(right.text(), WrongGrids.near(task.id(), right).text(), 0));
    }

    /** The folder as given (relative to the working directory), else relative to the root, where a resumed run finds it. */
    static Path resolve(ArcOptions o, SuiteContext context) {
        return DatasetPaths.resolve(o.dataset, "--dataset DIR is required for suite arc", context);
    }

}
