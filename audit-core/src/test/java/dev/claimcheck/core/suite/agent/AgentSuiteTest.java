package dev.claimcheck.core.suite.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.model.Task;
import dev.claimcheck.core.model.ToolCall;
import dev.claimcheck.core.sim.OracleEntry;
import dev.claimcheck.core.store.Json;
import dev.claimcheck.core.suite.SuiteContext;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AgentSuiteTest {
    final AgentSuite suite = new AgentSuite();

    static SuiteContext context(long seed, String faults) {
        AgentOptions o = new AgentOptions();
        o.faults = faults;
        return new SuiteContext(seed, o, Path.of("."));
    }

    @Test
    void faultsNoneGivesEveryTaskNoFaultAndTheClearInstruction() {
        for (Task t : suite.tasks(context(0, "none"))) {
            assertThat(t.meta()).containsEntry("fault", "none");
            assertThat(t.messages().get(1).content()).isEqualTo(AgentTasks.byId(t.id()).instruction());
        }
    }

    @Test
    void aFaultListLimitsTheFaultsAndTheSeedPicksAmongThem() {
        var tasks = suite.tasks(context(3, "staleFile,checkpoint"));
        assertThat(tasks.stream().map(t -> t.meta().get("fault")).distinct()).containsExactlyInAnyOrder("staleFile", "checkpoint", "none");
        assertThat(suite.prepare(context(3, "all")).dataset().sha256()).isNotEqualTo(suite.prepare(context(4, "all")).dataset().sha256());
        assertThat(suite.tasks(context(3, "all"))).isEqualTo(suite.tasks(context(3, "all")));
    }

    @Test
    void badOptionsAreOneLineErrors() {
        assertThatThrownBy(() -> suite.tasks(context(0, "toolError,flood"))).isInstanceOf(BadInputException.class)
                .hasMessage("unknown fault 'flood' (known: toolError, staleFile, ambiguity, checkpoint)");
        AgentOptions o = new AgentOptions();
        o.maxSteps = 0;
        assertThatThrownBy(() -> suite.tasks(new SuiteContext(0, o, Path.of(".")))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("--max-steps");
    }

    @Test
    void theOracleEntryHoldsTheFaultAwareReferenceAndAMistake() {
        Task t = suite.tasks(context(0, "toolError")).stream().filter(x -> x.id().equals("orders-cancel-2")).findFirst().orElseThrow();
        var entry = (OracleEntry.AgentScript) suite.oracleEntry(t, context(0, "toolError")).orElseThrow();
        // The reference reads the transient error and retries the cancellation; the mistake does not.
        assertThat(entry.reference()).extracting(ToolCall::name).containsExactly("read_policy", "get_order", "cancel_order", "cancel_order");
        assertThat(entry.mistake()).extracting(ToolCall::name).containsExactly("read_policy", "get_order", "cancel_order");
    }

    @Test
    void theTasksAndReferenceScriptsAreByteStable() throws Exception {
        // Golden file: a changed task, world or fault rule must bump AgentTasks.VERSION.
        StringBuilder actual = new StringBuilder();
        SuiteContext c = context(0, "all");
        for (Task t : suite.tasks(c)) {
            ObjectNode line = Json.mapper().createObjectNode().put("taskId", t.id()).put("fault", t.meta().get("fault"))
                    .put("instruction", t.messages().get(1).content());
            var entry = (OracleEntry.AgentScript) suite.oracleEntry(t, c).orElseThrow();
            line.set("reference", Json.mapper().valueToTree(entry.reference()));
            actual.append(Json.mapper().writeValueAsString(line)).append('\n');
        }
        Path golden = Path.of("src/test/resources/suites/agent/seed0-faults-all.jsonl");
        if (Boolean.getBoolean("claimcheck.regenerateFixtures")) {
            Files.writeString(golden, actual);
        }
        assertThat(actual.toString()).isEqualTo(Files.readString(golden));
        assertThat(AgentTasks.VERSION).isEqualTo("1");
    }
}
