package dev.claimcheck.core.suite.lcb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.cli.AuditRunner;
import dev.claimcheck.core.grade.sandbox.Sandbox;
import dev.claimcheck.core.model.Lane;
import dev.claimcheck.core.model.RecipeSpec;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.store.RecipeReader;
import dev.claimcheck.core.testing.Prerequisite;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LiveCodeBench v6 recipes (issue #27 part 1): one per lane, without a claim (the cards' figure is not
 * transcribed), over release_v6's full window because the vendor's window is undisclosed, honest that the release
 * files are not pinned. One runs on our release fixture.
 */
class LcbRecipeTest {
    static final Path RECIPES = Path.of("").toAbsolutePath().getParent().resolve("audit-scripts/recipes");

    @TempDir
    Path tmp;

    @Test
    void eachLaneHasAnUnpinnedFullWindowRecipeWithoutAClaim() {
        for (String[] model : new String[][] {{"inclusionai--ling-2.5-1t", "instant"}, {"inclusionai--ring-2.5-1t", "thinking"}}) {
            String rel = model[0] + "/livecodebench-v6.json";
            RecipeSpec r = RecipeReader.read(RECIPES.resolve(rel));
            assertThat(r.suite()).as(rel).isEqualTo("lcb");
            assertThat(r.hasClaim()).as(rel).isFalse();
            assertThat(r.lane()).as(rel).isEqualTo(model[1]);
            assertThat(r.suiteOptions()).as(rel).containsEntry("--release", "release_v6").doesNotContainKeys("--after", "--before");
            assertThat(r.dataset().name()).as(rel).isEqualTo("livecodebench-release_v6");
            assertThat(r.dataset().pinned()).as(rel).isFalse();
            assertThat(r.departures()).as(rel).anyMatch(d -> d.contains("date window is undisclosed"));
        }
    }

    @Test
    void theThinkingRecipeRunsOnTheReleaseFixtureAndRecordsNoClaim() throws Exception {
        Prerequisite.SANDBOX.require(Sandbox.system().unavailableReason());
        AuditRunner.Result r = AuditRunner.audit("--recipe", RECIPES.resolve("inclusionai--ring-2.5-1t/livecodebench-v6.json").toString(),
                "--base-url", "sim:accuracy=1.0", "--dataset", LcbSuiteTest.RELEASE.toAbsolutePath().toString(), "--allow-unpinned",
                "--root", tmp.resolve("sim-root").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        RunManifest m = r.manifest();
        assertThat(m.lane()).isEqualTo(Lane.THINKING);
        assertThat(m.claimRef()).isNull();
        assertThat(m.suite().dataset().name()).isEqualTo("livecodebench-release_v6");
        assertThat(m.suite().dataset().rows()).isEqualTo(7);
    }
}
