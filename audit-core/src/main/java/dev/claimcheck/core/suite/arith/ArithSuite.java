package dev.claimcheck.core.suite.arith;

import dev.claimcheck.core.stats.Figures;
import dev.claimcheck.core.suite.RegradeMethod;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.grade.BoxedIntegerGrader;
import dev.claimcheck.core.grade.Grader;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.model.RunManifest.DatasetRef;
import dev.claimcheck.core.model.Task;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.sim.OracleEntry;
import dev.claimcheck.core.suite.Suite;
import dev.claimcheck.core.suite.SuiteContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Generated multi-step arithmetic word problems, graded by exact integer match. It exists to
 * exercise the whole pipeline with answers that are certain; it is not a model benchmark.
 */
public final class ArithSuite implements Suite {
    static final String PROMPT = "Solve the following problem step by step. "
            + "Put the final answer, a single integer, in \\boxed{}.\n\n";

    private final Grader grader = new BoxedIntegerGrader();

    @Override
    public String id() {
        return "arith";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public Workload workload() {
        return Workload.ARITH;
    }

    @Override
    public String description() {
        return "Seeded multi-step arithmetic word problems with exact integer answers (pipeline self-test).";
    }

    @Override
    public Object newOptions() {
        return new ArithOptions();
    }

    /** Generates the tasks once and identifies the generated set by their content hash, like any dataset. */
    @Override
    public Prepared prepare(SuiteContext context) {
        ArithOptions o = checked(context);
        List<Task> tasks = tasks(context);
        StringBuilder all = new StringBuilder();
        for (Task t : tasks) {
            all.append(t.id()).append('\n').append(t.messages().get(0).content()).append('\n').append(t.expected()).append('\n');
        }
        String name = "arith-generated-p" + o.problems() + "-s" + o.steps();
        return new Prepared(new DatasetRef(name, PromptHash.sha256Hex(all.toString()), "generated:seed=" + context.seed(), true,
                ArithGenerator.VERSION), tasks);
    }

    @Override
    public List<Task> tasks(SuiteContext context) {
        ArithOptions o = checked(context);
        List<Task> tasks = new ArrayList<>(o.problems());
        for (int i = 0; i < o.problems(); i++) {
            var p = ArithGenerator.generate(context.seed(), i, o.steps());
            tasks.add(new Task(String.format("arith-%04d", i), List.of(ChatMessage.user(PROMPT + p.text())),
                    Long.toString(p.answer()), true, Map.of("steps", Integer.toString(o.steps()))));
        }
        return tasks;
    }

    /** Arithmetic has no block of its own: the shared figures only. */
    static final Figures FIGURES = Figures.sharedOnly("Arithmetic",
            "accuracy on generated multi-step word problems, exact integer match of the boxed answer");

    @Override
    public Figures figures() {
        return FIGURES;
    }

    @Override
    public RegradeMethod regrade() {
        return RegradeMethod.REGENERATE;
    }

    @Override
    public Grader grader() {
        return grader;
    }

    @Override
    public Optional<OracleEntry> oracleEntry(Task task, SuiteContext context) {
        int index = Integer.parseInt(task.id().substring("arith-".length()));
        long answer = Long.parseLong(task.expected());
        return Optional.of(new OracleEntry.FinalAnswer(task.expected(),
                Long.toString(ArithGenerator.wrongAnswer(context.seed(), index, answer))));
    }

    private static ArithOptions checked(SuiteContext context) {
        ArithOptions o = context.options(ArithOptions.class);
        if (o.problems() < 1 || o.problems() > 100_000) {
            throw new BadInputException("--problems must be between 1 and 100000, got " + o.problems());
        }
        if (o.steps() < 1 || o.steps() > 12) {
            throw new BadInputException("--steps must be between 1 and 12, got " + o.steps());
        }
        return o;
    }
}
