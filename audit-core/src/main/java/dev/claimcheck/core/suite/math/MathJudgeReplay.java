package dev.claimcheck.core.suite.math;

import dev.claimcheck.core.model.JudgeVerdict;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Task;
import dev.claimcheck.core.suite.SuiteContext;
import dev.claimcheck.core.suite.SuiteOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What {@code verify} does with a math run's recorded judge verdicts: reads each recorded reply again (no endpoint
 * needed), and with {@code --rejudge} asks the recorded judge again. Each returns its disagreements in words.
 */
public final class MathJudgeReplay {
    private MathJudgeReplay() {
    }

    /** Why a recorded judge verdict does not follow from its recorded reply, or null when it does. */
    public static String reread(JudgeVerdict recorded) {
        if (recorded.status() == JudgeVerdict.Status.ERROR) {
            return null; // no reply to read
        }
        if (!MathJudgePrompt.VERSION.equals(recorded.prompt())) {
            return "judge prompt " + recorded.prompt() + " is not one this harness has (" + MathJudgePrompt.VERSION + ")";
        }
        JudgeVerdict again = AnswerJudge.read(recorded.judge(), recorded.prompt(), recorded.reply(), recorded.completionTokens());
        if (again.status() != recorded.status() || !Objects.equals(again.correct(), recorded.correct())) {
            return "judge " + recorded.judge() + " recorded " + describe(recorded) + ", its reply reads " + describe(again);
        }
        return null;
    }

    /**
     * Asks the run's recorded judge again about every judged attempt ({@code verify --rejudge}): the options, dataset
     * (found under the root, as a resume finds it) and judge are those run.json records. A simulated judge reproduces
     * exactly; a real one at temperature 0 usually does, and a difference is reported, not hidden.
     */
    public static List<String> differences(RunManifest manifest, List<Sample> samples, Path root) {
        MathSuite suite = new MathSuite();
        MathOptions o = (MathOptions) SuiteOptions.restore(suite, manifest.suite().options());
        SuiteContext context = new SuiteContext(manifest.request().seed(), o, root);
        List<String> out = new ArrayList<>();
        try (o) {
            Map<String, Task> tasks = suite.tasks(context).stream().collect(Collectors.toMap(Task::id, Function.identity()));
            for (Sample s : samples) {
                JudgeVerdict was = s.judge();
                Task task = tasks.get(s.taskId());
                if (was == null || task == null || s.response() == null) {
                    continue;
                }
                JudgeVerdict now = o.answerJudge(context.seed()).judge(task.meta().get(MathSuite.PROBLEM_META),
                        task.expected(), s.response().content(), s.attempt());
                if (was.status() != now.status() || !Objects.equals(was.correct(), now.correct())) {
                    out.add(s.taskId() + "#" + s.attempt() + ": judge " + was.judge() + " recorded " + describe(was)
                            + ", asked again gives " + describe(now));
                }
            }
        }
        return out;
    }

    private static String describe(JudgeVerdict v) {
        return v.graded() ? (v.correct() ? "correct" : "incorrect") : v.status().id();
    }
}
