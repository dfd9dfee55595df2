package dev.claimcheck.site.claims;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.store.Root;
import dev.claimcheck.site.SampleRoot;
import dev.claimcheck.site.SiteModel;
import dev.claimcheck.site.index.IndexLoader;
import dev.claimcheck.site.page.Links;
import dev.claimcheck.site.render.Templates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A claim in tokens/s, one in tokens and one as a fraction, all judged against one run, read the same on the run page,
 * the claims page and the model page (one formatter, {@link dev.claimcheck.site.page.ClaimUnit}).
 */
class ClaimValuesAcrossPagesTest {
    static final String RUN = SampleRoot.RING_RUN;
    static final String RUN_DIR = "results/runs/fixture--thinking-1t/arith/arith/" + RUN;

    @TempDir
    Path dir;

    SiteModel model() throws IOException {
        copy(SampleRoot.DIR.resolve(RUN_DIR), dir.resolve(RUN_DIR));
        Files.createDirectories(dir.resolve("results/claims"));
        Files.writeString(dir.resolve("results/claims/fixture--thinking-1t.json"), """
                {"schema": "claimcheck/claims/v1", "model": {"id": "fixture/Thinking-1T", "slug": "fixture--thinking-1t"}, "lane": "thinking",
                 "claims": [
                  {"id": "speed", "workload": "arith", "suite": "arith", "dataset": "arith-generated-p50-s4", "metric": "outputThroughput",
                   "value": 412.360, "unit": "tokens/s", "settings": "undisclosed", "source": {"url": "https://example.org/a", "date": "2026-02-13"}},
                  {"id": "context", "workload": "arith", "suite": "arith", "dataset": "arith-generated-p50-s4", "metric": "contextTokens",
                   "value": 262144, "unit": "tokens", "settings": "undisclosed", "source": {"url": "https://example.org/b", "date": "2026-02-13"}},
                  {"id": "accuracy", "workload": "arith", "suite": "arith", "dataset": "arith-generated-p50-s4", "metric": "accuracy",
                   "value": 0.955, "unit": "fraction", "settings": "undisclosed", "source": {"url": "https://example.org/c", "date": "2026-02-13"}}]}
                """);
        return new SiteModel(IndexLoader.load(new Root(dir), SampleRoot.AT));
    }

    @Test
    void eachUnitReadsTheSameOnTheRunClaimsAndModelPages() throws IOException {
        SiteModel m = model();
        Links deep = Links.at(1, false);
        String run = Templates.get().render("run.ftlh", m.run(RUN, deep).orElseThrow());
        String claims = Templates.get().render("claims.ftlh", m.claims(Links.at(0, false)));
        String modelPage = Templates.get().render("model.ftlh", m.model("fixture--thinking-1t", deep).orElseThrow());
        for (String page : new String[] {run, claims, modelPage}) {
            assertThat(page).contains("412.36 tokens/s", "262,144 tokens", "95.5%")
                    .doesNotContain("41236", "26214400", "412.360");
        }
        assertThat(run).as("the run page names each claim with its value")
                .contains("speed (outputThroughput 412.36 tokens/s)", "context (contextTokens 262,144 tokens)",
                        "accuracy (accuracy 95.5%)");
    }

    @Test
    void aLeaderboardRowCarriesTheScoresClaimNotTheSameRunsSpeedClaim() throws IOException {
        SiteModel m = model();
        assertThat(m.rows()).filteredOn(r -> r.runId().equals(RUN)).singleElement()
                .satisfies(r -> assertThat(r.claimId()).isEqualTo("accuracy"));
        assertThat(Templates.get().render("index.ftlh", m.leaderboard(Links.at(0, false)))).contains("accuracy: 95.5%")
                .doesNotContain("41236");
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted(Comparator.naturalOrder()).toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }
}
