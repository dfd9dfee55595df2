package dev.claimcheck.core.suite.swebench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimcheck.core.BadInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The harness's run summary, {@code <model_name_or_path with "/" as "__">.<run_id>.json} ({@code total_instances},
 * {@code resolved_instances}, {@code resolved_ids}, …): the resolved rate a submission states. It is checked against
 * itself, against the dataset's size and against the per-instance reports' claims.
 */
public record RunReport(String fileName, long totalInstances, long resolvedInstances, Set<String> resolvedIds) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public RunReport {
        resolvedIds = Set.copyOf(resolvedIds);
    }

    public static RunReport read(Path file) {
        String name = file.getFileName().toString();
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new BadInputException(name + ": not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.path("total_instances").canConvertToLong() || !root.path("resolved_instances").canConvertToLong()
                || !root.path("resolved_ids").isArray()) {
            throw new BadInputException(name + ": not a run report (needs total_instances, resolved_instances and resolved_ids)");
        }
        Set<String> ids = new LinkedHashSet<>();
        root.get("resolved_ids").forEach(id -> ids.add(id.asText()));
        return new RunReport(name, root.get("total_instances").asLong(), root.get("resolved_instances").asLong(), ids);
    }

    /** What does not add up: its own count, the dataset's size, and the per-instance reports' resolved claims. */
    List<String> problems(int datasetSize, Map<String, Boolean> instanceClaims) {
        List<String> problems = new ArrayList<>();
        if (resolvedInstances != resolvedIds.size()) {
            problems.add(fileName + ": resolved_instances is " + resolvedInstances + " but resolved_ids lists " + resolvedIds.size());
        }
        if (totalInstances != datasetSize) {
            problems.add(fileName + ": total_instances is " + totalInstances + ", the dataset has " + datasetSize);
        }
        for (String id : resolvedIds) {
            if (!instanceClaims.getOrDefault(id, false)) {
                problems.add(fileName + ": lists " + id + " as resolved; " + (instanceClaims.containsKey(id)
                        ? "its report.json says unresolved" : "it has no report.json"));
            }
        }
        instanceClaims.forEach((id, resolved) -> {
            if (resolved && !resolvedIds.contains(id)) {
                problems.add(fileName + ": does not list " + id + ", whose report.json says resolved");
            }
        });
        return problems;
    }
}
