package dev.claimcheck.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.cli.AuditRunner;
import dev.claimcheck.core.fingerprint.ProbePlan;
import dev.claimcheck.core.store.Json;
import java.nio.file.Files;
import dev.claimcheck.core.model.Fingerprint;
import dev.claimcheck.core.model.RunFingerprint;
import dev.claimcheck.core.model.RunManifest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verify compares the fingerprints a run took at its start and its end (simulated runs over real loopback HTTP). */
class FingerprintCheckTest {
    /** One fingerprint's requests: a swap after them changes everything the run sends next. */
    private static final int START_PROBES = ProbePlan.budget().requests();

    @TempDir
    Path root;

    private AuditRunner.Result audit(String baseUrl) {
        AuditRunner.Result r = AuditRunner.audit("arith", "--base-url", baseUrl, "--problems", "4", "--root", root.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        return r;
    }

    private static RunReport verify(Path run) {
        return new Verifier(new Verifier.Options(null, true, false, Instant.now(), 1)).verifyRun(run);
    }

    @Test
    void aRunRecordsItsFingerprintAtTheStartAndTheEnd() {
        RunManifest m = audit("sim").manifest();
        RunFingerprint f = m.endpoint().fingerprint();
        assertThat(f.start().tokenizer().family()).isEqualTo("o200k_base");
        assertThat(f.end().tokenizer().family()).isEqualTo("o200k_base");
        assertThat(f.start().cost().requests()).isEqualTo(START_PROBES);
    }

    @Test
    void aSimulatorThatSwitchesTokenizerFamilyMidRunIsCaughtByVerify() {
        AuditRunner.Result r = audit("sim:swapAfter=" + START_PROBES + ",swapTokenizer=cl100k_base");
        RunReport report = verify(r.runDir());
        assertThat(report.failureIds()).contains("endpointChanged");
        assertThat(report.lines()).anySatisfy(l -> assertThat(l).startsWith("FAIL endpointChanged")
                .contains("tokenizer: family o200k_base -> cl100k_base"));
    }

    @Test
    void aTemplateSwappedMidRunIsCaughtToo() {
        AuditRunner.Result r = audit("sim:swapAfter=" + START_PROBES + ",swapTemplate=drops-system");
        assertThat(verify(r.runDir()).lines()).anySatisfy(l -> assertThat(l).startsWith("FAIL endpointChanged")
                .contains("template: system prompt tokens 14 -> 0"));
    }

    @Test
    void anUnchangedEndpointGivesNoFingerprintFinding() {
        RunReport report = verify(audit("sim:tokenizer=cl100k_base").runDir());
        assertThat(report.findings()).extracting(Finding::id).doesNotContain("endpointChanged", "canaryChanged");
    }

    @Test
    void canaryAnswersAloneThatChangedAreAWarningNotAFailure() {
        RunManifest m = audit("sim").manifest();
        Fingerprint start = m.endpoint().fingerprint().start();
        List<Fingerprint.Canary> other = new ArrayList<>(start.canaries());
        other.set(0, new Fingerprint.Canary(other.get(0).id(), "0".repeat(64)));
        Fingerprint end = new Fingerprint(start.takenAt(), start.served(), start.tokenizer(), start.template(), other, start.cost());
        RunManifest changed = m.withEndpoint(m.endpoint().withFingerprint(new RunFingerprint(start, end)));

        List<Finding> findings = new ArrayList<>();
        FingerprintCheck.check(changed, findings);
        assertThat(findings).extracting(Finding::id).containsExactly("canaryChanged");
        assertThat(findings.get(0).severity()).isEqualTo(Finding.Severity.WARN);
    }

    @Test
    void aRunWithoutFingerprintsIsNotChecked() {
        AuditRunner.Result r = AuditRunner.audit("arith", "--base-url", "sim", "--problems", "2", "--no-fingerprint",
                "--root", root.toString());
        assertThat(r.manifest().endpoint().fingerprint()).isNull();
        assertThat(verify(r.runDir()).findings()).extracting(Finding::id).doesNotContain("endpointChanged", "canaryChanged");
    }

    @Test
    void aMalformedFingerprintIsASchemaFindingNotACrash() throws Exception {
        Path run = audit("sim").runDir();
        Path file = run.resolve("run.json");
        ObjectNode json = (ObjectNode) Json.mapper().readTree(file.toFile());
        ((ObjectNode) json.path("endpoint").path("fingerprint").path("end")).remove("tokenizer");
        Files.writeString(file, Json.mapper().writeValueAsString(json));
        assertThat(verify(run).failureIds()).contains("schema").doesNotContain("endpointChanged");
    }
}
