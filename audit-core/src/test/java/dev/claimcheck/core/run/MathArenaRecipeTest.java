package dev.claimcheck.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.cli.AuditRunner;
import dev.claimcheck.core.model.Claim;
import dev.claimcheck.core.model.ClaimMetric;
import dev.claimcheck.core.model.ClaimVerdict;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.model.RecipeSpec;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.stats.ClaimAssessment;
import dev.claimcheck.core.stats.ClaimVerdicts;
import dev.claimcheck.core.store.ClaimsReader;
import dev.claimcheck.core.store.RecipeReader;
import dev.claimcheck.core.store.Root;
import dev.claimcheck.core.suite.data.ParquetFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ling-2.5-1T's AIME 2026 output-token recipe runs MathArena's parquet as published (a fixture in its layout, written
 * here), records the file's own hash, and — its dataset unpinned — refuses without {@code --allow-unpinned}.
 */
class MathArenaRecipeTest {
    static final Path REPO = Path.of("").toAbsolutePath().getParent();
    static final Path RECIPE = REPO.resolve("audit-scripts/recipes/inclusionai--ling-2.5-1t/aime-2026-output-tokens.json");

    @TempDir
    Path tmp;

    Path aimeFixture() throws Exception {
        Files.createDirectories(tmp.resolve("data"));
        return ParquetFixture.write(tmp.resolve("data/train-00000-of-00001.parquet"), """
                SELECT * FROM (VALUES
                  (1::BIGINT, 14::BIGINT, 'What is $2 + 3 \\cdot 4$?'),
                  (2::BIGINT, 5::BIGINT, 'Compute $2+3$.'),
                  (3::BIGINT, 81::BIGINT, 'Compute $3^4$.')
                ) t(problem_idx, answer, problem)""");
    }

    @Test
    void theRecipeNamesMathArenasFileAndProtocolAndSaysItIsUnpinned() {
        RecipeSpec r = RecipeReader.read(RECIPE);
        assertThat(r.protocol()).isEqualTo("matharena-aime");
        assertThat(r.dataset().name()).isEqualTo("aime_2026");
        assertThat(r.dataset().source()).startsWith("https://huggingface.co/datasets/MathArena/aime_2026/")
                .endsWith("data/train-00000-of-00001.parquet");
        assertThat(r.dataset().pinned()).isFalse();
        assertThat(r.dataset().pinStatus()).startsWith("unpinned: ");
    }

    @Test
    void withoutAllowUnpinnedItRefusesAndPrintsTheParquetFilesHashes() throws Exception {
        Path file = aimeFixture();
        AuditRunner.Result r = AuditRunner.audit("--recipe", RECIPE.toString(), "--base-url", "sim",
                "--dataset", file.toString(), "--root", tmp.resolve("root").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("does not pin its dataset")
                .contains("sha256 " + PromptHash.sha256Hex(Files.readAllBytes(file)));
    }

    @Test
    void onAMathArenaParquetFixtureItRunsAndRecordsTheFilesHashAndOutputTokens() throws Exception {
        Path file = aimeFixture();
        Path root = tmp.resolve("sim-root");
        AuditRunner.Result r = AuditRunner.audit("--recipe", RECIPE.toString(), "--base-url", "sim",
                "--dataset", file.toString(), "--allow-unpinned", "--root", root.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("warning: --allow-unpinned");
        RunManifest m = r.manifest();
        assertThat(m.suite().dataset().name()).isEqualTo("aime_2026");
        assertThat(m.suite().dataset().sha256()).isEqualTo(PromptHash.sha256Hex(Files.readAllBytes(file)));
        assertThat(m.suite().dataset().rows()).isEqualTo(3);
        assertThat(m.suite().options()).containsEntry("--protocol", "matharena-aime");
        assertThat(m.request().k()).isEqualTo(4);

        Claim claim = ClaimsReader.claim(new Root(root), m.claimRef().path(), m.claimRef().id()).claims().get(0);
        assertThat(claim.metricKind()).isEqualTo(ClaimMetric.OUTPUT_TOKENS_MEAN);
        ClaimAssessment a = ClaimVerdicts.assess(claim, RecipeRunTest.asIfReal(m), RecipeRunTest.samples(r.runDir()));
        // The post states no settings: the measured mean is shown, the claim can be neither confirmed nor refuted.
        assertThat(a.verdict()).isEqualTo(ClaimVerdict.UNDISCLOSED);
        assertThat(a.measured()).isPositive();
    }
}
