package dev.claimcheck.core.suite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.endpoint.ChatEndpoint;
import dev.claimcheck.core.endpoint.ChatRequest;
import dev.claimcheck.core.grade.Grader;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.RunManifest.DatasetRef;
import dev.claimcheck.core.model.Task;
import dev.claimcheck.core.model.Verdict;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.sim.OracleEntry;
import dev.claimcheck.core.stats.Figures;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A benchmark: where tasks come from, how they are prompted and graded, and which options it takes.
 * Adding one is its package plus one line in {@link SuiteRegistry} (docs/contributing.md).
 */
public interface Suite {
    /** Stable id, used on the command line and in run folder paths. */
    String id();

    /** Bumped whenever tasks, prompts or grading change, so old runs stay comparable only to themselves. */
    String version();

    Workload workload();

    /** One sentence for help text and the site. */
    String description();

    /**
     * A fresh picocli options object for this suite (fields annotated with {@code @Option}); it is
     * mixed into {@code audit <suite>}, so its options appear in {@code audit <suite> --help}.
     */
    Object newOptions();

    /**
     * The dataset and its tasks from one read or generation: what a run, a resume and a re-grade need. Tasks come in
     * dataset or generator order, and the same context gives the same tasks.
     */
    Prepared prepare(SuiteContext context);

    /** The dataset these options and seed select (name, hash, source); a suite may answer it without the tasks. */
    default DatasetRef dataset(SuiteContext context) {
        return prepare(context).dataset();
    }

    /** All tasks of {@link #prepare}; a suite may build them without the dataset's reference. */
    default List<Task> tasks(SuiteContext context) {
        return prepare(context).tasks();
    }

    /** A suite's dataset reference together with its tasks. */
    record Prepared(DatasetRef dataset, List<Task> tasks) {
        public Prepared {
            tasks = List.copyOf(tasks);
        }
    }

    Grader grader();

    /**
     * The workload's figures: its block(s) of run.json {@code metrics}, their summary.csv rows, its title and what it
     * measures. Every suite of one workload returns the same (a suite of an existing workload returns that
     * workload's, e.g. {@code DocsFigures.INSTANCE}).
     */
    Figures figures();

    /** Attempts per task when {@code --k} is not given: 1, unless the benchmark's own score needs more (ARC's pass@2). */
    default int defaultAttempts() {
        return 1;
    }

    /** How {@code verify} re-grades a recorded run of this suite. */
    RegradeMethod regrade();

    /**
     * Whether every row of the dataset the run records ({@code suite.dataset.rows}) is one task: then {@code verify}
     * counts a complete run's tasks against the rows (taskMissing). False for a suite whose rows are not its tasks.
     */
    default boolean tasksAreRows() {
        return false;
    }

    /**
     * The option values recorded in run.json {@code suite.options} (so {@code --resume} needs no other
     * option). By default the values as typed; a suite that takes a file path rewrites it relative to the
     * root or to a file name, since run.json never holds an absolute local path.
     */
    default Map<String, String> recordedOptions(Map<String, String> values, SuiteContext context) {
        return values;
    }

    /**
     * Refuses, with a precise message, recorded options whose meaning this harness no longer has (a run recorded
     * before an option's semantics changed), before a --resume continues the run (a re-grade still reads it). By default every run is resumable.
     */
    default void checkResumable(Map<String, String> recorded) {
    }

    /**
     * The prompt of a task as sent. By default the task's own messages; a suite whose prompts are too large to
     * hold for every task at once (a 1M-token haystack) keeps a short stand-in in {@link Task#messages()} and
     * renders the real prompt here, deterministically, each time it is needed (docs/architecture.md).
     */
    default List<ChatMessage> messages(Task task, SuiteContext context) {
        return task.messages();
    }

    /** The graders (id → version) a run with these options grades with, for run.json {@code harness.graders}. */
    default Map<String, String> graders(Object options) {
        return Map.of(grader().id(), grader().version());
    }

    /**
     * Request body fields this suite's options imply (a math protocol's stop strings, max tokens, temperature),
     * laid under what the recipe or the command line states; by default none. See {@link RequestBodies}.
     */
    default ObjectNode requestDefaults(Object options) {
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }

    default Verdict grade(Task task, String responseContent) {
        return grader().grade(responseContent, task.expected());
    }

    /**
     * Runs one attempt against the endpoint. The default sends one request and leaves grading to {@link #grade};
     * a multi-turn suite (agent) overrides it to run a whole episode, returning the transcript and its own verdict.
     * Per-request failures come back inside the exchange; {@link dev.claimcheck.core.endpoint.EndpointAbortedException}
     * propagates and stops the run as for a single request.
     *
     * @param messages the prompt as sent (system prompt included)
     * @param template the run's request template, minus messages
     */
    default AttemptExchange attempt(Task task, List<ChatMessage> messages, ObjectNode template, int attempt,
                             ChatEndpoint endpoint, SuiteContext context) {
        return AttemptExchange.single(endpoint.complete(new ChatRequest(messages, template, attempt)), template);
    }

    /**
     * How many requests one attempt of this task sends, for {@code --dry-run}'s estimate. By default exactly one; a
     * suite that overrides {@link #attempt} with a multi-turn episode states its typical count and its budget.
     */
    default RequestEstimate requests(Task task, SuiteContext context) {
        return RequestEstimate.ONE;
    }

    /**
     * Refuses, before any run folder exists, options that cannot go with the shared ones of this invocation (the proof
     * workload: a judge that is the model under test); by default accepts everything.
     *
     * @param model the --model given, or null (the simulator's default)
     */
    default void checkInvocation(Object options, String baseUrl, String model) {
    }

    /** What the simulator should answer for this task, filled into its oracle before sending. */
    Optional<OracleEntry> oracleEntry(Task task, SuiteContext context);
}
