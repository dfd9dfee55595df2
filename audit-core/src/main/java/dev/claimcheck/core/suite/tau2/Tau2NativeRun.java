package dev.claimcheck.core.suite.tau2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.endpoint.ChatEndpoint;
import dev.claimcheck.core.endpoint.ChatOutcome;
import dev.claimcheck.core.grade.Tau2Grader;
import dev.claimcheck.core.grade.tau2.ExpectedAction;
import dev.claimcheck.core.grade.tau2.RewardComponent;
import dev.claimcheck.core.grade.tau2.Tau2Detail;
import dev.claimcheck.core.grade.tau2.Tau2Json;
import dev.claimcheck.core.grade.tau2.Termination;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.Response;
import dev.claimcheck.core.model.Task;
import dev.claimcheck.core.model.ToolCall;
import dev.claimcheck.core.model.Verdict;
import dev.claimcheck.core.sim.OracleEntry;
import dev.claimcheck.core.suite.AttemptExchange;
import dev.claimcheck.core.suite.EpisodeMeter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The native run's side of {@link Tau2Suite}: the tasks as the agent first sees them (the policy as system prompt, the
 * user's opening), one trial ({@link Tau2Episode}) graded by the import's re-scorer, and the simulator's script.
 */
final class Tau2NativeRun {
    private Tau2NativeRun() {
    }

    /**
     * Every task of the domain. The prompt stored is what the agent sees first: its system prompt (the policy in the
     * {@code --agent-prompt} template), the greeting where upstream's agent has it in its history, and the scenario's
     * opening, which a simulated user says first (a real user model says its own; the agent then sees that instead).
     */
    static List<Task> tasks(Tau2Options.Tau2Inputs in) {
        List<Task> tasks = new ArrayList<>();
        ChatMessage system = ChatMessage.system(in.agentPrompt().compose(in.nativeDomain().policy()));
        in.domain().tasks().forEach((id, t) -> {
            if (in.nativeDomain().skips(id)) {
                return;
            }
            List<ChatMessage> prompt = new ArrayList<>(List.of(system));
            if (in.agentPrompt().seesGreeting()) {
                prompt.add(ChatMessage.assistant(Tau2UserSimulator.GREETING, List.of()));
            }
            prompt.add(ChatMessage.user(t.instructions()));
            tasks.add(new Task(id, List.copyOf(prompt), t.expected(), true, Map.of("domain", in.domain().name())));
        });
        return tasks;
    }

    static AttemptExchange attempt(Task task, List<ChatMessage> messages, ObjectNode template, int attempt, ChatEndpoint agent,
                                   Tau2Options o, Tau2Options.Tau2Inputs in, long seed, Tau2Grader grader) {
        Tau2Domain.DomainTask t = in.domain().task(task.id(), "task");
        ObjectNode request = template.deepCopy();
        var tools = request.putArray("tools");
        tools.addAll(in.nativeDomain().tools().schemas(Tau2Toolset.AGENT));
        Tau2UserSimulator user = o.user(seed);
        Tau2Episode.Trial trial = Tau2Episode.run(task.id(), t, in.nativeDomain(), messages, request, attempt, agent, user,
                new EpisodeMeter.Budgets(Integer.MAX_VALUE, Long.MAX_VALUE), o.maxSteps());
        if (trial.agentFailed()) {
            return new AttemptExchange(trial.agentOutcome(), request, trial.transcript(), null);
        }
        ObjectNode sim = trial.simulation();
        ((ObjectNode) sim.get("info")).put("agent_prompt", in.agentPrompt().recorded()).put("user_prompt", user.recorded());
        String unscorable = notScorable(t, o.judgeSpec() != null, sim.at("/reward_info/env_assertions").isArray());
        if (unscorable == null && judged(t) && Termination.of(sim.get("termination_reason").asText(), "termination_reason").graded()) {
            unscorable = o.nlJudge(seed).judge(sim, t, attempt);
        }
        // The reward this run claims is the re-scorer's on the trial as recorded, so verify re-derives the same number.
        Tau2Detail first = Tau2Detail.parse(grader.grade(Tau2Json.compactOf(sim), task.expected()).detail()).orElseThrow();
        ((ObjectNode) sim.get("reward_info")).put("reward", first.derivedReward());
        String text = Tau2Json.compactOf(sim);
        Verdict v = grader.grade(text, task.expected());
        Tau2Detail d = Tau2Detail.parse(v.detail()).orElseThrow()
                .withOrigin(new Tau2Detail.Origin(in.domain().name(), null, null, o.modelUnderTest, o.userSpec().label(), 1,
                        false, "native", null, null, in.nativeDomain().notRunLines()));
        if (unscorable != null) {
            d = d.notScorable(unscorable);
        }
        v = new Verdict(v.correct(), v.score(), v.extracted(), v.expected(), v.grader(), v.graderVersion(), d.toJson());
        ChatOutcome.Success s = (ChatOutcome.Success) trial.agentOutcome();
        ChatOutcome outcome = new ChatOutcome.Success(new Response(text, null, List.of(), "stop"), s.usage(), s.timing(), s.retries());
        return new AttemptExchange(outcome, request, trial.transcript(), v);
    }

    /**
     * Why the task's reward cannot be computed here, or null: its basis counts natural-language assertions and no judge
     * is given ({@code --judge}), or environment assertions that the toolset did not evaluate (upstream's Python
     * functions: a built-in port with environment functions, such as telecom's, runs them; the declarative tools do not).
     */
    static String notScorable(Tau2Domain.DomainTask t, boolean judge, boolean envEvaluated) {
        List<RewardComponent> basis = t.criteria().rewardBasis();
        if (judged(t) && !judge) {
            return "reward_basis counts NL_ASSERTION, which needs a judge model (--judge BASE_URL=MODEL)";
        }
        if (basis.contains(RewardComponent.ENV_ASSERTION) && t.criteria().envAssertions() > 0 && !envEvaluated) {
            return "reward_basis counts ENV_ASSERTION, whose functions are upstream's Python (not run)";
        }
        return null;
    }

    /** The task's reward counts its natural-language assertions: the NL judge is asked about its completed trials. */
    static boolean judged(Tau2Domain.DomainTask t) {
        return t.criteria().rewardBasis().contains(RewardComponent.NL_ASSERTION) && !t.criteria().nlAssertions().isEmpty();
    }

    /** The task's reference actions of one requestor ({@code assistant} or {@code user}) as tool calls. */
    static List<ToolCall> calls(Tau2Domain.DomainTask t, String requestor) {
        List<ToolCall> out = new ArrayList<>();
        for (ExpectedAction a : t.criteria().actions()) {
            if (a.requestor().equals(requestor)) {
                out.add(new ToolCall(null, a.name(), Tau2Json.compactOf(a.arguments())));
            }
        }
        return out;
    }

    /**
     * The simulated agent's script: the agent's reference actions as its calls, then a closing that says every
     * {@code communicate_info}; its mistake leaves out the last reference action.
     */
    static OracleEntry.AgentScript script(Tau2Domain.DomainTask t) {
        List<ToolCall> reference = calls(t, ExpectedAction.ASSISTANT);
        List<ToolCall> mistake = reference.isEmpty() ? List.of() : reference.subList(0, reference.size() - 1);
        String closing = "Done." + (t.criteria().communicateInfo().isEmpty() ? "" : " " + String.join(" ", t.criteria().communicateInfo()));
        return new OracleEntry.AgentScript(reference, mistake, closing);
    }
}
