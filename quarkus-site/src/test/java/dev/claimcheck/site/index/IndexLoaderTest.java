package dev.claimcheck.site.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.store.Json;
import dev.claimcheck.core.store.Root;
import dev.claimcheck.site.SampleRoot;
import dev.claimcheck.site.leaderboard.Boards;
import dev.claimcheck.site.leaderboard.LeaderboardRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndexLoaderTest {
    @Test
    void readsRunsInPathOrderAndExcludesCorruptOnesWithAReason() {
        ResultsIndex index = IndexLoader.load(SampleRoot.root(), SampleRoot.AT);
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

    /**
     * Item 7 of issue 15: a run id dated after the index time (beyond the clock skew) or naming no real instant never
     * holds the board's latest-run slot; it is excluded with its reason. Within the skew it is an ordinary run.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            20991231T235959Z-00000001, excluded
            20261399T000000Z-00000002, excluded
            20260230T000000Z-00000003, excluded
            20261201T000400Z-00000004, latest
            """)
    void aRunDatedInTheFutureOrNotAtAllNeverHoldsTheLatestSlot(String runId, String expected, @TempDir Path tmp) throws Exception {
        String rel = "results/runs/small--tiny-1b/arith/arith/";
        Path root = tmp.resolve("root");
        copy(SampleRoot.DIR.resolve(rel + "20261129T025753Z-257f28ac"), root.resolve(rel + "20261129T025753Z-257f28ac"));
        Path other = root.resolve(rel + runId);
        copy(SampleRoot.DIR.resolve(rel + "20261129T025753Z-257f28ac"), other);
        ObjectNode json = (ObjectNode) Json.mapper().readTree(other.resolve("run.json").toFile());
        json.put("runId", runId);
        Files.write(other.resolve("run.json"), Json.mapper().writeValueAsBytes(json));

        ResultsIndex index = IndexLoader.load(new Root(root), SampleRoot.AT);
        List<LeaderboardRow> rows = Boards.build(index, List.of(), java.util.Map.of()).get(0).lanes().values().iterator().next();
        String latest = rows.get(0).runId();
        if (expected.equals("latest")) {
            assertThat(latest).isEqualTo(runId);
            assertThat(index.excluded()).isEmpty();
        } else {
            assertThat(latest).isEqualTo("20261129T025753Z-257f28ac");
            assertThat(index.excluded()).singleElement().satisfies(e -> {
                assertThat(e.path()).isEqualTo(rel + runId);
                assertThat(e.reason()).startsWith("runId " + runId + " is ");
            });
        }
    }

    static void copy(Path from, Path to) throws java.io.IOException {
        try (var s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    /** A model name that hides characters would read as another model's on the leaderboard: verify and the site refuse it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"U+202E, small/Tiny-\u202e1B", "U+200B, small/Tiny\u200b-1B", "U+0007, small/Tiny\u0007-1B"})
    void aRunWhoseModelIdHidesCharactersIsExcludedWithItsCodePoint(String code, String id, @TempDir Path tmp) throws Exception {
        String rel = "results/runs/small--tiny-1b/arith/arith/20261129T025753Z-257f28ac";
        Path root = tmp.resolve("root");
        copy(SampleRoot.DIR.resolve(rel), root.resolve(rel));
        ObjectNode json = (ObjectNode) Json.mapper().readTree(root.resolve(rel + "/run.json").toFile());
        ((ObjectNode) json.path("model")).put("id", id);
        Files.write(root.resolve(rel + "/run.json"), Json.mapper().writeValueAsBytes(json));

        ResultsIndex index = IndexLoader.load(new Root(root), SampleRoot.AT);
        assertThat(index.runs()).isEmpty();
        assertThat(index.excluded()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo(rel);
            assertThat(e.reason()).isEqualTo("model.id holds " + code + ", a control or invisible character").doesNotContain(id);
        });
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
