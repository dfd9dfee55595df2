package dev.claimcheck.site.claims;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.model.Claim;
import dev.claimcheck.core.model.ClaimsFile;
import dev.claimcheck.core.model.Untranscribed;
import dev.claimcheck.core.store.ClaimsReader;
import dev.claimcheck.core.store.Root;
import dev.claimcheck.site.SampleRoot;
import dev.claimcheck.site.SiteModel;
import dev.claimcheck.site.index.IndexLoader;
import dev.claimcheck.site.page.Links;
import dev.claimcheck.site.render.Templates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A claim that cannot be run here says exactly what it needs (issue #27 part 5): a benchmark the vendor reports without
 * a transcribed figure is listed with why and what a reproduction needs, and a claim without a recipe gives the
 * ledger's reason beside "no recipe yet"; both from the ledger, never from the page's code.
 */
class ClaimsNeedsTest {
    @TempDir
    Path dir;

    String claimsPage() throws IOException {
        Files.createDirectories(dir.resolve("results/claims"));
        Files.writeString(dir.resolve("results/claims/o--m.json"), """
                {"schema": "claimcheck/claims/v1", "model": {"id": "o/M", "slug": "o--m"}, "lane": "thinking",
                 "claims": [{"id": "memory", "metric": "speedup", "value": 10, "unit": "x", "settings": "undisclosed",
                             "source": {"url": "https://example.org/a", "date": "2026-02-13"},
                             "noRecipe": "needs DRAM counters on the GPU host"}],
                 "untranscribed": [{"id": "swe", "benchmark": "SWE-bench Verified", "workload": "swebench",
                   "suite": "swebench", "reason": "only in an image of the card", "needs": "a container engine for the official images",
                   "source": {"url": "https://example.org/card", "date": "2026-02-13", "title": "the card"}}]}
                """);
        return Templates.get().render("claims.ftlh", new SiteModel(IndexLoader.load(new Root(dir), SampleRoot.AT))
                .claims(Links.at(0, false)));
    }

    @Test
    void aBenchmarkWithoutAFigureSaysWhyAndWhatItNeedsAndThatItHasNoRecipe() throws IOException {
        String html = claimsPage();
        String section = html.substring(html.indexOf("Reported without a transcribed figure"));
        assertThat(section).contains("SWE-bench Verified", "swebench · swebench", "no transcribed figure",
                "only in an image of the card", "<a href=\"https://example.org/card\" rel=\"noopener noreferrer\">the card</a>",
                "a container engine for the official images", "no recipe yet", "id=\"claim-o--m-swe\"");
    }

    @Test
    void aClaimWithoutARecipeGivesTheLedgersReason() throws IOException {
        String html = claimsPage();
        assertThat(html).contains("no recipe yet<br><small>needs DRAM counters on the GPU host</small>");
    }

    @Test
    void everyBenchmarkOfRingsCardWithoutAFigureAndEachServingClaimSaysWhatItNeeds() {
        Path ledger = Path.of("..").resolve("results/claims");
        List<ClaimsFile.Problem> problems = new ArrayList<>();
        ClaimsFile ring = ClaimsReader.read("ring", ledger.resolve("inclusionai--ring-2.5-1t.json"), problems::add).orElseThrow();
        ClaimsFile ling = ClaimsReader.read("ling", ledger.resolve("inclusionai--ling-2.5-1t.json"), problems::add).orElseThrow();
        assertThat(problems).isEmpty();
        assertThat(ring.untranscribed()).extracting(Untranscribed::benchmark).containsExactlyInAnyOrder("LiveCodeBench v6",
                "ARC-AGI-V2", "Gaia2-search", "Tau2-bench", "SWE-bench Verified", "BFCL-V4");
        assertThat(ling.untranscribed()).extracting(Untranscribed::benchmark).containsExactlyInAnyOrder("BFCL-V4", "Tau2-bench");
        for (ClaimsFile f : List.of(ring, ling)) {
            assertThat(f.untranscribed()).allSatisfy(u -> {
                assertThat(u.needs()).isNotBlank();
                assertThat(dev.claimcheck.core.suite.SuiteRegistry.find(u.suite())).as(u.id() + "'s suite").isPresent();
            });
        }
        assertThat(ring.untranscribed()).filteredOn(u -> u.suite().equals("gaia2")).singleElement()
                .satisfies(u -> assertThat(u.needs()).contains("live search tool server", "--tool-server URL"));
        assertThat(ring.untranscribed()).filteredOn(u -> u.suite().equals("swebench")).singleElement()
                .satisfies(u -> assertThat(u.needs()).contains("container engine"));
        assertThat(ring.claims()).filteredOn(c -> c.id().endsWith("-beyond-32k")).extracting(Claim::noRecipe)
                .hasSize(2).allSatisfy(t -> assertThat(t).contains("same hardware"));
    }
}
