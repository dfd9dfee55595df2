package dev.claimcheck.core.suite.agent;

import dev.claimcheck.core.stats.Figures;
import dev.claimcheck.core.suite.RegradeMethod;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.endpoint.ChatEndpoint;
import dev.claimcheck.core.grade.Grader;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.model.RunManifest.DatasetRef;
import dev.claimcheck.core.model.Task;
import dev.claimcheck.core.model.Verdict;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.sim.OracleEntry;
import dev.claimcheck.core.suite.AttemptExchange;
import dev.claimcheck.core.suite.EpisodeMeter;
import dev.claimcheck.core.suite.RequestEstimate;
import dev.claimcheck.core.suite.Suite;
import dev.claimcheck.core.suite.SuiteContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Multi-step tool use with injected failures: 42 tasks in three small worlds (a workspace of versioned files,
 * an orders desk with a refund policy, a calendar), each attempt a multi-turn episode judged on the final state.
 * See README.md beside this class and docs/workloads/agent.md.
 */
public final class AgentSuite implements Suite {
    static final String SYSTEM = "You are an operations agent working through tools. Complete the user's task by calling "
            + "the tools; tool results are JSON objects, and an \"error\" field means the call did not take effect, so read "
            + "it and act on it. If the task is underspecified, ask the user with ask_user before changing anything. If a "
            + "tool result announces a changed requirement, the new requirement is what counts. When the task is done, "
            + "reply with a one-line summary and no tool call.";
    static final String CLOSING = "Done: the task is complete.";

    private final Grader grader = new AgentGrader();

    @Override
    public String id() {
        return "agent";
    }

    @Override
    public String version() {
        return AgentTasks.VERSION;
    }

    @Override
    public Workload workload() {
        return Workload.AGENT;
    }

    @Override
    public String description() {
        return "Multi-step tool use in three seeded worlds with injected tool errors, stale files, ambiguity and "
                + "checkpoints; success is judged on the final state.";
    }

    @Override
    public Object newOptions() {
        return new AgentOptions();
    }

    /** The tasks with their faults, identified by a hash over ids, prompts and faults, like any dataset. */
    @Override
    public Prepared prepare(SuiteContext context) {
        AgentOptions o = checked(context);
        List<Task> tasks = tasks(context);
        StringBuilder all = new StringBuilder();
        for (Task t : tasks) {
            all.append(t.id()).append('\n').append(t.meta().get("fault")).append('\n')
                    .append(t.messages().get(t.messages().size() - 1).content()).append('\n');
        }
        String name = "agent-tasks-faults-" + o.faults().replace(',', '+');
        return new Prepared(new DatasetRef(name, PromptHash.sha256Hex(all.toString()), "generated:seed=" + context.seed(),
                true, AgentTasks.VERSION), tasks);
    }

    @Override
    public List<Task> tasks(SuiteContext context) {
        AgentOptions o = checked(context);
        Set<Fault> enabled = Fault.parseList(o.faults());
        List<Task> tasks = new ArrayList<>();
        for (AgentTask t : AgentTasks.all()) {
            Fault fault = AgentTasks.faultFor(t, enabled, context.seed());
            tasks.add(new Task(t.id(), List.of(ChatMessage.system(SYSTEM), ChatMessage.user(t.instructionFor(fault))),
                    expected(t, fault), true, Map.of("world", t.world(), "fault", fault == null ? "none" : fault.id())));
        }
        return tasks;
    }

    @Override
    public Figures figures() {
        return AgentFigures.INSTANCE;
    }

    @Override
    public RegradeMethod regrade() {
        return RegradeMethod.AGENT_REPLAY;
    }

    @Override
    public Grader grader() {
        return grader;
    }

    /** Grading needs the episode's final state: a bare response text is never a success. */
    @Override
    public Verdict grade(Task task, String responseContent) {
        return grader.grade(responseContent, task.expected());
    }

    @Override
    public AttemptExchange attempt(Task task, List<ChatMessage> messages, ObjectNode template, int attempt, ChatEndpoint endpoint,
                            SuiteContext context) {
        AgentOptions o = checked(context);
        return AgentEpisode.run(AgentTasks.byId(task.id()), faultOf(task), task.expected(), messages, template, attempt,
                endpoint, new EpisodeMeter.Budgets(o.maxSteps(), o.maxEpisodeTokens()));
    }

    /**
     * A policy that follows the reference solution makes one request per tool call and one to say it is done; the
     * step budget ({@code --max-steps}) bounds any episode.
     */
    @Override
    public RequestEstimate requests(Task task, SuiteContext context) {
        int max = checked(context).maxSteps();
        int reference = AgentTasks.referenceScript(AgentTasks.byId(task.id()), faultOf(task)).size() + 1;
        return new RequestEstimate(Math.min(reference, max), max);
    }

    @Override
    public Optional<OracleEntry> oracleEntry(Task task, SuiteContext context) {
        AgentTask t = AgentTasks.byId(task.id());
        Fault fault = faultOf(task);
        return Optional.of(new OracleEntry.AgentScript(AgentTasks.referenceScript(t, fault), AgentTasks.mistakeScript(t, fault),
                CLOSING));
    }

    /** The fault a task was given (recorded in its meta and its expected value). */
    static Fault faultOf(Task task) {
        String id = task.meta().getOrDefault("fault", "none");
        return id.equals("none") ? null : Fault.of(id);
    }

    /** What {@code verdict.expected} records: the goal's task and fault, so a re-grade knows what to replay. */
    static String expected(AgentTask task, Fault fault) {
        return "finalState:" + task.id() + "/" + (fault == null ? "none" : fault.id());
    }

    private static AgentOptions checked(SuiteContext context) {
        AgentOptions o = context.options(AgentOptions.class);
        Fault.parseList(o.faults());
        if (o.maxSteps() < 1 || o.maxSteps() > 10_000) {
            throw new BadInputException("--max-steps must be between 1 and 10000, got " + o.maxSteps());
        }
        if (o.maxEpisodeTokens() < 1) {
            throw new BadInputException("--max-episode-tokens must be positive, got " + o.maxEpisodeTokens());
        }
        return o;
    }
}
