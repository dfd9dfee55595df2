package dev.claimcheck.site.claims;

import dev.claimcheck.core.model.Claim;
import dev.claimcheck.core.model.ClaimMetric;
import dev.claimcheck.core.model.ClaimsFile;
import dev.claimcheck.core.model.RecipeSpec;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.stats.ClaimVerdicts;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.site.index.ResultsIndex;
import dev.claimcheck.site.index.RunEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Pairs each claim of the index with its reproduction and asks audit-core for the verdict (docs/architecture.md §8.1),
 * against the dataset the claim's recipe pins: the run is matched by dataset name, and the hashes decide.
 * The journal is read only for metrics recomputed from samples (tokens, speed).
 */
public final class ClaimAssessor {
    private ClaimAssessor() {
    }

    public static List<Assessment> assess(ResultsIndex index) {
        List<Assessment> out = new ArrayList<>();
        for (ClaimsFile f : index.claims()) {
            for (Claim c : f.claims()) {
                if (ProofClaims.applies(c)) {
                    Optional<RunEntry> run = ProofClaims.match(index, f, c);
                    out.add(new Assessment(f, c, ProofClaims.assess(index, c, run), run, index.hasRecipe(f.modelSlug(), c.id())));
                    continue;
                }
                Optional<RunEntry> run = match(index, f, c);
                RecipeSpec.EndpointPin endpoint = index.recipeEndpoint(f.modelSlug(), c.id()).orElse(null);
                out.add(new Assessment(f, c, ClaimVerdicts.assess(c, run.map(RunEntry::manifest).orElse(null),
                        run.map(r -> samples(c, r)).orElse(List.of()), index.recipePin(f.modelSlug(), c.id()).orElse(null),
                        endpoint), run, index.hasRecipe(f.modelSlug(), c.id()), endpoint));
            }
        }
        return out;
    }

    /**
     * The latest run of the claim's model, lane, workload, suite and dataset; a real run beats a simulated one. One
     * shard of an audit is never the reproduction: its merged run is.
     */
    static Optional<RunEntry> match(ResultsIndex index, ClaimsFile f, Claim c) {
        return index.runs().stream()
                .filter(r -> r.manifest().shard() == null)
                .filter(r -> r.modelSlug().equals(f.modelSlug()) && r.manifest().lane() == f.lane()
                        && r.manifest().workload().id().equals(c.workload()) && r.manifest().suite().id().equals(c.suite())
                        && r.datasetName().equals(c.dataset()))
                .max(Comparator.comparing((RunEntry r) -> !r.simulated()).thenComparing(RunEntry::runId));
    }

    private static List<Sample> samples(Claim c, RunEntry r) {
        ClaimMetric m = c.metricKind();
        boolean needed = m == ClaimMetric.OUTPUT_TOKENS_MEAN || m == ClaimMetric.OUTPUT_TOKENS_PER_SECOND;
        return needed ? Journal.readAll(r.folder()) : List.of();
    }
}
