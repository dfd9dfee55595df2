package dev.claimcheck.site.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.store.Root;
import dev.claimcheck.site.SiteModel;
import dev.claimcheck.site.page.Links;
import dev.claimcheck.site.render.Templates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A site started on a simulator root inside a checkout still shows the checkout's claims and their recipes. */
class CheckoutTest {
    @TempDir
    Path tmp;
    Path checkout;
    Root simRoot;

    static String claims(String slug, String claimId) {
        return """
                {"schema": "claimcheck/claims/v1", "model": {"id": "m/%s", "slug": "%s"}, "lane": "thinking",
                 "claims": [{"id": "%s", "workload": "math", "suite": "math", "dataset": "gsm8k", "metric": "accuracy",
                   "value": 0.955, "unit": "fraction", "settings": "undisclosed", "source": {"url": "https://example.org", "date": "2026-01-01"}}]}
                """.formatted(slug, slug, claimId);
    }

    @BeforeEach
    void layOut() throws IOException {
        checkout = tmp.resolve("checkout");
        Files.createDirectories(checkout.resolve("audit-core"));
        Files.writeString(checkout.resolve("jbang-catalog.json"), "{}");
        Files.createDirectories(checkout.resolve("results/claims"));
        Files.writeString(checkout.resolve("results/claims/m--ring.json"), claims("m--ring", "gsm8k-cookbook"));
        Files.writeString(checkout.resolve("results/claims/m--ling.json"), claims("m--ling", "gsm8k-ling"));
        Files.createDirectories(checkout.resolve("audit-scripts/recipes/m--ring"));
        Files.writeString(checkout.resolve("audit-scripts/recipes/m--ring/gsm8k-cookbook.json"), "{}");
        simRoot = new Root(checkout.resolve("target/sim-root"));
        Files.createDirectories(simRoot.runsDir());
    }

    @Test
    void theCheckoutsRecipePinsTheDatasetTheClaimIsJudgedOnEvenWhenTheRootCarriesItsOwn() throws IOException {
        Path real = Path.of("..", "audit-scripts/recipes/inclusionai--ring-2.5-1t/gsm8k-cookbook.json");
        Files.copy(real, checkout.resolve("audit-scripts/recipes/m--ring/gsm8k-cookbook.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path rootRecipe = simRoot.dir().resolve("audit-scripts/recipes/m--ring/gsm8k-cookbook.json");
        Files.createDirectories(rootRecipe.getParent());
        Files.writeString(rootRecipe, "{}");
        Optional<Root> co = Optional.of(new Root(checkout));

        assertThat(Checkout.recipePin(simRoot, co, "m--ring", "gsm8k-cookbook"))
                .hasValueSatisfying(p -> assertThat(p.sha256()).isEqualTo("3730d312f6e3440559ace48831e51066acaca737f6eabec99bccb9e4b3c39d14"));
        assertThat(Checkout.recipePin(simRoot, Optional.empty(), "m--ring", "gsm8k-cookbook"))
                .as("a recipe that does not read pins nothing").isEmpty();
        assertThat(Checkout.recipePin(simRoot, co, "m--ling", "gsm8k-ling")).as("no recipe").isEmpty();
    }

    @Test
    void autoFindsTheCheckoutAboveTheRoot() {
        assertThat(Checkout.of("auto", simRoot, tmp).map(Root::dir)).contains(checkout.toAbsolutePath().normalize());
        assertThat(Checkout.of("auto", new Root(tmp.resolve("elsewhere")), checkout.resolve("audit-core")).map(Root::dir))
                .as("else the one above the working folder").contains(checkout.toAbsolutePath().normalize());
        assertThat(Checkout.of("auto", new Root(checkout), tmp)).as("the checkout itself needs no fallback").isEmpty();
        assertThat(Checkout.of("none", simRoot, tmp)).isEmpty();
        assertThatThrownBy(() -> Checkout.of(tmp.toString(), simRoot, tmp)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("is not a claimcheck checkout");
    }

    @Test
    void aSimulatorRootShowsTheCheckoutsClaimsAndRecipes() {
        SiteModel model = new SiteModel(IndexLoader.load(simRoot, Checkout.of("auto", simRoot, tmp), Instant.now()));
        String html = Templates.get().render("claims.ftlh", model.claims(Links.at(0, false)));
        assertThat(html).doesNotContain("No claims recorded").contains("gsm8k-cookbook", "gsm8k-ling")
                .contains("./jbang m--ring-gsm8k-cookbook@. --base-url URL");
        assertThat(model.claims(Links.at(0, false)).rows()).filteredOn(r -> r.claimId().equals("gsm8k-ling"))
                .singleElement().satisfies(r -> assertThat(r.reproduce()).as("no recipe for this one").isEmpty());
    }

    @Test
    void aRecipeWithoutAClaimIsListedAsNoTranscribedClaimWithItsCommandAndNotAsAClaimRow() throws IOException {
        // The repository's Ring-2.5-1T HMMT February 2025 recipe: the vendor's figure is only in an image.
        Path real = Path.of("..", "audit-scripts/recipes/inclusionai--ring-2.5-1t/hmmt-feb-2025.json");
        Path dir = checkout.resolve("audit-scripts/recipes/inclusionai--ring-2.5-1t");
        Files.createDirectories(dir);
        Files.copy(real, dir.resolve("hmmt-feb-2025.json"));
        SiteModel model = new SiteModel(IndexLoader.load(simRoot, Checkout.of("auto", simRoot, tmp), Instant.now()));
        var page = model.claims(Links.at(0, false));
        assertThat(page.rows()).extracting(r -> r.claimId()).containsExactlyInAnyOrder("gsm8k-cookbook", "gsm8k-ling");
        assertThat(page.unclaimed()).singleElement().satisfies(u -> {
            assertThat(u.model()).isEqualTo("inclusionAI/Ring-2.5-1T");
            assertThat(u.lane()).isEqualTo("thinking");
            assertThat(u.claimed()).isEqualTo("no transcribed claim");
            assertThat(u.why()).contains("only in an image");
            assertThat(u.dataset()).isEqualTo("hmmt_feb_2025 (unpinned)");
            assertThat(u.what()).isEqualTo("math · hmmt_feb_2025 · protocol matharena");
        });
        String html = Templates.get().render("claims.ftlh", page);
        assertThat(html).contains("Measured without a claim", "no transcribed claim",
                "./jbang inclusionai--ring-2.5-1t-hmmt-feb-2025@. --base-url URL");
    }

    @Test
    void withoutTheFallbackTheRootAloneHasNoClaims() {
        SiteModel model = new SiteModel(IndexLoader.load(simRoot, Optional.empty(), Instant.now()));
        assertThat(Templates.get().render("claims.ftlh", model.claims(Links.at(0, false)))).contains("No claims recorded");
    }

    @Test
    void theRootsOwnClaimsFileWinsOverTheCheckoutsOfTheSameName() throws IOException {
        Files.createDirectories(simRoot.claimsDir());
        Files.writeString(simRoot.claimsDir().resolve("m--ring.json"), claims("m--ring", "copied-into-the-root"));
        SiteModel model = new SiteModel(IndexLoader.load(simRoot, Checkout.of("auto", simRoot, tmp), Instant.now()));
        assertThat(model.claims(Links.at(0, false)).rows()).extracting(r -> r.claimId())
                .containsExactlyInAnyOrder("copied-into-the-root", "gsm8k-ling");
    }
}
