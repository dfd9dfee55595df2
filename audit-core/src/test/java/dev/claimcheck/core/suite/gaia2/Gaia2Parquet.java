package dev.claimcheck.core.suite.gaia2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimcheck.core.suite.data.ParquetFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** Gaia2 rows in the published column layout (id, scenario_id, split, data), written as parquet at test time. */
final class Gaia2Parquet {
    static final Path FIXTURE = Path.of("src/test/resources/suites/gaia2/scenarios.jsonl");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Gaia2Parquet() {
    }

    /** The fixture's rows (JSON lines of the published columns). */
    static List<JsonNode> rows() throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(FIXTURE)) {
            rows.add(JSON.readTree(line));
        }
        return rows;
    }

    static Path fixture(Path dir) throws Exception {
        return write(dir.resolve("validation-00000-of-00001.parquet"), rows());
    }

    /** Rows with text columns id, scenario_id, split, data; a null value is written as SQL NULL. */
    static Path write(Path file, List<JsonNode> rows) throws Exception {
        StringJoiner values = new StringJoiner(", ");
        for (JsonNode r : rows) {
            values.add("(" + text(r, "id") + ", " + text(r, "scenario_id") + ", " + text(r, "split") + ", " + text(r, "data") + ")");
        }
        return ParquetFixture.write(file, "SELECT * FROM (VALUES " + values + ") AS t(id, scenario_id, split, data)");
    }

    private static String text(JsonNode row, String column) {
        JsonNode v = row.get(column);
        return v == null || v.isNull() ? "NULL::VARCHAR" : ParquetFixture.text(v.asText());
    }
}
