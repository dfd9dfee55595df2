package dev.claimcheck.core.suite.tau2;

import static dev.claimcheck.core.cli.AuditRunner.audit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.cli.AuditRunner;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.suite.tau2.airline.AirlineDomain;
import dev.claimcheck.core.suite.tau2.port.ToolResult;
import dev.claimcheck.core.verify.RecordedAnswerRegrader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Native runs of domains in upstream's layout with no tools.json (suites/tau2/upstream, our own fixtures: airline with
 * two users, three flights, two reservations, and a cancellation, a booking, a bag plus cabin change; retail with two
 * products, two users, three orders, and a cancellation, an exchange, an item plus address change), on the built-in
 * ports, the simulator scripted as agent and user.
 */
class Tau2PortedDomainsTest {
    static final Path DATA = Path.of("src/test/resources/suites/tau2/upstream");
    static final ObjectMapper JSON = Tau2NativeTest.JSON;

    @TempDir
    Path root;

    AuditRunner.Result running(Path data, String agent, int k) {
        return running(data, "airline", agent, k);
    }

    AuditRunner.Result running(Path data, String domain, String agent, int k) {
        return audit("tau2", "--data", data.toString(), "--domain", domain, "--user-model", "sim:accuracy=1=user-sim",
                "--base-url", agent, "--model", "acme/agent-1", "--k", String.valueOf(k), "--root", root.toString(), "--seed", "7");
    }

    static JsonNode simulation(List<Sample> samples, String task, int attempt) throws Exception {
        return Tau2NativeTest.simulation(Tau2NativeTest.sample(samples, task, attempt));
    }

    @Test
    void theReferenceFollowedOnThePortPassesEveryTaskAndTheRunRecordsThePortItRanOn() throws Exception {
        var r = running(DATA, "sim:accuracy=1", 2);
        assertThat(r.exitCode()).as(r.err()).isZero();
        String port = "airline-port-1@tau2-bench:" + AirlineDomain.UPSTREAM.substring(0, 12);
        assertThat(r.manifest().suite().options()).containsEntry("--tools", port);
        Tau2Metrics t = r.manifest().metrics().get(Tau2Figures.BLOCK);
        assertThat(t.trials()).isEqualTo(6);
        assertThat(t.notScorable()).isZero();
        assertThat(t.passHatK().get(0).derived().value()).isEqualTo(1.0);
        assertThat(t.passHatK().get(1).derived().value()).isEqualTo(1.0);
        assertThat(t.terminations()).isEqualTo(Map.of("user_stop", 6));

        List<Sample> samples = Journal.readAll(new RunFolder(r.runDir()));
        JsonNode booking = simulation(samples, "1", 0);
        assertThat(booking.at("/info/tools").asText()).isEqualTo(port);
        assertThat(booking.at("/reward_info/db_check/db_match").asBoolean()).isTrue();
        // The booking's tool answer is the new reservation under upstream's first fixed id, its price paid in full.
        JsonNode answer = JSON.readTree(booking.at("/messages").findValues("content").stream()
                .map(JsonNode::asText).filter(c -> c.contains("\"reservation_id\":\"HATHAT\"")).findFirst().orElseThrow());
        assertThat(answer.get("payment_history").toString())
                .isEqualTo("[{\"payment_id\":\"certificate_2002\",\"amount\":100},{\"payment_id\":\"credit_card_2001\",\"amount\":290}]");
        assertThat(new RecordedAnswerRegrader().regrade(r.manifest(), samples, root)).isEmpty();
    }

    @Test
    void anAgentThatLeavesOutTheLastWriteFailsEveryTaskByTheDatabase() throws Exception {
        var r = running(DATA, "sim:accuracy=0", 1);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.manifest().metrics().get(Tau2Figures.BLOCK).passHatK().get(0).derived().value()).isZero();
        List<Sample> samples = Journal.readAll(new RunFolder(r.runDir()));
        for (String task : List.of("0", "1", "2")) {
            assertThat(simulation(samples, task, 0).at("/reward_info/db_check/db_match").asBoolean()).as("task " + task).isFalse();
        }
    }

    @Test
    void retailRunsOnItsPortTooAndALeftOutWriteFailsByTheDatabase() throws Exception {
        var r = running(DATA, "retail", "sim:accuracy=1", 1);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.manifest().suite().options()).containsEntry("--tools", "retail-port-1@tau2-bench:2b80cb1fbdbb");
        assertThat(r.manifest().metrics().get(Tau2Figures.BLOCK).passHatK().get(0).derived().value()).isEqualTo(1.0);
        List<Sample> samples = Journal.readAll(new RunFolder(r.runDir()));
        assertThat(simulation(samples, "1", 0).at("/messages").toString()).contains("exchange requested");

        var wrong = running(DATA, "retail", "sim:accuracy=0", 1);
        assertThat(wrong.exitCode()).as(wrong.err()).isZero();
        assertThat(wrong.manifest().metrics().get(Tau2Figures.BLOCK).passHatK().get(0).derived().value()).isZero();
    }

    @Test
    void aRunRecordedWithOtherToolsIsNotResumedOnThese() {
        var r = audit("tau2", "--data", DATA.toString(), "--domain", "airline", "--user-model", "sim:accuracy=1=user-sim",
                "--tools", "airline-port-0@tau2-bench:000000000000", "--base-url", "sim:accuracy=1", "--model", "acme/agent-1",
                "--k", "1", "--root", root.toString(), "--seed", "7");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("--tools airline-port-0@tau2-bench:000000000000", "now runs with airline-port-1@tau2-bench:",
                "resumed only with the tools it started with").doesNotContain("Exception");
    }

    @Test
    void aToolsJsonBesideTheTasksIsPreferredToThePort() throws Exception {
        Path copy = Tau2NativeTest.copyWithoutTools(DATA.resolve("domains/airline"), root.resolve("data/domains/airline"));
        Files.writeString(copy.resolve("tools.json"), "{\"tools\":[{\"name\":\"get_user_details\",\"op\":\"read\","
                + "\"path\":\"users/{user_id}\",\"parameters\":{\"type\":\"object\",\"properties\":{\"user_id\":{\"type\":\"string\"}}}}]}");
        Tau2Domain d = Tau2Domain.load(root.resolve("data"), "airline");
        Tau2NativeDomain n = Tau2NativeDomain.load(d);
        assertThat(n.tools()).isInstanceOf(Tau2Tools.class);
        assertThat(n.tools().recorded()).startsWith("tools.json@sha256:");
        Files.delete(copy.resolve("tools.json"));
        assertThat(Tau2NativeDomain.load(d).tools()).isInstanceOf(PortedToolset.class);
    }

    @Test
    void theAgentIsShownUpstreamsFourteenToolsAndTheHashFollowsWhatItIsShown() {
        PortedToolset airline = PortedToolset.forDomain("airline").orElseThrow();
        assertThat(airline.schemas(Tau2Toolset.AGENT)).extracting(s -> s.at("/function/name").asText()).containsExactly(
                "book_reservation", "calculate", "cancel_reservation", "get_flight_status", "get_reservation_details",
                "get_user_details", "list_all_airports", "search_direct_flight", "search_onestop_flight", "send_certificate",
                "transfer_to_human_agents", "update_reservation_baggages", "update_reservation_flights",
                "update_reservation_passengers");
        ObjectNode book = airline.schemas(Tau2Toolset.AGENT).get(0);
        assertThat(book.at("/function/parameters/required")).hasSize(11);
        assertThat(book.at("/function/parameters/properties/cabin/enum").toString())
                .isEqualTo("[\"business\",\"economy\",\"basic_economy\"]");
        assertThat(airline.sha256()).isEqualTo(PortedToolset.forDomain("airline").orElseThrow().sha256()).hasSize(64);
        assertThat(PortedToolset.forDomain("retail").orElseThrow().schemas(Tau2Toolset.AGENT)).hasSize(16);
        assertThat(PortedToolset.domains()).containsExactly("airline", "retail", "telecom");
    }

    @Test
    void airlineGivesTheUserNoToolsAndRefusesTheUsersCalls() {
        PortedToolset airline = PortedToolset.forDomain("airline").orElseThrow();
        ObjectNode db = Tau2NativeDomain.load(Tau2Domain.load(DATA, "airline")).db().deepCopy();
        String before = db.toString();
        assertThat(airline.schemas(Tau2Toolset.USER)).isEmpty();
        assertThat(airline.execute(db, "cancel_reservation", Tau2Episode.arguments("{\"reservation_id\":\"R1A2B3\"}"),
                Tau2Toolset.USER)).isEqualTo(new ToolResult("Error: Tool 'cancel_reservation' not found.", true));
        assertThat(db.toString()).isEqualTo(before);
    }
}
