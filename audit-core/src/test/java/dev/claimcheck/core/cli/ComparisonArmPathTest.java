package dev.claimcheck.core.cli;

import static dev.claimcheck.core.cli.BenchCommandTest.onlyRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.store.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An A/B arm's comparison.json names the other arm by run id, and verify makes a path of it: an id that climbs out of
 * results/runs would let the comparison be checked against a run.json that no root walk verifies (adversarial pass).
 */
class ComparisonArmPathTest {
    @Test
    void anOtherArmIdThatClimbsOutOfTheRunsIsAComparisonMismatch(@TempDir Path root) throws Exception {
        BenchCommandTest.benchTwoArms(root);
        Path a = onlyRun(root, "sim");
        Path b = onlyRun(root, "sim-fast");
        // arm A's run.json, placed outside results/ where nothing verifies it, and arm B's comparison pointed at it
        Path fake = Files.createDirectories(root.resolve("docs/fake-arm"));
        Files.copy(a.resolve("run.json"), fake.resolve("run.json"));
        Path file = b.resolve("comparison.json");
        ObjectNode json = (ObjectNode) Json.mapper().readTree(file.toFile());
        json.put("runA", "../../../../../docs/fake-arm");
        Files.write(file, Json.mapper().writeValueAsBytes(json));

        SignVerifyCommandTest.Result v = SignVerifyCommandTest.verify(b.toString());
        assertThat(v.exitCode()).isEqualTo(1);
        assertThat(v.out()).contains("FAIL comparisonMismatch: the other arm's run id ../../../../../docs/fake-arm is not");
    }
}
