package dev.claimcheck.core.suite.tau2;

import static dev.claimcheck.core.cli.AuditRunner.audit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.cli.AuditRunner;
import dev.claimcheck.core.grade.tau2.Tau2Detail;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.suite.tau2.port.ToolResult;
import dev.claimcheck.core.verify.RecordedAnswerRegrader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * User-side tools ({@code "side": "user"} in tools.json) on the fixture suites/tau2/usertools (a telecom-shaped domain
 * whose user checks the phone's status bar and turns airplane mode off): shown to the user simulator only, run on the
 * trial's database, recorded as τ²-bench records them; and the user simulator's tokens apart from the agent's.
 */
class Tau2UserToolsTest {
    static final Path DATA = Path.of("src/test/resources/suites/tau2/usertools");

    @TempDir
    Path root;

    AuditRunner.Result running(String agent) {
        return audit(new ArrayList<>(List.of("tau2", "--data", DATA.toString(), "--domain", "telecom", "--user-model",
                "sim:accuracy=1=user-sim", "--base-url", agent, "--model", "acme/agent-1", "--k", "2", "--root", root.toString(),
                "--seed", "7")).toArray(String[]::new));
    }

    @Test
    void theUsersOwnCallsRunOnTheTrialsDatabaseAndAreRecordedAsTau2RecordsThem() throws Exception {
        var r = running("sim:accuracy=1");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Tau2Metrics t = r.manifest().metrics().get(Tau2Figures.BLOCK);
        assertThat(t.passHatK().get(0).derived().value()).isEqualTo(1.0);
        List<Sample> samples = Journal.readAll(new RunFolder(r.runDir()));
        Sample roaming = Tau2NativeTest.sample(samples, "0", 0);
        JsonNode sim = Tau2NativeTest.simulation(roaming);
        assertThat(sim.at("/reward_info/db_check/db_match").asBoolean()).as("airplane mode off and roaming on").isTrue();
        List<String> shape = new ArrayList<>();
        for (JsonNode m : sim.get("messages")) {
            String calls = m.has("tool_calls") ? " calls " + m.at("/tool_calls/0/name").asText() + " for " + m.at("/tool_calls/0/requestor").asText() : "";
            shape.add(m.get("role").asText() + calls + (m.has("requestor") ? " answering " + m.get("requestor").asText() : ""));
        }
        assertThat(shape).containsExactly("user", "assistant calls enable_roaming for assistant", "tool answering assistant",
                "assistant", "user calls check_status_bar for user", "tool answering user",
                "user calls toggle_airplane_mode for user", "tool answering user", "user");
        assertThat(sim.at("/messages/5/content").asText()).contains("airplane mode on, no signal");
        // The agent is never shown the user's tools, nor the user's calls.
        assertThat(roaming.request().get("tools").findValuesAsText("name")).containsExactly("get_line_details", "enable_roaming");
        assertThat(roaming.transcript().stream().filter(m -> m.role().equals("user")).count()).isEqualTo(4);
        assertThat(Tau2Episode.agentView(roaming.transcript()).stream().map(m -> m.role()).toList())
                .containsExactly("user", "assistant", "tool", "assistant", "user");
        assertThat(new RecordedAnswerRegrader().regrade(r.manifest(), samples, root)).isEmpty();
    }

    @Test
    void anAgentThatLeavesOutItsActionFailsByTheDatabase() throws Exception {
        var r = running("sim:accuracy=0");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<Sample> samples = Journal.readAll(new RunFolder(r.runDir()));
        JsonNode sim = Tau2NativeTest.simulation(Tau2NativeTest.sample(samples, "0", 1));
        assertThat(sim.at("/reward_info/db_check/db_match").asBoolean()).isFalse();
        assertThat(r.manifest().metrics().get(Tau2Figures.BLOCK).passHatK().get(0).derived().value()).isZero();
    }

    @Test
    void theUserSimulatorsTokensAreCountedApartFromTheAgents() throws Exception {
        var r = running("sim:accuracy=1");
        Tau2Metrics t = r.manifest().metrics().get(Tau2Figures.BLOCK);
        List<Sample> samples = Journal.readAll(new RunFolder(r.runDir()));
        long userMessages = 0;
        long userCompletion = 0;
        long agentCompletion = 0;
        for (Sample s : samples) {
            for (JsonNode m : Tau2NativeTest.simulation(s).get("messages")) {
                if (m.get("role").asText().equals("user")) {
                    userMessages++;
                    userCompletion += m.at("/usage/completion_tokens").asLong();
                }
            }
            agentCompletion += s.usage().completionTokens();
            assertThat(Tau2Detail.parse(s.verdict().detail()).orElseThrow().userSimulatorTokens()).isNotNull();
        }
        assertThat(t.userSimulatorTokens().requests()).isEqualTo(userMessages);
        assertThat(t.userSimulatorTokens().completion()).isEqualTo(userCompletion).isPositive();
        // The run's own token figures are the agent's alone.
        assertThat(r.manifest().metrics().outputTokens().mean())
                .isCloseTo((double) agentCompletion / samples.size(), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void anAgentCallingAUserToolIsToldItDoesNotHaveIt() {
        Tau2Toolset tools = Tau2NativeDomain.load(Tau2Domain.load(DATA, "telecom")).tools();
        var db = Tau2NativeDomain.load(Tau2Domain.load(DATA, "telecom")).db().deepCopy();
        ToolResult r = tools.execute(db, "toggle_airplane_mode", Tau2Episode.arguments("{\"on\":false}"), Tau2Toolset.AGENT);
        assertThat(r).isEqualTo(new ToolResult("Error: unknown tool toggle_airplane_mode", true));
        assertThat(db.at("/device/airplane_mode").asBoolean()).isTrue();
        assertThat(tools.execute(db, "toggle_airplane_mode", Tau2Episode.arguments("{\"on\":false}"), Tau2Toolset.USER).error()).isFalse();
        assertThat(db.at("/device/airplane_mode").asBoolean()).isFalse();
        assertThat(Map.of("tools", tools.schemas(Tau2Toolset.USER).size())).isEqualTo(Map.of("tools", 2));
    }

    @Test
    void aToolOfNeitherSideIsRefusedNamingTheField() {
        var e = org.assertj.core.api.Assertions.catchThrowable(() -> Tau2Tools.parse("{\"tools\": [{\"name\": \"x\", "
                + "\"op\": \"read\", \"path\": \"device\", \"side\": \"both\"}]}", "tools.json"));
        assertThat(e).isInstanceOf(dev.claimcheck.core.BadInputException.class)
                .hasMessage("tools.json: tools[0].side: 'both' is neither assistant nor user");
    }
}
