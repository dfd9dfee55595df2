package dev.claimcheck.core.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.cli.AuditRunner;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.provenance.Manifest;
import dev.claimcheck.core.provenance.Signer;
import dev.claimcheck.core.store.Json;
import dev.claimcheck.core.verify.Evidence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every Eval Ever export (docs/exports.md): for a run of each kind of workload (shared figures only, a block of
 * figure rows, multi-turn agent episodes) the aggregate record and every instance row validate against the test
 * copies of the published schemas, carry the run's own numbers, and say "simulated" where a reader looks.
 */
class EeeExportTest {
    @TempDir
    static Path root;
    static Path arith;
    static Path docs;
    static Path agent;
    static Path key;

    @BeforeAll
    static void simulatedRuns() throws Exception {
        Evidence.requireSshKeygen();
        arith = Evidence.simRun(root);
        docs = AuditRunner.audit("docs", "--base-url", "sim:accuracy=0.8", "--per-kind", "2", "--root", root.toString()).runDir();
        agent = AuditRunner.audit("agent", "--base-url", "sim:accuracy=0.7", "--k", "2", "--root", root.toString()).runDir();
        key = Evidence.keygen(Files.createDirectories(root.resolve("keys")), "alice", "alice@example.org");
        Signer.sign(arith, key, false);
    }

    static Path run(String name) {
        return switch (name) {
            case "arith" -> arith;
            case "docs" -> docs;
            default -> agent;
        };
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"arith", "docs", "agent"})
    void theRecordAndEveryInstanceRowValidateAgainstTheSchemas(String suite, @TempDir Path out) throws Exception {
        EeeExport.Written w = EeeExport.write(ExportedRun.read(run(suite)), out, Instant.parse("2026-12-01T00:00:00Z"));

        assertThat(ExportSchemas.errors(ExportSchemas.EEE_AGGREGATE, Files.readString(w.aggregate()))).isEmpty();
        List<String> rows = Files.readAllLines(w.instances());
        assertThat(rows).hasSize((int) AuditRunner.journalLines(run(suite)));
        for (String row : rows) {
            assertThat(ExportSchemas.errors(ExportSchemas.EEE_INSTANCE, row)).as(row).isEmpty();
        }
        JsonNode record = Json.mapper().readTree(w.aggregate().toFile());
        assertThat(record.path("detailed_evaluation_results").path("checksum").asText()).isEqualTo(Manifest.sha256(w.instances()));
        assertThat(record.path("detailed_evaluation_results").path("total_rows").asInt()).isEqualTo(rows.size());
        assertThat(record.path("retrieved_timestamp").asText()).isEqualTo(Long.toString(Instant.parse("2026-12-01T00:00:00Z").getEpochSecond()));
    }

    @Test
    void theScoreIntervalGenerationSettingsAndDatasetAreTheRunsOwn(@TempDir Path out) throws Exception {
        ExportedRun run = ExportedRun.read(arith);
        RunManifest m = run.manifest();
        JsonNode record = Json.mapper().readTree(EeeExport.write(run, out, Instant.EPOCH).aggregate().toFile());

        assertThat(record.path("source_metadata").path("evaluator_relationship").asText()).isEqualTo("third_party");
        JsonNode result = record.path("evaluation_results").get(0);
        assertThat(result.path("score_details").path("score").asDouble()).isEqualTo(m.metrics().score());
        JsonNode ci = result.path("score_details").path("uncertainty").path("confidence_interval");
        assertThat(ci.path("lower").asDouble()).isEqualTo(m.metrics().ci95Low());
        assertThat(ci.path("upper").asDouble()).isEqualTo(m.metrics().ci95High());
        assertThat(ci.path("confidence_level").asDouble()).isEqualTo(0.95);
        assertThat(result.path("source_data").path("additional_details").path("sha256").asText()).isEqualTo(m.suite().dataset().sha256());
        assertThat(result.path("generation_config").path("generation_args").path("max_tokens").asInt())
                .isEqualTo(m.request().template().path("max_tokens").asInt());
        assertThat(result.path("generation_config").path("additional_details").path("k").asText()).isEqualTo("2");
        assertThat(record.path("model_info").path("id").asText()).isEqualTo(m.model().id());
        assertThat(record.path("model_info").path("inference_engine").path("name").asText()).isEqualTo(m.endpoint().engine());
        String fingerprint = Evidence.exec(root, Evidence.KEYGEN, "-l", "-f", key + ".pub").split(" ")[1];
        assertThat(record.path("source_metadata").path("additional_details").path("manifest_signature_fingerprint").asText())
                .isEqualTo(fingerprint);
        assertThat(out.relativize(EeeExport.write(run, out, Instant.EPOCH).aggregate()).toString())
                .isEqualTo("data/arith/unknown/sim/" + m.runId() + ".json");
    }

    @Test
    void theWorkloadsFigureRowsTravelWithTheScore(@TempDir Path out) throws Exception {
        ExportedRun run = ExportedRun.read(docs);
        assertThat(run.rows()).isNotEmpty();
        JsonNode details = Json.mapper().readTree(EeeExport.write(run, out, Instant.EPOCH).aggregate().toFile())
                .path("evaluation_results").get(0).path("score_details").path("details");

        run.rows().forEach(row -> assertThat(details.path(row.name()).asText()).as(row.name()).isEqualTo(String.valueOf(row.value())));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"arith", "docs", "agent"})
    void aSimulatedRunSaysSoInTheRecordAndInEveryRow(String suite, @TempDir Path out) throws Exception {
        EeeExport.Written w = EeeExport.write(ExportedRun.read(run(suite)), out, Instant.EPOCH);
        JsonNode record = Json.mapper().readTree(w.aggregate().toFile());

        assertThat(record.path("source_metadata").path("additional_details").path("simulated").asText()).isEqualTo("true");
        assertThat(record.path("source_metadata").path("source_name").asText()).contains("SIMULATED");
        assertThat(record.path("eval_library").path("additional_details").path("simulated").asText()).isEqualTo("true");
        JsonNode result = record.path("evaluation_results").get(0);
        assertThat(result.path("evaluation_name").asText()).contains("SIMULATED");
        assertThat(result.path("score_details").path("details").path("simulated").asText()).isEqualTo("true");
        for (String line : Files.readAllLines(w.instances())) {
            JsonNode row = Json.mapper().readTree(line);
            assertThat(row.path("metadata").path("simulated").asText()).isEqualTo("true");
            assertThat(row.path("evaluation_name").asText()).contains("SIMULATED");
        }
    }

    @Test
    void agentEpisodesAreAgenticRowsWithTheirMessagesAndToolCalls(@TempDir Path out) throws Exception {
        EeeExport.Written w = EeeExport.write(ExportedRun.read(agent), out, Instant.EPOCH);
        JsonNode row = Json.mapper().readTree(Files.readAllLines(w.instances()).get(0));

        assertThat(row.path("interaction_type").asText()).isEqualTo("agentic");
        assertThat(row.path("output").isNull()).isTrue();
        assertThat(row.path("messages").size()).isGreaterThan(1);
        assertThat(row.path("evaluation").path("num_turns").asInt()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aRunThatIsNotCompleteIsRefused(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve(arith.getFileName());
        Evidence.copyTree(arith, copy);
        var json = Evidence.runJson(copy);
        json.put("status", "running");
        Evidence.writeRunJson(copy, json);

        assertThatThrownBy(() -> ExportedRun.read(copy)).isInstanceOf(BadInputException.class).hasMessageContaining("not complete");
    }
}
