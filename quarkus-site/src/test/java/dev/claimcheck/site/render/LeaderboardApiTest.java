package dev.claimcheck.site.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.store.Json;
import dev.claimcheck.site.SampleRoot;
import dev.claimcheck.site.SiteModel;
import dev.claimcheck.site.leaderboard.LeaderboardRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The agent figures in {@code /api/leaderboard.json} and {@code .csv}: optional fields and trailing columns. */
class LeaderboardApiTest {
    static final SiteModel MODEL = SampleRoot.model();

    static LeaderboardRow agentRow() {
        return MODEL.rows().stream().filter(r -> r.workload().equals("agent")).findFirst().orElseThrow();
    }

    @Test
    void agentRowsCarryPassHatKAndByFaultAsInRunJsonAndOtherRowsOmitThem() throws Exception {
        JsonNode rows = Json.mapper().readTree(SafeJson.write(MODEL.leaderboardJson())).get("rows");
        List<JsonNode> agent = new ArrayList<>();
        List<JsonNode> others = new ArrayList<>();
        rows.forEach(r -> (r.get("workload").asText().equals("agent") ? agent : others).add(r));

        assertThat(agent).singleElement().satisfies(r -> {
            JsonNode run = Json.mapper().readTree(Files.readString(runJson(r.get("runId").asText()))).get("metrics");
            assertThat(r.get("passHatK")).isEqualTo(run.get("passHatK"));
            assertThat(r.get("byFault")).isEqualTo(run.get("byFault"));
            assertThat(r.get("passHatK").size()).isGreaterThanOrEqualTo(2);
            assertThat(r.at("/byFault/toolError/success/value").isNumber()).isTrue();
        });
        assertThat(others).isNotEmpty().allSatisfy(r -> assertThat(r.has("passHatK") || r.has("byFault")).isFalse());
    }

    @Test
    void theSchemaNamesEveryWorkloadAndNoOther() throws Exception {
        JsonNode schema = Json.mapper().readTree(Files.readString(Path.of("../docs/schemas/leaderboard-v1.schema.json")));
        List<String> declared = new ArrayList<>();
        schema.at("/$defs/row/properties/workload/enum").forEach(n -> declared.add(n.asText()));
        assertThat(declared).containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(dev.claimcheck.core.model.Workload.values()).map(dev.claimcheck.core.model.Workload::id).toList());
    }

    @Test
    void everyFieldARowWritesIsDeclaredInTheJsonSchema() throws Exception {
        JsonNode schema = Json.mapper().readTree(Files.readString(Path.of("../docs/schemas/leaderboard-v1.schema.json")));
        JsonNode declared = schema.at("/$defs/row/properties");
        JsonNode rows = Json.mapper().readTree(SafeJson.write(MODEL.leaderboardJson())).get("rows");
        for (JsonNode r : rows) {
            for (Iterator<String> it = r.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                assertThat(declared.has(field)).as("%s declared in the schema", field).isTrue();
            }
        }
        JsonNode hatK = schema.at("/$defs/row/properties/passHatK/items/properties");
        agentRow().passHatK().forEach(p -> assertThat(hatK.has("k") && hatK.has("estimate")).isTrue());
        JsonNode fault = schema.at("/$defs/row/properties/byFault/additionalProperties/properties");
        assertThat(fault.fieldNames()).toIterable().containsExactlyInAnyOrder("success", "recoveryRate", "attempts", "injected");
        assertThat(schema.at("/$defs/estimate/properties").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("value", "ci95Low", "ci95High", "tasks");
    }

    @Test
    void theCsvHasTheAgentColumnsAfterTheClaimFilledOnlyForAgentRows() throws Exception {
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(LeaderboardCsv.render(MODEL.rows()))).getRecords();
        assertThat(LeaderboardCsv.HEADER).containsSequence("claimVerdict", "agentK", "passHatK", "passHatKCi95Low",
                "passHatKCi95High", "recoveryToolError", "recoveryStaleFile", "recoveryAmbiguity", "recoveryCheckpoint",
                "meanInputTokens");
        LeaderboardRow agent = agentRow();
        var last = agent.passHatK().get(agent.passHatK().size() - 1);
        for (CSVRecord r : records) {
            if (r.get("workload").equals("agent")) {
                assertThat(r.get("agentK")).isEqualTo(Integer.toString(last.k()));
                assertThat(Double.parseDouble(r.get("passHatK"))).isEqualTo(last.estimate().value());
                var toolError = agent.byFault().get("toolError").recoveryRate();
                assertThat(r.get("recoveryToolError")).isEqualTo(toolError == null ? "" : Double.toString(toolError.value()));
            } else {
                for (String c : List.of("agentK", "passHatK", "passHatKCi95Low", "passHatKCi95High", "recoveryToolError",
                        "recoveryStaleFile", "recoveryAmbiguity", "recoveryCheckpoint")) {
                    assertThat(r.get(c)).as("%s of a %s row", c, r.get("workload")).isEmpty();
                }
            }
        }
        assertThat(records).anySatisfy(r -> assertThat(r.get("workload")).isEqualTo("agent"));
    }

    static Path runJson(String runId) throws Exception {
        try (var files = Files.walk(SampleRoot.DIR.resolve("results/runs"))) {
            return files.filter(p -> p.endsWith(Path.of(runId, "run.json"))).findFirst().orElseThrow();
        }
    }
}
