package dev.claimcheck.core.suite.swebench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimcheck.core.BadInputException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * What the official harness claimed for one instance, from its {@code report.json}
 * ({@code {"<instance_id>": {"patch_is_None", "patch_exists", "patch_successfully_applied", "resolved",
 * "tests_status": {"FAIL_TO_PASS": {"success": [..], "failure": [..]}, "PASS_TO_PASS": {..}}}}}).
 */
public record HarnessReport(String instanceId, boolean resolved, boolean patchApplied) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static HarnessReport read(Path file, String instanceId) {
        String where = file.getParent().getFileName() + "/" + file.getFileName();
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new BadInputException(where + ": not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        JsonNode entry = root == null ? null : root.get(instanceId);
        if (entry == null || !entry.isObject()) {
            throw new BadInputException(where + ": no entry for " + instanceId + " (a report is keyed by its instance_id)");
        }
        if (!entry.path("resolved").isBoolean()) {
            throw new BadInputException(where + ": " + instanceId + ".resolved must be true or false");
        }
        return new HarnessReport(instanceId, entry.get("resolved").asBoolean(),
                entry.path("patch_successfully_applied").asBoolean(false));
    }
}
