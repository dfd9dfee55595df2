package dev.claimcheck.core.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.model.Claim;
import dev.claimcheck.core.model.ClaimMetric;
import dev.claimcheck.core.model.ClaimsFile;
import dev.claimcheck.core.model.ModelSlug;
import dev.claimcheck.core.model.RecipeSpec;
import dev.claimcheck.core.store.ClaimsReader;
import dev.claimcheck.core.store.RecipeReader;
import dev.claimcheck.core.store.Root;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository's claims ledger and recipes: every claim is sourced (URL and date) and uses the metric
 * vocabulary; every recipe reads, names an existing claim of its folder's model (or, without one, says why and names
 * its lane), and has its catalog alias {@code <model-slug>-<file name>} running {@code audit.java --recipe <that file>}.
 */
class RecipeCatalogTest {
    private final Repo repo = Repo.find();

    @Test
    void everyClaimHasASourceUrlAndADateAndAKnownMetric() {
        List<ClaimsFile.Problem> problems = new ArrayList<>();
        List<ClaimsFile> files = ClaimsReader.readAll(new Root(repo.root), problems::add);
        assertThat(problems).isEmpty();
        assertThat(files).extracting(ClaimsFile::modelSlug).contains("inclusionai--ling-2.5-1t", "inclusionai--ring-2.5-1t");
        for (ClaimsFile f : files) {
            assertThat(f.path()).isEqualTo("results/claims/" + f.modelSlug() + ".json");
            assertThat(ModelSlug.of(f.modelId())).isEqualTo(f.modelSlug());
            for (Claim c : f.claims()) {
                String where = f.path() + " claim " + c.id();
                assertThat(c.source().url()).as(where).startsWith("https://");
                assertThat(c.source().date()).as(where).matches("\\d{4}-\\d{2}-\\d{2}");
                assertThat(c.source().dateKind()).as(where).isIn("published", "retrieved");
                assertThat(c.metricKind()).as(where + " metric " + c.metric()).isNotNull();
                if (c.metricKind() == ClaimMetric.ACCURACY) {
                    assertThat(c.value()).as(where).isBetween(0.0, 1.0);
                    assertThat(c.unit()).as(where).isEqualTo("fraction");
                }
            }
        }
    }

    @Test
    void everyRecipeNamesAnExistingClaimAndHasItsAlias() throws IOException {
        Path recipes = repo.root.resolve("audit-scripts/recipes");
        List<Path> files;
        try (Stream<Path> s = Files.walk(recipes)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(2);
        for (Path file : files) {
            String slug = file.getParent().getFileName().toString();
            String claimId = file.getFileName().toString().replaceFirst("\\.json$", "");
            RecipeSpec recipe = RecipeReader.read(file);
            assertThat(ModelSlug.of(recipe.model())).as(file.toString()).isEqualTo(slug);
            if (recipe.hasClaim()) {
                assertThat(recipe.claim().id()).as(file.toString()).isEqualTo(claimId);
                assertThat(recipe.claim().file()).isEqualTo("results/claims/" + slug + ".json");
                ClaimsFile claim = ClaimsReader.claim(new Root(repo.root), recipe.claim().file(), claimId);
                assertThat(ModelSlug.of(recipe.model())).isEqualTo(claim.modelSlug());
                assertThat(recipe.requests()).as(file + " requests").containsKey(claim.lane().id());
            } else {
                assertThat(recipe.noClaim()).as(file + " noClaim").isNotBlank();
                assertThat(recipe.requests()).as(file + " requests").containsKey(recipe.lane());
                // A recipe without a claim is not named like a claim of its model, so it cannot be mistaken for one.
                ClaimsFile claims = ClaimsReader.readAll(new Root(repo.root), p -> { }).stream()
                        .filter(f -> f.modelSlug().equals(slug)).findFirst().orElseThrow();
                assertThat(claims.claims()).extracting(Claim::id).as(file.toString()).doesNotContain(claimId);
            }

            String rel = repo.root.relativize(file).toString().replace('\\', '/');
            JsonNode alias = repo.catalogAlias(slug + "-" + claimId);
            assertThat(alias.isMissingNode()).as("catalog alias %s-%s", slug, claimId).isFalse();
            assertThat(alias.path("script-ref").asText()).isEqualTo("audit-scripts/audit.java");
            List<String> args = new ArrayList<>();
            alias.path("arguments").forEach(a -> args.add(a.asText()));
            assertThat(args).containsSubsequence("--recipe", rel);
        }
    }
}
