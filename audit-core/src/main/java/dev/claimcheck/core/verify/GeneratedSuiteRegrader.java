package dev.claimcheck.core.verify;

import dev.claimcheck.core.ClaimcheckException;
import dev.claimcheck.core.grade.Grader;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.RunStatus;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Task;
import dev.claimcheck.core.model.Verdict;
import dev.claimcheck.core.suite.Suite;
import dev.claimcheck.core.suite.SuiteContext;
import dev.claimcheck.core.suite.SuiteOptions;
import dev.claimcheck.core.suite.SuiteRegistry;
import dev.claimcheck.core.verify.Finding.Kind;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Re-grade for suites whose tasks come from a seeded generator (arith, longctx, docs): regenerate the
 * tasks from the recorded seed and suite options, check the dataset hash, each sample's prompt hash and expected
 * answer, then re-grade the recorded response content with the suite's grader and compare correct and score.
 */
public final class GeneratedSuiteRegrader implements Regrader {
    /** How a recorded attempt is judged again. */
    @FunctionalInterface
    public interface Regrading {
        Verdict verdict(Suite suite, Task task, Sample sample);
    }

    private final Regrading regrading;
    private final boolean compareDetail;

    /** Re-grades the recorded response content with the suite's grader; compares correct and score. */
    public GeneratedSuiteRegrader() {
        this((suite, task, s) -> suite.grade(task, s.response() == null ? null : s.response().content()), false);
    }

    /**
     * @param regrading how an attempt is judged again (agent: replay its transcript)
     * @param compareDetail also require {@code verdict.detail} to be equal (where it holds counts the metrics use)
     */
    public GeneratedSuiteRegrader(Regrading regrading, boolean compareDetail) {
        this.regrading = regrading;
        this.compareDetail = compareDetail;
    }

    @Override
    public List<Finding> regrade(RunManifest manifest, List<Sample> samples, Path root) {
        Findings.Collector out = new Findings.Collector();
        Suite suite;
        SuiteContext context;
        List<Task> tasks;
        try {
            suite = SuiteRegistry.byId(manifest.suite().id());
            Object options = SuiteOptions.restore(suite, manifest.suite().options());
            long seed = manifest.request() == null ? 0 : manifest.request().seed();
            context = new SuiteContext(seed, options, root);
            Suite.Prepared prepared = suite.prepare(context);
            tasks = prepared.tasks();
            String expectedSha = manifest.suite().dataset() == null ? null : manifest.suite().dataset().sha256();
            String actualSha = prepared.dataset().sha256();
            if (!Objects.equals(expectedSha, actualSha)) {
                out.add(new Finding(Kind.DATASET_MISMATCH, "run.json dataset sha256 " + expectedSha
                        + ", regenerated from seed " + seed + " and options " + manifest.suite().options() + ": " + actualSha));
                return out.list();
            }
        } catch (ClaimcheckException | IllegalArgumentException e) {
            out.add(new Finding(Kind.DATASET_MISMATCH, "cannot regenerate the tasks: " + e.getMessage()));
            return out.list();
        }
        Map<String, Task> byId = new HashMap<>();
        tasks.forEach(t -> byId.put(t.id(), t));
        String systemPrompt = manifest.request() == null ? null : manifest.request().systemPrompt();
        Grader grader = suite.grader();
        Map<String, String> promptHashes = new HashMap<>(); // every attempt of a task has the same prompt
        for (Sample s : samples) {
            String where = s.taskId() + "#" + s.attempt();
            Task task = byId.get(s.taskId());
            if (task == null) {
                out.add(new Finding(Kind.UNKNOWN_TASK, where + ": no such task in the regenerated suite"));
                continue;
            }
            String prompt = promptHashes.computeIfAbsent(task.id(),
                    id -> PromptHash.of(ChatMessage.withSystemPrompt(systemPrompt, suite.messages(task, context))));
            if (!prompt.equals(s.promptSha256())) {
                out.add(new Finding(Kind.PROMPT_MISMATCH, where + ": promptSha256 " + s.promptSha256() + ", regenerated " + prompt));
            }
            Verdict recorded = s.verdict();
            if (recorded == null) {
                continue; // an errored attempt: nothing to grade
            }
            if (!Objects.equals(recorded.expected(), task.expected())) {
                out.add(new Finding(Kind.EXPECTED_MISMATCH, where + ": verdict.expected '" + Findings.clip(recorded.expected())
                        + "', regenerated answer '" + Findings.clip(task.expected()) + "'"));
                continue;
            }
            if (!grader.id().equals(recorded.grader())) {
                out.add(new Finding(Kind.REGRADE_MISMATCH, where + ": recorded grader '" + Findings.clip(recorded.grader())
                        + "', suite " + suite.id() + " grades with '" + grader.id() + "'"));
                continue;
            }
            Verdict now = regrading.verdict(suite, task, s);
            if (now.correct() == recorded.correct() && Double.compare(now.score(), recorded.score()) == 0
                    && (!compareDetail || Objects.equals(now.detail(), recorded.detail()))) {
                continue;
            }
            String diff = where + ": recorded correct=" + recorded.correct() + " score=" + recorded.score()
                    + ", re-graded correct=" + now.correct() + " score=" + now.score() + " (" + now.detail() + ")"
                    + (compareDetail && !Objects.equals(now.detail(), recorded.detail())
                    ? "; recorded detail " + Findings.clip(recorded.detail()) : "");
            if (grader.version().equals(recorded.graderVersion())) {
                out.add(new Finding(Kind.REGRADE_MISMATCH, diff));
            } else {
                out.add(new Finding(Kind.REGRADE_DRIFT, diff + "; recorded grader version " + Findings.clip(recorded.graderVersion())
                        + ", current " + grader.version()));
            }
        }
        missingTasks(manifest, tasks, samples, out);
        return out.list();
    }

    /**
     * Every regenerated task the run planned (the first {@code request.limit}) has an attempt in a complete run: the
     * attemptMissing check sees only the tasks that are there. A shard plans part of them; its merge checks the rest.
     */
    private static void missingTasks(RunManifest manifest, List<Task> tasks, List<Sample> samples, Findings.Collector out) {
        if (manifest.status() != RunStatus.COMPLETE || manifest.shard() != null) {
            return;
        }
        Integer limit = manifest.request() == null ? null : manifest.request().limit();
        List<Task> planned = limit == null || limit >= tasks.size() || limit < 1 ? tasks : tasks.subList(0, limit);
        java.util.Set<String> seen = new java.util.HashSet<>();
        samples.forEach(s -> seen.add(s.taskId()));
        for (Task t : planned) {
            if (!seen.contains(t.id())) {
                out.add(new Finding(Kind.TASK_MISSING, Findings.clip(t.id()) + ": no attempt, though the run planned "
                        + planned.size() + " tasks"));
            }
        }
    }
}
