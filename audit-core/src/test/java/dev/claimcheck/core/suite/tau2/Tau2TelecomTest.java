package dev.claimcheck.core.suite.tau2;

import static dev.claimcheck.core.cli.AuditRunner.audit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.cli.AuditRunner;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.suite.tau2.telecom.TelecomDomain;
import dev.claimcheck.core.verify.RecordedAnswerRegrader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Native runs of the telecom fixture (suites/tau2/upstream/domains/telecom, our own: two customers, a suspended line,
 * and three tasks whose phone is set up by initialization actions: airplane mode on, a suspended line, roaming off
 * abroad) on the built-in port, the simulator scripted as agent and as the user acting on its phone; the reward counts
 * the DB check and the environment assertions.
 */
class Tau2TelecomTest {
    static final Path DATA = Tau2PortedDomainsTest.DATA;
    static final String AIRPLANE = "[service_issue]airplane_mode_on";
    static final String SUSPENDED = "[service_issue]line_suspended";
    static final String ROAMING = "[mobile_data_issue]roaming_abroad";

    @TempDir
    Path root;

    AuditRunner.Result running(String agent, String user) {
        return audit("tau2", "--data", DATA.toString(), "--domain", "telecom", "--user-model", user,
                "--base-url", agent, "--model", "acme/agent-1", "--k", "1", "--root", root.toString(), "--seed", "7");
    }

    static JsonNode simulation(List<Sample> samples, String task) throws Exception {
        return Tau2PortedDomainsTest.simulation(samples, task, 0);
    }

    @Test
    void theReferenceFollowedByAgentAndUserPassesEveryTaskByDatabaseAndEnvironment() throws Exception {
        var r = running("sim:accuracy=1", "sim:accuracy=1=user-sim");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.manifest().suite().options()).containsEntry("--tools", "telecom-port-2@tau2-bench:" + TelecomDomain.UPSTREAM.substring(0, 12));
        Tau2Metrics t = r.manifest().metrics().get(Tau2Figures.BLOCK);
        assertThat(t.trials()).isEqualTo(3);
        assertThat(t.notScorable()).isZero();
        assertThat(t.passHatK().get(0).derived().value()).isEqualTo(1.0);
        assertThat(t.terminations()).isEqualTo(Map.of("user_stop", 3));

        List<Sample> samples = Journal.readAll(new RunFolder(r.runDir()));
        JsonNode airplane = simulation(samples, AIRPLANE);
        assertThat(airplane.at("/reward_info/db_check/db_match").asBoolean()).isTrue();
        assertThat(airplane.at("/reward_info/env_assertions/0/met").asBoolean()).isTrue();
        assertThat(airplane.at("/reward_info/env_assertions/0/env_assertion/func_name").asText()).isEqualTo("assert_service_status");
        // The user's own call is recorded as the user's, its answer the phone's new status bar.
        assertThat(airplane.at("/messages").toString()).contains("\"name\":\"toggle_airplane_mode\"", "\"requestor\":\"user\"",
                "Airplane Mode is now OFF.\\nStatus Bar: 📶³ Good | 4G | 📱 Data Enabled | 🔋 80%");
        assertThat(simulation(samples, SUSPENDED).at("/reward_info/env_assertions")).hasSize(2);
        assertThat(new RecordedAnswerRegrader().regrade(r.manifest(), samples, root)).isEmpty();
    }

    @Test
    void anAgentThatLeavesOutItsLastWriteFailsByTheDatabaseAndThePhoneStaysBroken() throws Exception {
        var r = running("sim:accuracy=0", "sim:accuracy=1=user-sim");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<Sample> samples = Journal.readAll(new RunFolder(r.runDir()));
        for (String task : List.of(SUSPENDED, ROAMING)) {
            JsonNode sim = simulation(samples, task);
            assertThat(sim.at("/reward_info/db_check/db_match").asBoolean()).as(task).isFalse();
            assertThat(sim.at("/reward_info/env_assertions").findValues("met")).as(task).anyMatch(m -> !m.asBoolean());
            assertThat(sim.at("/reward_info/reward").asDouble()).as(task).isZero();
        }
        // Leaving out the lookup, a read, changes nothing: the airplane task still passes.
        assertThat(simulation(samples, AIRPLANE).at("/reward_info/reward").asDouble()).isEqualTo(1.0);
    }

    @Test
    void aUserThatSkipsItsStepFailsByTheEnvironmentNotJustTheDatabase() {
        Tau2NativeDomain n = Tau2NativeDomain.load(Tau2Domain.load(DATA, "telecom"));
        Tau2Domain.DomainTask task = Tau2Domain.load(DATA, "telecom").task(ROAMING, "task");
        var db = n.initialDb(ROAMING, task);
        n.tools().execute(db, "enable_roaming", Tau2Episode.arguments("{\"customer_id\":\"C1001\",\"line_id\":\"L1001\"}"), Tau2Toolset.AGENT);
        assertThat(n.tools().envAssertions(db, task.envAssertions()).orElseThrow().get(0).get("met").asBoolean()).isFalse();
        n.tools().execute(db, "toggle_roaming", Tau2Episode.arguments("{}"), Tau2Toolset.USER);
        assertThat(n.tools().envAssertions(db, task.envAssertions()).orElseThrow().get(0).get("met").asBoolean()).isTrue();
        assertThat(n.hash(db)).isEqualTo(n.hash(n.expectedDb(ROAMING, task)));
    }

    @Test
    void aTaskWhoseInitializationCallsAnUnportedFunctionIsRefusedBeforeAnyTrial() throws Exception {
        Path copy = Tau2NativeTest.copyWithoutTools(DATA.resolve("domains/telecom"), root.resolve("data/domains/telecom"));
        Files.writeString(copy.resolve("tasks.json"), Files.readString(copy.resolve("tasks.json"))
                .replace("\"turn_airplane_mode_on\"", "\"lock_sim_card\""));
        assertThatThrownBy(() -> Tau2NativeDomain.load(Tau2Domain.load(root.resolve("data"), "telecom")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("1 of 3 tasks cannot be set up by telecom-port-2@tau2-bench:",
                        "task " + AIRPLANE + ".initial_state.initialization_actions[1]: unknown environment function user.lock_sim_card",
                        "only the tasks it can set up (2: " + SUSPENDED + ", " + ROAMING + ")", "--skip-unsupported");
    }

    @Test
    void skipUnsupportedRunsTheRestAndListsEachTaskLeftOutWithItsMissingFunction() throws Exception {
        Path copy = Tau2NativeTest.copyWithoutTools(DATA.resolve("domains/telecom"), root.resolve("data/domains/telecom"));
        Files.writeString(copy.resolve("tasks.json"), Files.readString(copy.resolve("tasks.json"))
                .replace("\"turn_airplane_mode_on\"", "\"lock_sim_card\""));
        var r = audit("tau2", "--data", root.resolve("data").toString(), "--domain", "telecom", "--user-model",
                "sim:accuracy=1=user-sim", "--base-url", "sim:accuracy=1", "--model", "acme/agent-1", "--k", "1",
                "--root", root.resolve("runs").toString(), "--seed", "7", "--skip-unsupported");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Tau2Metrics t = r.manifest().metrics().get(Tau2Figures.BLOCK);
        assertThat(t.notRun()).containsExactly(AIRPLANE + ": user.lock_sim_card");
        assertThat(t.trials()).isEqualTo(2);
        assertThat(r.manifest().metrics().tasks()).isEqualTo(2);
        assertThat(t.passHatK().get(0).derived().value()).isEqualTo(1.0);
        assertThat(r.manifest().suite().options()).containsEntry("--skip-unsupported", "true");
        assertThat(Tau2Figures.INSTANCE.rows(r.manifest().metrics())).anyMatch(row -> row.toString().contains("tau2.notRun"));
        List<Sample> samples = Journal.readAll(new RunFolder(r.runDir()));
        assertThat(samples).noneMatch(s -> s.taskId().equals(AIRPLANE));
        assertThat(new RecordedAnswerRegrader().regrade(r.manifest(), samples, root.resolve("runs"))).isEmpty();
        // The claim side (settingsDiffer, never consistent): ClaimVerdictsTest.
    }
}
