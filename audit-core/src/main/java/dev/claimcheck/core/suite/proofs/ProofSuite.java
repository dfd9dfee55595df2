package dev.claimcheck.core.suite.proofs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.endpoint.ChatEndpoint;
import dev.claimcheck.core.endpoint.ChatOutcome;
import dev.claimcheck.core.endpoint.ChatRequest;
import dev.claimcheck.core.grade.Grader;
import dev.claimcheck.core.grade.ProofJudgeGrader;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.Response;
import dev.claimcheck.core.model.RunManifest.DatasetRef;
import dev.claimcheck.core.model.Task;
import dev.claimcheck.core.model.Timing;
import dev.claimcheck.core.model.Usage;
import dev.claimcheck.core.model.Verdict;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.sim.OracleEntry;
import dev.claimcheck.core.stats.Figures;
import dev.claimcheck.core.suite.DatasetPaths;
import dev.claimcheck.core.suite.AttemptExchange;
import dev.claimcheck.core.suite.RegradeMethod;
import dev.claimcheck.core.suite.Suite;
import dev.claimcheck.core.suite.SuiteContext;
import dev.claimcheck.core.suite.judge.JudgeSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Olympiad proofs graded by pinned judge models against a marking scheme (docs/workloads/proofs.md): the model under
 * test writes k proofs per problem, or a vendor's published proofs are imported with its self-grades as the claim; every
 * judge grades every proof; the figures set the judges' totals, their agreement and the claim side by side.
 */
public final class ProofSuite implements Suite {
    public static final String ID = "proofs";
    private static final String SOLVE = "Solve the following olympiad problem. Write a complete and rigorous proof; "
            + "justify every step.\n\n";
    private final ProofJudgeGrader grader = new ProofJudgeGrader();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public Workload workload() {
        return Workload.PROOFS;
    }

    @Override
    public String description() {
        return "Olympiad proofs (MathArena grading_scheme layout) graded by two or more pinned judge models; "
                + "--import-solutions grades a vendor's published proofs against its self-grade.";
    }

    @Override
    public Object newOptions() {
        return new ProofOptions();
    }

    @Override
    public Prepared prepare(SuiteContext context) {
        ProofInputs in = context.options(ProofOptions.class).inputs(context);
        ProblemSet set = in.set();
        DatasetRef ref = new DatasetRef(set.name(), set.sha256(), DatasetPaths.recorded(in.setPath(), context.root()), false,
                null, set.problems().size(), null, null);
        List<Task> tasks = new ArrayList<>();
        for (ProofProblem p : set.problems()) {
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("maxPoints", JudgeReplyFormat.points(p.maxPoints()));
            tasks.add(new Task(p.id(), List.of(ChatMessage.user(SOLVE + p.statement())), JudgeReplyFormat.points(p.maxPoints()),
                    false, meta));
        }
        return new Prepared(ref, tasks);
    }

    @Override
    public Map<String, String> recordedOptions(Map<String, String> values, SuiteContext context) {
        Map<String, String> recorded = new TreeMap<>(values);
        ProofOptions o = context.options(ProofOptions.class);
        ProofInputs in = o.inputs(context);
        recorded.put("--dataset", DatasetPaths.recorded(in.setPath(), context.root()));
        if (o.importSolutions != null) {
            recorded.put("--import-solutions", DatasetPaths.recorded(ProofInputs.resolve(o.importSolutions, "--import-solutions", context), context.root()));
        }
        if (o.map != null) {
            recorded.put("--map", DatasetPaths.recorded(ProofInputs.resolve(o.map, "--map", context), context.root()));
        }
        recorded.put("--judge", String.join(ProofOptions.JUDGE_JOIN, o.judges));
        return recorded;
    }

    @Override
    public Grader grader() {
        return grader;
    }

    @Override
    public Figures figures() {
        return ProofFigures.INSTANCE;
    }

    @Override
    public RegradeMethod regrade() {
        return RegradeMethod.RECORDED_JUDGES;
    }

    @Override
    public Optional<OracleEntry> oracleEntry(Task task, SuiteContext context) {
        ProofInputs in = context.options(ProofOptions.class).inputs(context);
        return in.imported() ? Optional.empty() : Optional.of(SimJudge.solution(in.set().problem(task.id())));
    }

    /** The proof (written by the endpoint, or imported), then every judge's grade of it. */
    @Override
    public AttemptExchange attempt(Task task, List<ChatMessage> messages, ObjectNode template, int attempt,
                                   ChatEndpoint endpoint, SuiteContext context) {
        ProofOptions o = context.options(ProofOptions.class);
        refuseSelfJudging(o, template.path("model").asText(""));
        ProofInputs in = o.inputs(context);
        ProofProblem problem = in.set().problem(task.id());
        List<InputHash> inputs = new ArrayList<>(List.of(in.set().scheme(), problem.statementHash()));
        ChatOutcome outcome;
        VendorFolder.Claim claim = null;
        if (in.imported()) {
            if (attempt > 0) {
                throw new BadInputException("--import-solutions has one solution per problem: use --k 1");
            }
            VendorFolder.Imported imported = in.vendor().solutions().get(problem.id());
            inputs.addAll(imported.files());
            in.vendor().inputs().stream().filter(h -> !h.role().equals("solution")).forEach(inputs::add);
            claim = in.vendor().claims().get(problem.id());
            outcome = new ChatOutcome.Success(new Response(imported.text(), null, null, "stop"), Usage.NONE, Timing.NONE, List.of());
        } else {
            outcome = endpoint.complete(new ChatRequest(messages, template, attempt));
            if (outcome instanceof ChatOutcome.Failure) {
                return AttemptExchange.single(outcome, template); // no proof, nothing to judge: a counted error
            }
        }
        String solution = ((ChatOutcome.Success) outcome).response().content();
        Double claimed = claim == null ? null : claim.points();
        List<JudgeGrade> grades = o.panel(context.seed()).grade(problem, solution, claimed, attempt);
        ProofDetail detail = new ProofDetail(problem.id(), problem.maxPoints(), in.imported() ? "imported" : "generated",
                inputs, claimed, claim == null ? null : claim.source(), grades, in.set().problems().size());
        return new AttemptExchange(outcome, template, null, verdict(detail));
    }

    /** The attempt's verdict: the judges' mean points over the maximum; no parsed grade is not correct and scores 0. */
    public static Verdict verdict(ProofDetail detail) {
        Double mean = detail.meanPoints();
        String max = JudgeReplyFormat.points(detail.maxPoints());
        return new Verdict(mean != null && mean == detail.maxPoints(), mean == null ? 0 : mean / detail.maxPoints(),
                mean == null ? null : String.valueOf(mean), max, ProofJudgeGrader.ID, ProofJudgeGrader.VERSION, detail.toJson());
    }

    /**
     * Refused before a run folder exists: a judge that is the model under test, and simulated judges grading a run
     * that would not be labelled simulated. (The first attempt checks the first again, for runs started otherwise.)
     */
    @Override
    public void checkInvocation(Object options, String baseUrl, String model) {
        ProofOptions o = (ProofOptions) options;
        refuseSelfJudging(o, model != null ? model : "sim");
        JudgeSpec.refuseSimulatedForRealRun(o.judgeSpecs(), baseUrl);
    }

    /** A model never grades its own proofs: refused before anything is sent. */
    static void refuseSelfJudging(ProofOptions o, String modelUnderTest) {
        JudgeSpec.refuseModelUnderTest(o.judgeSpecs(), modelUnderTest, "proofs");
    }
}
