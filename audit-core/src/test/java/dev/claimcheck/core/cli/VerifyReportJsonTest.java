package dev.claimcheck.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.store.Json;
import dev.claimcheck.core.verify.Evidence;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verify --report-json FILE} and the GitHub annotations printed under GITHUB_ACTIONS=true (docs/verification.md). */
class VerifyReportJsonTest {
    @TempDir
    static Path keys;
    static Path alice;

    @BeforeAll
    static void keys() throws Exception {
        Evidence.requireSshKeygen();
        alice = Evidence.keygen(keys, "alice", "alice@example.org");
    }

    record Result(int exitCode, String out) {
    }

    static Result verify(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        int code = Cli.execute(new VerifyCommand(o, env), new PrintWriter(o, true), args);
        return new Result(code, out.toString(StandardCharsets.UTF_8));
    }

    static Path signedRoot(Path root) throws Exception {
        Path run = Evidence.simRun(root);
        Files.writeString(root.resolve("results/allowed_signers"), Evidence.signerLine("alice@example.org", "", alice));
        dev.claimcheck.core.provenance.Signer.sign(run, alice, false);
        return run;
    }

    @Test
    void aTrustedRunIsListedWithItsVerdictAndNoFindingsAndNoAnnotation(@TempDir Path root) throws Exception {
        Path run = signedRoot(root);
        Path json = root.resolve("out/report.json");
        Result r = verify(Map.of("GITHUB_ACTIONS", "true"), root.toString(), "--report-json", json.toString());
        assertThat(r.exitCode()).as(r.out()).isZero();
        assertThat(r.out()).doesNotContain("::error").doesNotContain("::warning");
        JsonNode report = Json.mapper().readTree(json.toFile());
        assertThat(report.path("schema").asText()).isEqualTo("claimcheck/verify-report/v1");
        assertThat(report.path("counts").path("runs").asInt()).isEqualTo(1);
        assertThat(report.path("counts").path("trusted").asInt()).isEqualTo(1);
        assertThat(report.path("counts").path("simulated").asInt()).isEqualTo(1);
        JsonNode only = report.path("runs").get(0);
        assertThat(only.path("dir").asText()).isEqualTo(run.toString());
        assertThat(only.path("status").asText()).isEqualTo("trusted (simulated)");
        assertThat(only.path("signer").asText()).contains("alice@example.org");
        assertThat(only.path("findings")).isEmpty();
    }

    @Test
    void aTamperedRunListsEachFindingWithFileRunAndDetailAndAnnotatesItInActions(@TempDir Path root) throws Exception {
        Path run = signedRoot(root);
        Files.writeString(run.resolve("samples.jsonl"), "\n", StandardOpenOption.APPEND);
        Path json = root.resolve("report.json");
        Result r = verify(Map.of("GITHUB_ACTIONS", "true"), root.toString(), "--report-json", json.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        JsonNode report = Json.mapper().readTree(json.toFile());
        assertThat(report.path("counts").path("failed").asInt()).isEqualTo(1);
        JsonNode finding = report.path("runs").get(0).path("findings").get(0);
        assertThat(finding.path("id").asText()).isEqualTo("hashMismatch");
        assertThat(finding.path("severity").asText()).isEqualTo("FAIL");
        assertThat(finding.path("run").asText()).isEqualTo(run.toString());
        assertThat(finding.path("file").asText()).isEqualTo(run.resolve("MANIFEST").toString());
        assertThat(finding.path("detail").asText()).contains("samples.jsonl");
        assertThat(r.out()).contains("::error file=" + run.resolve("MANIFEST") + ",title=hashMismatch::hashMismatch: ");

        Result outsideActions = verify(Map.of(), root.toString());
        assertThat(outsideActions.out()).contains("FAIL hashMismatch").doesNotContain("::error");
    }
}
