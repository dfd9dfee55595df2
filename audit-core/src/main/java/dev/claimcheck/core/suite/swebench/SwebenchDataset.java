package dev.claimcheck.core.suite.swebench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.suite.data.ColumnKind;
import dev.claimcheck.core.suite.data.ParquetRows;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SWE-bench Verified parquet as Hugging Face ships it ({@code data/test-00000-of-00001.parquet}), read with
 * {@link ParquetRows}. FAIL_TO_PASS and PASS_TO_PASS are JSON-encoded lists of test ids in a text column, as published.
 */
public record SwebenchDataset(String fileName, String sha256, List<SwebenchInstance> instances) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TEXT_COLUMNS = List.of("instance_id", "repo", "base_commit", "problem_statement",
            "patch", "test_patch", "FAIL_TO_PASS", "PASS_TO_PASS", "version", "environment_setup_commit");

    public SwebenchDataset {
        instances = List.copyOf(instances);
    }

    public static SwebenchDataset load(Path file) {
        ParquetRows rows = ParquetRows.open(file);
        TEXT_COLUMNS.forEach(c -> rows.require(c, ColumnKind.TEXT));
        Map<String, SwebenchInstance> byId = new LinkedHashMap<>();
        rows.forEach(row -> {
            String where = rows.fileName() + ": row " + row.number();
            String id = text(row, "instance_id", where);
            SwebenchInstance instance = new SwebenchInstance(id, text(row, "repo", where),
                    text(row, "base_commit", where), text(row, "problem_statement", where), text(row, "patch", where),
                    text(row, "test_patch", where), testList(row, "FAIL_TO_PASS", where),
                    testList(row, "PASS_TO_PASS", where), text(row, "version", where),
                    text(row, "environment_setup_commit", where));
            if (byId.putIfAbsent(id, instance) != null) {
                throw new BadInputException(where + ": instance_id " + id + " appears twice");
            }
        });
        return new SwebenchDataset(rows.fileName(), rows.sha256(), new ArrayList<>(byId.values()));
    }

    public Optional<SwebenchInstance> instance(String instanceId) {
        return instances.stream().filter(i -> i.instanceId().equals(instanceId)).findFirst();
    }

    private static String text(ParquetRows.Row row, String column, String where) {
        Object value = row.get(column);
        if (value == null) {
            throw new BadInputException(where + ": " + column + " is null");
        }
        return (String) value;
    }

    /** A JSON list of strings in a text column ("[\"tests/test_a.py::test_x\"]"). */
    private static List<String> testList(ParquetRows.Row row, String column, String where) {
        String value = text(row, column, where);
        JsonNode node;
        try {
            node = JSON.readTree(value);
        } catch (IOException e) {
            throw new BadInputException(where + ": " + column + " is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (node == null || !node.isArray()) {
            throw new BadInputException(where + ": " + column + " is not a JSON list of test ids");
        }
        List<String> tests = new ArrayList<>();
        for (JsonNode test : node) {
            if (!test.isTextual()) {
                throw new BadInputException(where + ": " + column + " holds a non-string entry: " + test);
            }
            tests.add(test.asText());
        }
        return tests;
    }
}
