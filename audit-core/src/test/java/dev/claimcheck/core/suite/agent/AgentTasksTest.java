package dev.claimcheck.core.suite.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every task is solvable and checkable: its reference passes and its wrong solutions fail, under every fault it takes. */
class AgentTasksTest {

    static Stream<Arguments> taskAndFault() {
        List<Arguments> out = new ArrayList<>();
        for (AgentTask t : AgentTasks.all()) {
            out.add(Arguments.of(t.id(), null));
            for (Fault f : t.supports()) {
                out.add(Arguments.of(t.id(), f));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} under {1}")
    @MethodSource("taskAndFault")
    void theReferencePassesAndTheMistakeFails(String id, Fault fault) {
        AgentTask task = AgentTasks.byId(id);

        Environment reference = AgentTasks.replay(task, fault, AgentTasks.referenceScript(task, fault));
        assertThat(reference.goalMet()).as("reference of %s under %s", id, fault).isTrue();
        assertThat(reference.policyViolations()).isZero();
        assertThat(reference.malformedCalls()).isZero();
        if (fault != null) {
            assertThat(reference.faultFired()).as("the %s fault fires in %s", fault, id).isTrue();
        }

        Environment mistake = AgentTasks.replay(task, fault, AgentTasks.mistakeScript(task, fault));
        assertThat(mistake.goalMet()).as("mistake of %s under %s", id, fault).isFalse();
    }

    @Test
    void thereAreAtLeastFortyTasksOverThreeWorldsAndEveryFaultIsExercised() {
        List<AgentTask> all = AgentTasks.all();
        assertThat(all).hasSizeGreaterThanOrEqualTo(40);
        assertThat(all.stream().map(AgentTask::world).distinct()).containsExactlyInAnyOrder("workspace", "orders", "calendar");
        Set<String> ids = new HashSet<>();
        Set<Fault> used = EnumSet.noneOf(Fault.class);
        for (AgentTask t : all) {
            assertThat(ids.add(t.id())).as("duplicate id " + t.id()).isTrue();
            used.addAll(t.supports());
        }
        assertThat(used).containsExactlyInAnyOrder(Fault.values());
    }

    @Test
    void everyPromptIsUniqueUnderEveryFaultSoTheSimulatorsOracleCannotConfuseTwoTasks() {
        for (Fault fault : new Fault[] {null, Fault.TOOL_ERROR, Fault.STALE_FILE, Fault.AMBIGUITY, Fault.CHECKPOINT}) {
            Set<String> prompts = new HashSet<>();
            for (AgentTask t : AgentTasks.all()) {
                String prompt = t.instructionFor(fault != null && t.supports().contains(fault) ? fault : null);
                assertThat(prompts.add(prompt)).as("%s repeats a prompt under %s: %s", t.id(), fault, prompt).isTrue();
            }
        }
    }

    @Test
    void aPermanentToolErrorIsOnlyRecoveredByReadingIt() {
        List<AgentTask> permanent = AgentTasks.all().stream().filter(AgentTask::permanentToolError).toList();
        long withToolError = AgentTasks.all().stream().filter(t -> t.supports().contains(Fault.TOOL_ERROR)).count();
        assertThat(permanent).hasSize((int) (withToolError / 2));
        for (AgentTask t : permanent) {
            var reference = AgentTasks.referenceScript(t, Fault.TOOL_ERROR);
            assertThat(AgentTasks.replay(t, Fault.TOOL_ERROR, reference).toolErrors()).as("one error, read once: %s", t.id()).isEqualTo(1);
            assertThat(reference.stream().filter(c -> c.arguments().contains("\"confirm\":true"))).as(t.id()).isNotEmpty();
            // Retrying the very same call, as for a transient error, does not help.
            var blindRetry = reference.stream().map(c -> new dev.claimcheck.core.model.ToolCall(c.id(), c.name(),
                    c.arguments().replace(",\"confirm\":true", ""))).toList();
            Environment env = AgentTasks.replay(t, Fault.TOOL_ERROR, blindRetry);
            assertThat(env.goalMet()).as("blind retry of %s", t.id()).isFalse();
            assertThat(env.toolErrors()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void faultAssignmentIsSeededAndRespectsTheEnabledSet() {
        AgentTask t = AgentTasks.byId("ws-config-1");
        assertThat(AgentTasks.faultFor(t, EnumSet.allOf(Fault.class), 0)).isEqualTo(AgentTasks.faultFor(t, EnumSet.allOf(Fault.class), 0));
        assertThat(AgentTasks.faultFor(t, EnumSet.noneOf(Fault.class), 0)).isNull();
        assertThat(AgentTasks.faultFor(t, EnumSet.of(Fault.STALE_FILE), 7)).isEqualTo(Fault.STALE_FILE);
        assertThat(AgentTasks.faultFor(AgentTasks.byId("orders-cancel-2"), EnumSet.of(Fault.STALE_FILE), 7)).isNull();
        Set<Fault> drawn = EnumSet.noneOf(Fault.class);
        for (long seed = 0; seed < 40; seed++) {
            drawn.add(AgentTasks.faultFor(t, EnumSet.allOf(Fault.class), seed));
        }
        assertThat(drawn).containsExactlyInAnyOrder(Fault.values());
    }
}
