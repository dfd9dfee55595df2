package dev.claimcheck.core.suite.tau2;

import static dev.claimcheck.core.cli.AuditRunner.audit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.cli.AuditRunner;
import dev.claimcheck.core.grade.tau2.Tau2Detail;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.stats.RunMetrics;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.suite.SuiteRegistry;
import dev.claimcheck.core.verify.RecordedAnswerRegrader;
import dev.claimcheck.core.verify.Verifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * τ²-bench's directory results format (results.json with a simulation_index, simulations/&lt;id&gt;.json), imported as
 * the monolithic file is: the fixture suites/tau2/results-dir (the monolithic fixture's run, saved as upstream's
 * {@code Results.save(format="dir")} lays it out) re-scores to its own pass^k and hashes each file it read; a partial
 * or malformed folder is refused with every problem counted and named; a simulation too large for a journal line is
 * refused with its size.
 */
class Tau2RunDirectoryTest {
    static final Path RUN = Tau2SuiteTest.FIXTURE.resolve("results-dir/airline-run");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    AuditRunner.Result importing(Path results) {
        return audit("tau2", "--data", Tau2SuiteTest.DATA.toString(), "--domain", "airline", "--import-results", results.toString(),
                "--base-url", "sim", "--model", "acme/agent-1", "--root", root.toString(), "--k", "2");
    }

    /** A copy of the fixture run under the temp root, for editing. */
    Path copy() throws Exception {
        Path out = root.resolve("airline-run");
        Files.createDirectories(out.resolve("simulations"));
        try (Stream<Path> files = Files.walk(RUN)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, out.resolve(RUN.relativize(f).toString()));
            }
        }
        return out;
    }

    static void edit(Path json, Consumer<ObjectNode> change) throws Exception {
        ObjectNode doc = (ObjectNode) JSON.readTree(json.toFile());
        change.accept(doc);
        JSON.writerWithDefaultPrettyPrinter().writeValue(json.toFile(), doc);
    }

    void expectRefusal(Path run, String... messages) {
        var r = importing(run);
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).contains(messages);
    }

    /** The combined hash as documented: SHA-256 of "sha256  path" lines, results.json first, then simulations/ by name. */
    static String combinedHash(Path run) throws Exception {
        StringBuilder lines = new StringBuilder(PromptHash.sha256Hex(Files.readAllBytes(run.resolve("results.json"))) + "  results.json\n");
        try (Stream<Path> sims = Files.list(run.resolve("simulations"))) {
            for (Path f : sims.sorted().toList()) {
                lines.append(PromptHash.sha256Hex(Files.readAllBytes(f))).append("  simulations/").append(f.getFileName()).append('\n');
            }
        }
        return PromptHash.sha256Hex(lines.toString());
    }

    @Test
    void anUntouchedRunFolderReScoresToItsOwnPassHatKWithEachFileHashed() throws Exception {
        var r = importing(RUN);
        assertThat(r.exitCode()).as(r.err()).isZero();
        Tau2Metrics t = r.manifest().metrics().get(Tau2Figures.BLOCK);
        assertThat(t.passHatK().get(0).derived().value()).isEqualTo(0.5).isEqualTo(t.passHatK().get(0).claimed().value());
        assertThat(t.passHatK().get(1).derived().value()).isZero();
        assertThat(t.rewardMismatches()).isZero();
        assertThat(t.checkDisagreements()).isZero();
        assertThat(t.trials()).isEqualTo(6);
        assertThat(t.file()).isEqualTo("airline-run/");
        // What `LC_ALL=C sha256sum results.json simulations/*.json | sha256sum` prints in the folder.
        assertThat(t.sha256()).isEqualTo(combinedHash(RUN)).isEqualTo("44875915f751bb674d1aae5e82e188cc361ee0eb5eff0ca9da3be4a17ac1ddcf");
        assertThat(t.agentModel()).isEqualTo("acme/agent-1");

        List<Sample> samples = Journal.readAll(new RunFolder(r.runDir()));
        assertThat(samples).hasSize(6).allSatisfy(s -> {
            Tau2Detail.Origin o = Tau2Detail.parse(s.verdict().detail()).orElseThrow().origin();
            String id = "sim-" + s.taskId() + "-" + s.attempt();
            assertThat(o.simulationFile()).isEqualTo("simulations/" + id + ".json");
            assertThat(o.simulationSha256()).isEqualTo(PromptHash.sha256Hex(Files.readAllBytes(RUN.resolve(o.simulationFile()))));
        });
        assertThat(new RecordedAnswerRegrader().regrade(r.manifest(), samples, root)).isEmpty();
        assertThat(RunMetrics.of(samples, SuiteRegistry.figures(Workload.TAU2))).isEqualTo(r.manifest().metrics());
    }

    @Test
    void theRunsResultsJsonWithItsSimulationsFolderBesideItIsTheSameRun() {
        Tau2Metrics t = importing(RUN.resolve("results.json")).manifest().metrics().get(Tau2Figures.BLOCK);
        assertThat(t.file()).isEqualTo("airline-run/");
        assertThat(t.trials()).isEqualTo(6);
    }

    @Test
    void anEditedTrajectoryReScoresOtherwiseAndChangesTheHash() throws Exception {
        Path run = copy();
        // Trial 0 of task 0 succeeds by telling the user the refund; the edit removes it from every agent message.
        edit(run.resolve("simulations/sim-0-0.json"), sim -> sim.get("messages").forEach(m -> {
            if (m.path("role").asText().equals("assistant") && m.path("content").isTextual()) {
                ((ObjectNode) m).put("content", m.get("content").asText().replace("1,200", "some").replace("1200", "some"));
            }
        }));
        Tau2Metrics t = importing(run).manifest().metrics().get(Tau2Figures.BLOCK);
        assertThat(t.rewardMismatches()).isEqualTo(1);
        assertThat(t.mismatches()).singleElement().asString().startsWith("0#0: claimed 1.0, re-derived 0.0");
        assertThat(t.sha256()).isEqualTo(combinedHash(run)).isNotEqualTo(combinedHash(RUN));
    }

    @Test
    void aSimulationTheIndexListsWithoutItsFileIsAMissingSimulation() throws Exception {
        Path run = copy();
        Files.delete(run.resolve("simulations/sim-1-1.json"));
        expectRefusal(run, "airline-run/: 1 problem",
                "1 simulation(s) in results.json's simulation_index have no file in simulations/: sim-1-1");
    }

    @Test
    void aFileTheIndexDoesNotListAndASecondCopyOfATrialAreBothNamed() throws Exception {
        Path run = copy();
        Path extra = run.resolve("simulations/sim-0-0-again.json");
        Files.copy(run.resolve("simulations/sim-0-0.json"), extra);
        edit(extra, sim -> sim.put("id", "sim-0-0-again"));
        expectRefusal(run, "airline-run/: 2 problems",
                "1 file(s) in simulations/ are not in results.json's simulation_index: sim-0-0-again.json",
                "simulations/sim-0-0.json: task 0 trial 0 appears twice (also simulations/sim-0-0-again.json)");
    }

    @Test
    void aFileThatDoesNotParseOneNamedAfterAnotherIdAndAWritersTemporaryFileAreCountedTogether() throws Exception {
        Path run = copy();
        Files.writeString(run.resolve("simulations/sim-2-1.json"), "{\"id\": \"sim-2-1\",,}");
        edit(run.resolve("simulations/sim-2-0.json"), sim -> sim.put("id", "sim-9-9"));
        Files.writeString(run.resolve("simulations/.sim_k3j2.json"), "{");
        expectRefusal(run, "airline-run/: 3 problems",
                "simulations/sim-2-1.json:1: not valid JSON",
                "simulations/sim-2-0.json: id is sim-9-9; upstream names each file after its simulation's id",
                "simulations/.sim_k3j2.json: a temporary file a τ²-bench writer left");
    }

    @Test
    void anIndexEntryThatSaysOtherwiseThanItsFileIsRefused() throws Exception {
        Path run = copy();
        edit(run.resolve("results.json"), doc -> ((ObjectNode) doc.get("simulation_index").get(1)).put("reward", 1.0));
        expectRefusal(run, "results.json: simulation_index[1].reward is 1.0, simulations/sim-0-1.json says 0.0");
    }

    @Test
    void anIndexListingASimulationTwiceIsRefused() throws Exception {
        Path run = copy();
        edit(run.resolve("results.json"), doc -> {
            ArrayNode index = (ArrayNode) doc.get("simulation_index");
            index.add(index.get(0).deepCopy());
        });
        expectRefusal(run, "results.json: simulation_index[6]: simulation sim-0-0 is listed twice (also simulation_index[0])");
    }

    @Test
    void aResultsJsonHoldingSimulationsBesideASimulationsFolderIsAmbiguous() throws Exception {
        Path run = copy();
        ObjectNode sim = (ObjectNode) JSON.readTree(run.resolve("simulations/sim-0-0.json").toFile());
        edit(run.resolve("results.json"), doc -> doc.putArray("simulations").add(sim));
        expectRefusal(run, "results.json holds simulations itself and a simulations/ folder is beside it");
    }

    @Test
    void aFolderWithoutResultsJsonOrSimulationsIsRefused() throws Exception {
        Path run = copy();
        Files.delete(run.resolve("results.json"));
        expectRefusal(run, "airline-run/: no results.json");
        Path empty = Files.createDirectories(root.resolve("empty-run"));
        Files.copy(RUN.resolve("results.json"), empty.resolve("results.json"));
        expectRefusal(empty, "empty-run/: no simulations/ folder beside results.json");
    }

    @Test
    void aSimulationTooLargeForAJournalLineIsRefusedWithItsSize() throws Exception {
        Path run = copy();
        String huge = "x".repeat(Tau2Results.SIMULATION_BYTES);
        edit(run.resolve("simulations/sim-1-0.json"), sim -> ((ObjectNode) sim.get("messages").get(0)).put("content", huge));
        expectRefusal(run, "airline-run/: 1 problem", "simulations/sim-1-0.json: task 1 trial 0 is 15.0 MiB as a journal string, "
                + "more than the 15 MiB a simulation may take of a journal line (verify reads at most 16 MiB a line)");
    }

    @Test
    void theJournalBudgetIsVerifysLineLimitAndCountsEscapes() {
        assertThat(Tau2Results.JOURNAL_LINE_BYTES).isEqualTo(Verifier.MAX_LINE_BYTES);
        assertThat(Tau2Results.journalBytes("ab")).isEqualTo(4);
        assertThat(Tau2Results.journalBytes("\"\\\n")).isEqualTo(8);
        assertThat(Tau2Results.journalBytes("\u0001")).isEqualTo(8);
        assertThat(Tau2Results.journalBytes("航")).isEqualTo(5);
        assertThat(Tau2Results.journalBytes("😀")).isEqualTo(6);
    }
}
