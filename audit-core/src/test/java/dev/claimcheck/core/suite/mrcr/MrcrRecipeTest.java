package dev.claimcheck.core.suite.mrcr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.cli.AuditRunner;
import dev.claimcheck.core.model.Lane;
import dev.claimcheck.core.model.RecipeSpec;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.store.RecipeReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MRCR recipes without a claim (issue #20 part 4): one per published file (2, 4 and 8 needles, two shards) for
 * Ling-2.5-1T (instant) and Ring-2.5-1T (thinking), each at the card's bins 16K–256K, honest that the file is not
 * pinned, and saying how the card's "averaged over 16K–256K" is read. One runs on a parquet fixture of ours.
 */
class MrcrRecipeTest {
    static final Path RECIPES = Path.of("").toAbsolutePath().getParent().resolve("audit-scripts/recipes");

    @TempDir
    Path tmp;

    @Test
    void eachFileOfEachNeedleCountHasARecipePerModelAtTheCardsBins() {
        for (String[] model : new String[][] {{"inclusionai--ling-2.5-1t", "instant"}, {"inclusionai--ring-2.5-1t", "thinking"}}) {
            for (int needles : new int[] {2, 4, 8}) {
                for (int shard : new int[] {0, 1}) {
                    String file = needles + "needle_" + shard;
                    String rel = model[0] + "/mrcr-" + needles + "needle-" + shard + ".json";
                    RecipeSpec r = RecipeReader.read(RECIPES.resolve(rel));
                    assertThat(r.suite()).as(rel).isEqualTo("mrcr");
                    assertThat(r.hasClaim()).as(rel).isFalse();
                    assertThat(r.noClaim()).as(rel).contains("without a claim to compare with");
                    assertThat(r.lane()).as(rel).isEqualTo(model[1]);
                    assertThat(r.requests()).as(rel).containsOnlyKeys(model[1]);
                    assertThat(r.suiteOptions()).as(rel).containsEntry("--bins", "16k,32k,64k,128k,256k")
                            .containsEntry("--tokenizer", "o200k_base");
                    assertThat(r.dataset().name()).as(rel).isEqualTo(file);
                    assertThat(r.dataset().source()).as(rel)
                            .isEqualTo("https://huggingface.co/datasets/openai/mrcr/resolve/main/" + needles + "needle/" + file + ".parquet");
                    assertThat(r.dataset().path()).as(rel).isEqualTo("data/mrcr/" + needles + "needle/" + file + ".parquet");
                    assertThat(r.dataset().pinned()).as(rel).isFalse();
                    assertThat(r.dataset().pinStatus()).as(rel).startsWith("unpinned: ");
                    assertThat(r.verdict()).as(rel).contains("averaged over 16K–256K", "metrics.mrcr.byBin[].score",
                            "each bin weighed equally");
                }
            }
        }
    }

    @Test
    void aRecipeRunsOnAFixtureFileAndKeepsOnlyTheCardsBins() throws Exception {
        // One row of ~10k o200k tokens (the 16k bin) and one of ~4k (the 8k bin, which the recipe's --bins drops).
        Path file = MrcrParquet.write(tmp.resolve("2needle_0.parquet"),
                List.of(MrcrParquet.row(2, 1, "aB3dE9", 5000, 1), MrcrParquet.row(2, 2, "Zq81xY", 2000, 2)));
        Path root = tmp.resolve("sim-root");
        AuditRunner.Result r = AuditRunner.audit("--recipe", RECIPES.resolve("inclusionai--ling-2.5-1t/mrcr-2needle-0.json").toString(),
                "--base-url", "sim", "--dataset", file.toString(), "--allow-unpinned", "--root", root.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("warning: --allow-unpinned");
        RunManifest m = r.manifest();
        assertThat(m.lane()).isEqualTo(Lane.INSTANT);
        assertThat(m.claimRef()).isNull();
        assertThat(m.suite().dataset().name()).isEqualTo("2needle_0");
        assertThat(m.suite().dataset().rows()).isEqualTo(1);
        assertThat(m.suite().options()).containsEntry("--bins", "16k,32k,64k,128k,256k");
        assertThat(Files.readString(r.runDir().resolve("samples.jsonl"))).contains("mrcr-2n-16k-r1").doesNotContain("-8k-");
    }
}
