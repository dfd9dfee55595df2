package dev.claimcheck.core.suite.swebench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.RunFailedException;
import dev.claimcheck.core.endpoint.ChatEndpoint;
import dev.claimcheck.core.endpoint.ChatOutcome;
import dev.claimcheck.core.grade.Grader;
import dev.claimcheck.core.grade.sandbox.Sandbox;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.Response;
import dev.claimcheck.core.model.RunManifest.DatasetRef;
import dev.claimcheck.core.model.Task;
import dev.claimcheck.core.model.ToolCall;
import dev.claimcheck.core.model.Verdict;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.sim.OracleEntry;
import dev.claimcheck.core.stats.Figures;
import dev.claimcheck.core.suite.AttemptExchange;
import dev.claimcheck.core.suite.EpisodeMeter;
import dev.claimcheck.core.suite.DatasetPaths;
import dev.claimcheck.core.suite.RegradeMethod;
import dev.claimcheck.core.suite.RequestEstimate;
import dev.claimcheck.core.suite.Suite;
import dev.claimcheck.core.suite.SuiteContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * SWE-bench Verified run as an agent: each instance an episode in the style of mini-swe-agent ({@link SwebenchEpisode})
 * over a copy of the user's checkout at {@code base_commit}, its patch evaluated in the sandbox with the machine's
 * python and pytest ({@link SandboxEvaluation}); resolved = every FAIL_TO_PASS and PASS_TO_PASS test passes. See
 * README.md beside this class and docs/workloads/swebench.md.
 */
public final class SwebenchSuite implements Suite {
    public static final String ID = "swebench";
    static final String VERSION = "1";
    static final String SYSTEM = "You are a software engineer resolving an issue in a repository. You work through one "
            + "tool, bash: each call runs one command in a fresh shell in the repository's root (/testbed), without "
            + "network access. Read the code, change the non-test source files so that the issue is resolved, and check "
            + "your change. When you are done, run `echo " + SwebenchEpisode.SUBMIT + "` as a command of its own; your "
            + "change is then taken as the git diff of the repository. If you cannot call tools, put exactly one command "
            + "per reply in a ```bash fenced block.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Grader grader = new SwebenchGrader();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public Workload workload() {
        return Workload.SWEBENCH;
    }

    @Override
    public String description() {
        return "SWE-bench Verified as a bash-tool agent over your checkouts; patches evaluated in the sandbox.";
    }

    @Override
    public Object newOptions() {
        return new SwebenchOptions();
    }

    @Override
    public Prepared prepare(SuiteContext context) {
        SwebenchOptions o = checked(context);
        Path file = dataset(o, context);
        SwebenchDataset data = SwebenchDataset.load(file);
        List<Task> tasks = new ArrayList<>();
        for (SwebenchInstance i : selected(data, o)) {
            if (o.importSubmission != null) {
                if (LogParser.forRepo(i.repo()).isEmpty()) {
                    continue; // an imported log this project cannot parse is not re-scored (counted by swebench import)
                }
            } else {
                SandboxEvaluation.testPaths(i); // refuses instances the sandbox cannot evaluate, before anything is sent
            }
            Map<String, String> meta = new TreeMap<>(Map.of(SwebenchReplay.META_REPO, i.repo(),
                    SwebenchReplay.META_FAIL_TO_PASS, SwebenchReplay.json(i.failToPass()),
                    SwebenchReplay.META_PASS_TO_PASS, SwebenchReplay.json(i.passToPass()), "baseCommit", i.baseCommit()));
            tasks.add(new Task(i.instanceId(), List.of(ChatMessage.system(SYSTEM), ChatMessage.user(prompt(i))),
                    "resolved:" + i.instanceId(), false, meta));
        }
        DatasetRef ref = new DatasetRef(data.fileName(), data.sha256(), DatasetPaths.recorded(file, context.root()), false, null,
                data.instances().size(), null, null);
        return new Prepared(ref, tasks);
    }

    static String prompt(SwebenchInstance i) {
        return "<issue>\n" + i.problemStatement().strip() + "\n</issue>\n\nThe repository " + i.repo() + " is checked out at "
                + i.baseCommit() + " in /testbed. Resolve the issue.";
    }

    @Override
    public Map<String, String> recordedOptions(Map<String, String> values, SuiteContext context) {
        SwebenchOptions o = context.options(SwebenchOptions.class);
        Map<String, String> recorded = new TreeMap<>(values);
        recorded.put("--dataset", DatasetPaths.recorded(dataset(o, context), context.root()));
        if (o.repos != null) {
            recorded.put("--repos", DatasetPaths.recorded(o.repos, context.root()));
        }
        return recorded;
    }

    @Override
    public Grader grader() {
        return grader;
    }

    @Override
    public Figures figures() {
        return SwebenchFigures.INSTANCE;
    }

    @Override
    public RegradeMethod regrade() {
        return RegradeMethod.RECORDED_TEST_LOG;
    }

    /** Grading needs the episode's working copy and the sandbox: a bare response text is never resolved. */
    @Override
    public Verdict grade(Task task, String responseContent) {
        return grader.grade(responseContent, task.expected());
    }

    /** The repositories and the sandbox must be there before a run folder exists. */
    @Override
    public void checkInvocation(Object options, String baseUrl, String model) {
        SwebenchOptions o = (SwebenchOptions) options;
        if (o.importSubmission != null) {
            throw new BadInputException("--import-submission is recorded by `swebench import --root DIR`; audit swebench runs the agent");
        }
        if (o.repos == null || !Files.isDirectory(o.repos)) {
            throw new BadInputException("--repos " + o.repos + ": not a directory (it holds one git clone per repository)");
        }
        String unavailable = Sandbox.system().unavailableReason();
        if (unavailable != null) {
            throw new RunFailedException("audit swebench runs every command in the sandbox: " + unavailable);
        }
    }

    @Override
    public AttemptExchange attempt(Task task, List<ChatMessage> messages, ObjectNode template, int attempt, ChatEndpoint endpoint,
                                   SuiteContext context) {
        SwebenchOptions o = checked(context);
        SwebenchInstance instance = instance(task, context);
        Path checkout = WorkingCopy.checkout(DatasetPaths.resolve(o.repos, "--repos DIR is required", context), instance.repo());
        ObjectNode request = template.deepCopy();
        ArrayNode tools = request.putArray("tools");
        tools.add(toolSpec());
        Sandbox sandbox = Sandbox.system();
        BashTool bash = new BashTool(sandbox, o.commandTimeoutS * 1000L, o.maxOutputChars);
        SwebenchEpisode.Outcome out = SwebenchEpisode.run(checkout, instance, messages, request, attempt, endpoint,
                new EpisodeMeter.Budgets(o.maxSteps, o.maxEpisodeTokens), bash);
        if (out.failed() != null) {
            return out.failed();
        }
        SwebenchDetail episode = new SwebenchDetail(instance.instanceId(), instance.repo(), out.end(), out.steps(), out.commands(),
                out.patch(), null, false, null, null, null, null, null);
        SwebenchDetail detail;
        if (episode.budgetStop() || out.patch().isBlank()) {
            detail = SwebenchReplay.unevaluated(episode);
        } else {
            String log;
            try (WorkingCopy fresh = WorkingCopy.at(checkout, instance.baseCommit())) {
                log = SandboxEvaluation.testLog(sandbox, fresh.dir(), instance, out.patch());
            }
            detail = SwebenchReplay.judged(episode, task, log);
        }
        Response response = out.last() == null ? new Response("", null, List.of(), null) : out.last();
        return new AttemptExchange(new ChatOutcome.Success(response, out.usage(), out.timing(), out.retries()), request,
                out.transcript(), SwebenchReplay.verdict(task, detail));
    }

    /** A guess at a typical episode's turns, for --dry-run's estimate (labelled as one); the step budget bounds any. */
    static final int TYPICAL_STEPS = 30;

    @Override
    public RequestEstimate requests(Task task, SuiteContext context) {
        int max = checked(context).maxSteps;
        return new RequestEstimate(Math.min(TYPICAL_STEPS, max), max);
    }

    /**
     * The simulator as the agent: the reference applies the instance's own patch with one command and submits; the
     * mistake looks around and submits nothing.
     */
    @Override
    public Optional<OracleEntry> oracleEntry(Task task, SuiteContext context) {
        SwebenchInstance i = instance(task, context);
        return Optional.of(new OracleEntry.AgentScript(
                List.of(bash("call_1", "patch -p1 --batch <<'CLAIMCHECK_PATCH'\n" + i.patch() + (i.patch().endsWith("\n") ? "" : "\n")
                        + "CLAIMCHECK_PATCH"), submit("call_2")),
                List.of(bash("call_1", "ls"), submit("call_2")), "Submitted."));
    }

    static ToolCall bash(String id, String command) {
        return new ToolCall(id, BashTool.NAME, JSON.createObjectNode().put("command", command).toString());
    }

    static ToolCall submit(String id) {
        return bash(id, "echo " + SwebenchEpisode.SUBMIT);
    }

    static ObjectNode toolSpec() {
        ObjectNode tool = JSON.createObjectNode().put("type", "function");
        ObjectNode fn = tool.putObject("function").put("name", BashTool.NAME).put("description", BashTool.DESCRIPTION);
        ObjectNode params = fn.putObject("parameters").put("type", "object");
        params.putObject("properties").putObject("command").put("type", "string").put("description", "The command to run.");
        params.putArray("required").add("command");
        return tool;
    }

    /** The dataset last read, so an attempt does not read the parquet again (one file per run). */
    private volatile SwebenchDataset loaded;
    private volatile Path loadedFrom;

    private SwebenchInstance instance(Task task, SuiteContext context) {
        SwebenchOptions o = checked(context);
        Path file = dataset(o, context).toAbsolutePath().normalize();
        SwebenchDataset data = loaded;
        if (data == null || !file.equals(loadedFrom)) {
            synchronized (this) {
                data = SwebenchDataset.load(file);
                loaded = data;
                loadedFrom = file;
            }
        }
        return data.instance(task.id())
                .orElseThrow(() -> new BadInputException(task.id() + ": not an instance of " + o.dataset));
    }

    private static List<SwebenchInstance> selected(SwebenchDataset data, SwebenchOptions o) {
        if (o.instances == null || o.instances.isEmpty()) {
            return data.instances();
        }
        Set<String> wanted = new LinkedHashSet<>();
        o.instances.stream().map(String::strip).filter(s -> !s.isEmpty()).forEach(wanted::add);
        List<SwebenchInstance> out = new ArrayList<>();
        for (String id : wanted) {
            out.add(data.instance(id).orElseThrow(() -> new BadInputException("--instances: " + id + " is not an instance of "
                    + data.fileName())));
        }
        return out;
    }

    private static Path dataset(SwebenchOptions o, SuiteContext context) {
        return DatasetPaths.resolve(o.dataset, "--dataset FILE is required for suite swebench", context);
    }

    private static SwebenchOptions checked(SuiteContext context) {
        SwebenchOptions o = context.options(SwebenchOptions.class);
        if (o.maxSteps < 1 || o.maxSteps > 10_000) {
            throw new BadInputException("--max-steps must be between 1 and 10000, got " + o.maxSteps);
        }
        if (o.maxEpisodeTokens < 1) {
            throw new BadInputException("--max-episode-tokens must be positive, got " + o.maxEpisodeTokens);
        }
        if (o.commandTimeoutS < 1 || o.commandTimeoutS > 3_600) {
            throw new BadInputException("--command-timeout must be between 1 and 3600 seconds, got " + o.commandTimeoutS);
        }
        if (o.maxOutputChars < 100) {
            throw new BadInputException("--max-output-chars must be at least 100, got " + o.maxOutputChars);
        }
        return o;
    }
}
