package dev.claimcheck.site.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.store.Root;
import dev.claimcheck.site.SampleRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexLoaderTest {
    @Test
    void readsRunsInPathOrderAndExcludesCorruptOnesWithAReason() {
        ResultsIndex index = IndexLoader.load(SampleRoot.root(), Instant.EPOCH);
        assertThat(index.runs()).hasSize(9);
        assertThat(index.runs()).extracting(RunEntry::relPath).isSorted();
        assertThat(index.runs()).allSatisfy(r -> {
            assertThat(r.badges().get(0)).isEqualTo(TrustBadge.SIMULATED);
            assertThat(r.trust()).isEqualTo("unverified");
        });
        assertThat(index.excluded()).extracting(ExcludedRun::path).containsExactlyInAnyOrder(
                "results/runs/broken--model/arith/arith/20261129T030000Z-deadbeef",
                "results/runs/broken--model/arith/arith/20261129T030001Z-0badc0de", "results/claims/broken.json");
        assertThat(index.excluded()).allSatisfy(e -> assertThat(e.reason()).isNotBlank().doesNotContain(SampleRoot.DIR.toAbsolutePath().toString()));
        assertThat(index.claims()).hasSize(2);
    }

    @Test
    void emptyOrMissingRootGivesAnEmptyIndex(@TempDir Path tmp) throws Exception {
        assertThat(IndexLoader.load(new Root(tmp.resolve("absent")), Instant.EPOCH).runs()).isEmpty();
        Files.createDirectories(tmp.resolve("results/runs/a/arith/arith/x"));
        ResultsIndex index = IndexLoader.load(new Root(tmp), Instant.EPOCH);
        assertThat(index.runs()).isEmpty();
        assertThat(index.excluded()).singleElement().satisfies(e -> assertThat(e.reason()).contains("no run.json"));
    }
}
