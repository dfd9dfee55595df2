package dev.claimcheck.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.cli.AuditRunner;
import dev.claimcheck.core.model.Lane;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.model.RecipeSpec;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.store.RecipeReader;
import dev.claimcheck.core.suite.data.ParquetFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recipes without a claim (the vendor's number is only in an image): AIME 2026, HMMT February 2025 and
 * IMO-AnswerBench v2 for Ring-2.5-1T (thinking) and the latter two for Ling-2.5-1T (instant, whose AIME 2026 recipe
 * carries its output-token claim). Each says why it has no claim, names its lane, protocol and upstream file, is
 * honest that the file is unpinned, and runs on a fixture of ours recording no claim reference.
 */
class UnclaimedRecipeTest {
    static final Path RECIPES = MathArenaRecipeTest.REPO.resolve("audit-scripts/recipes");

    @TempDir
    Path tmp;

    static RecipeSpec recipe(String rel) {
        return RecipeReader.read(RECIPES.resolve(rel));
    }

    @Test
    void eachNamesItsLaneProtocolAndUpstreamFileAndSaysWhyItHasNoClaim() {
        Map<String, String[]> expected = Map.of(
                "inclusionai--ring-2.5-1t/aime-2026.json", new String[] {"thinking", "matharena-aime", "aime_2026"},
                "inclusionai--ring-2.5-1t/hmmt-feb-2025.json", new String[] {"thinking", "matharena", "hmmt_feb_2025"},
                "inclusionai--ring-2.5-1t/imo-answerbench-v2.json", new String[] {"thinking", null, "answerbench_v2"},
                "inclusionai--ling-2.5-1t/hmmt-feb-2025.json", new String[] {"instant", "matharena", "hmmt_feb_2025"},
                "inclusionai--ling-2.5-1t/imo-answerbench-v2.json", new String[] {"instant", null, "answerbench_v2"});
        expected.forEach((rel, e) -> {
            RecipeSpec r = recipe(rel);
            assertThat(r.hasClaim()).as(rel).isFalse();
            assertThat(r.noClaim()).as(rel).contains("without a claim to compare with").containsAnyOf("image", "figure");
            assertThat(r.lane()).as(rel).isEqualTo(e[0]);
            assertThat(r.requests()).as(rel).containsOnlyKeys(e[0]);
            assertThat(r.protocol()).as(rel).isEqualTo(e[1]);
            assertThat(r.dataset().name()).as(rel).isEqualTo(e[2]);
            assertThat(r.suiteOptions()).as(rel).containsEntry("--dataset-name", e[2]);
            assertThat(r.dataset().pinned()).as(rel).isFalse();
            assertThat(r.dataset().pinStatus()).as(rel).startsWith("unpinned: ");
            // a commit where one is known (superhuman's), else said to be missing; never a moving branch alone
            assertThat(r.dataset().revision()).as(rel).containsPattern("not recorded yet|@[0-9a-f]{40} ");
        });
        assertThat(recipe("inclusionai--ring-2.5-1t/imo-answerbench-v2.json").dataset().source())
                .endsWith("google-deepmind/superhuman/33f605d65914d03496eca6c5a7ee59ced44b869e/imobench/answerbench_v2.csv");
        assertThat(recipe("inclusionai--ring-2.5-1t/hmmt-feb-2025.json").dataset().source())
                .isEqualTo("https://huggingface.co/datasets/MathArena/hmmt_feb_2025/resolve/main/data/train-00000-of-00001.parquet");
    }

    @Test
    void itRunsOnAFixtureInTheUpstreamLayoutWithTheRecipesLaneAndRecordsNoClaim() throws Exception {
        Path file = ParquetFixture.write(tmp.resolve("train-00000-of-00001.parquet"), """
                SELECT * FROM (VALUES
                  (1::BIGINT, 'Compute $2+3$.', '5', ['Algebra']),
                  (2::BIGINT, 'Write $\\frac{6}{8}$ in lowest terms.', '\\frac{3}{4}', ['Number Theory'])
                ) t(problem_idx, problem, answer, problem_type)""");
        Path root = tmp.resolve("sim-root");
        AuditRunner.Result r = AuditRunner.audit("--recipe", RECIPES.resolve("inclusionai--ring-2.5-1t/hmmt-feb-2025.json")
                .toString(), "--base-url", "sim", "--dataset", file.toString(), "--allow-unpinned", "--root", root.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("warning: --allow-unpinned", "sha256 " + PromptHash.sha256Hex(Files.readAllBytes(file)));
        RunManifest m = r.manifest();
        assertThat(m.lane()).isEqualTo(Lane.THINKING);
        assertThat(m.claimRef()).isNull();
        assertThat(m.recipe().path()).isEqualTo("audit-scripts/recipes/inclusionai--ring-2.5-1t/hmmt-feb-2025.json");
        assertThat(m.suite().dataset().name()).isEqualTo("hmmt_feb_2025");
        assertThat(m.suite().options()).containsEntry("--protocol", "matharena");
        assertThat(m.request().template().path("chat_template_kwargs").path("enable_thinking").asBoolean()).isTrue();
        assertThat(Files.exists(root.resolve("results/claims"))).isFalse(); // no claims file to copy
    }

    @Test
    void aRecipeWithoutAClaimMustSayWhyAndNameItsLane() throws Exception {
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(RECIPES.resolve("inclusionai--ring-2.5-1t/aime-2026.json").toFile());
        ObjectMapper m = new ObjectMapper();
        ObjectNode noReason = json.deepCopy();
        noReason.remove("noClaim");
        assertThatThrownBy(() -> m.treeToValue(noReason, RecipeSpec.class)).hasMessageContaining("claim is required (or noClaim");
        ObjectNode noLane = json.deepCopy();
        noLane.remove("lane");
        assertThatThrownBy(() -> m.treeToValue(noLane, RecipeSpec.class)).hasMessageContaining("names its lane");
        ObjectNode both = json.deepCopy();
        both.putObject("claim").put("file", "results/claims/inclusionai--ring-2.5-1t.json").put("id", "gsm8k-cookbook");
        assertThatThrownBy(() -> m.treeToValue(both, RecipeSpec.class)).hasMessageContaining("takes its lane from the claims file");
    }
}
