package dev.claimcheck.site.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.model.CodeMetrics;
import dev.claimcheck.core.model.Estimate;
import dev.claimcheck.core.model.MathMetrics;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.PassAtK;
import dev.claimcheck.core.model.TokenSummary;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The run page shows each workload's own figures beside the shared ones. */
class RunPageViewTest {
    static Map<String, String> items(Metrics m) {
        return RunPageView.metrics(m).stream().collect(Collectors.toMap(RunPage.Item::label, RunPage.Item::value));
    }

    static Metrics shared(MathMetrics math, CodeMetrics code) {
        return new Metrics(0.5, 0.4, 0.6, 10, 40, 40, Map.of(), 0, new TokenSummary(100, 90, 150), TokenSummary.EMPTY,
                5.0, math, code, null, null);
    }

    @Test
    void mathRunsShowPassAtKConsAtKAndParseFailures() {
        var math = new MathMetrics(4, List.of(new PassAtK(1, new Estimate(0.5, 0.4, 0.6, 10)),
                new PassAtK(4, new Estimate(0.8, 0.7, 0.9, 10))), new Estimate(0.6, 0.5, 0.7, 10), 20, 1, 2, 200.0);
        var items = items(shared(math, null));
        assertThat(items).containsEntry("pass@4", "80.0 ± 10.0 (10 tasks)")
                .containsEntry("cons@4", "60.0 ± 10.0 (10 tasks)")
                .containsEntry("unknown (grader budget) / parse failures", "1 / 2")
                .doesNotContainKey("verdicts");
    }

    @Test
    void codeRunsShowTheVerdictBreakdown() {
        var code = new CodeMetrics(1, List.of(new PassAtK(1, new Estimate(0.5, 0.2, 0.8, 10))),
                Map.of("accepted", 5, "wrongAnswer", 3, "timeLimit", 2), 31, 0,
                Map.of("easy", new Estimate(1.0, null, null, 2)), Map.of());
        var items = items(shared(null, code));
        assertThat(items).containsEntry("verdicts", "accepted 5 · timeLimit 2 · wrongAnswer 3")
                .containsEntry("tests run / sandbox errors", "31 / 0")
                .containsKey("pass@1 · easy")
                .doesNotContainKey("cons@1");
    }

    @Test
    void proofsAreShownOnlyWhenTheyMatchTheSignedHash(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        var root = new dev.claimcheck.core.store.Root(dir);
        java.nio.file.Path file = java.nio.file.Files.createDirectories(dir.resolve("proofs/m/arith/r"))
                .resolve("t-0.md");
        java.nio.file.Files.writeString(file, "# proof <script>alert(1)</script>");
        String sha = dev.claimcheck.core.model.PromptHash.sha256Hex(java.nio.file.Files.readAllBytes(file));

        var good = RunPageView.proof(root, new dev.claimcheck.core.model.RunManifest.ProofRef("proofs/m/arith/r/t-0.md", sha, "t", 0, "correct"));
        assertThat(good.ok()).isTrue();
        assertThat(good.text()).contains("<script>"); // raw here: the .ftlh template escapes it (PageResourceTest)

        var tampered = RunPageView.proof(root, new dev.claimcheck.core.model.RunManifest.ProofRef("proofs/m/arith/r/t-0.md", "0".repeat(64), "t", 0, "wrong"));
        assertThat(tampered.ok()).isFalse();
        assertThat(tampered.text()).contains("does not match the sha256");

        var outside = RunPageView.proof(root, new dev.claimcheck.core.model.RunManifest.ProofRef("../../etc/passwd", sha, "t", 0, "x"));
        assertThat(outside.ok()).isFalse();
        assertThat(outside.text()).isEqualTo("not found in this root");
    }
}
