package dev.claimcheck.core.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.model.Claim;
import dev.claimcheck.core.model.ClaimsFile;
import dev.claimcheck.core.store.ClaimsReader;
import dev.claimcheck.core.store.Root;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The serving claims' bench recipe (docs/throughput.md, "Serving claims as recipes"): its catalog alias is an A/B
 * bench of the claim's model against the baseline it names, judging the ratio against the claimed value as a lower
 * bound at input lengths from 32K; the memory-access claim has none, since it is not measurable through the API.
 */
class BenchRecipeCatalogTest {
    private final Repo repo = Repo.find();

    @Test
    void theThroughputClaimsAliasIsAnAbBenchOfItsModelAgainstRing1tWithTheClaimAsItsLowerBound() {
        ClaimsFile ledger = ClaimsReader.claim(new Root(repo.root), "results/claims/inclusionai--ring-2.5-1t.json",
                "generation-throughput-beyond-32k");
        Claim claim = ledger.claims().stream().filter(c -> c.id().equals("generation-throughput-beyond-32k")).findFirst().orElseThrow();
        JsonNode alias = repo.catalogAlias("inclusionai--ring-2.5-1t-generation-throughput-beyond-32k");
        assertThat(alias.path("script-ref").asText()).isEqualTo("audit-scripts/bench.java");
        List<String> args = new ArrayList<>();
        alias.path("arguments").forEach(a -> args.add(a.asText()));

        assertThat(args).containsSubsequence("--model", "inclusionAI/Ring-1T")
                .containsSubsequence("--model-b", ledger.modelId())
                .containsSubsequence("--lower-bound", String.valueOf((int) claim.value()))
                .doesNotContain("--base-url", "--base-url-b");
        String lengths = args.get(args.indexOf("--input-tokens") + 1);
        assertThat(lengths.split(",")).allSatisfy(l -> assertThat(Integer.parseInt(l.replace("k", ""))).isGreaterThanOrEqualTo(32));
        assertThat(Integer.parseInt(args.get(args.indexOf("--repeats") + 1))).isGreaterThanOrEqualTo(3);
    }

    @Test
    void theMemoryAccessClaimHasNoRecipeBecauseTheApiCannotMeasureIt() {
        assertThat(repo.catalogAlias("inclusionai--ring-2.5-1t-memory-access-beyond-32k").isMissingNode()).isTrue();
    }
}
