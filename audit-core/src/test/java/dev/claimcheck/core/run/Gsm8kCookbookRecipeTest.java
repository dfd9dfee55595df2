package dev.claimcheck.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.cli.AuditRunner;
import dev.claimcheck.core.model.ClaimVerdict;
import dev.claimcheck.core.model.ClaimsFile;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.stats.ClaimAssessment;
import dev.claimcheck.core.stats.ClaimVerdicts;
import dev.claimcheck.core.store.ClaimsReader;
import dev.claimcheck.core.store.Json;
import dev.claimcheck.core.store.Root;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's two GSM8K cookbook recipes, run on the simulator with a GSM8K-layout fixture: they send the
 * sglang-gsm8k protocol (few-shot prompt, the script's stop strings, last-integer grading), match their claims'
 * settings, and a run under another {@code --protocol} reads settingsDiffer naming it (docs/grading/protocols.md).
 */
class Gsm8kCookbookRecipeTest {
    static final Path REPO = Path.of("..");
    static final Path FIXTURE = Path.of("src/test/resources/suites/math/gsm8k-style.jsonl");
    static final String RING = "audit-scripts/recipes/inclusionai--ring-2.5-1t/gsm8k-cookbook.json";
    static final String LING = "audit-scripts/recipes/inclusionai--ling-2.5-1t/gsm8k-cookbook.json";

    @TempDir
    Path tmp;

    Path checkout;

    /**
     * A checkout with the repository's recipes and claims, the hashes cleared: the fixture is not the real test.jsonl,
     * so the run goes with --allow-unpinned whether or not the repository pins the recipes.
     */
    @BeforeEach
    void copyRecipesAndClaims() throws IOException {
        checkout = tmp.resolve("checkout");
        for (String rel : List.of(RING, LING, "results/claims/inclusionai--ring-2.5-1t.json",
                "results/claims/inclusionai--ling-2.5-1t.json")) {
            Path to = checkout.resolve(rel);
            Files.createDirectories(to.getParent());
            Files.copy(REPO.resolve(rel), to);
        }
        for (String rel : List.of(RING, LING)) {
            ObjectNode recipe = (ObjectNode) Json.mapper().readTree(checkout.resolve(rel).toFile());
            ObjectNode dataset = (ObjectNode) recipe.get("dataset");
            dataset.putNull("sha256");
            dataset.putNull("answersSha256");
            dataset.put("pinStatus", "unpinned: a test fixture stands in for test.jsonl");
            Json.mapper().writeValue(checkout.resolve(rel).toFile(), recipe);
        }
    }

    AuditRunner.Result run(String recipe, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--recipe", checkout.resolve(recipe).toString(),
                "--base-url", "sim", "--dataset", FIXTURE.toString(), "--allow-unpinned", "--root", tmp.resolve("root").toString()));
        args.addAll(List.of(more));
        AuditRunner.Result r = AuditRunner.audit(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r;
    }

    ClaimAssessment assessedAsIfReal(AuditRunner.Result r) throws IOException {
        RunManifest m = r.manifest();
        ClaimsFile claims = ClaimsReader.claim(new Root(tmp.resolve("root")), m.claimRef().path(), m.claimRef().id());
        return ClaimVerdicts.assess(claims.claims().get(0), RecipeRunTest.asIfReal(m), RecipeRunTest.samples(r.runDir()));
    }

    @Test
    void ringsRecipeSendsTheSglangProtocolAndMatchesItsClaimButForTheFixturesSize() throws IOException {
        AuditRunner.Result r = run(RING);
        RunManifest m = r.manifest();
        assertThat(m.suite().options()).containsEntry("--protocol", "sglang-gsm8k");
        assertThat(m.harness().graders()).containsOnlyKeys("last-integer");
        assertThat(m.request().template().path("stop").toString()).isEqualTo("[\"Question\",\"Assistant:\",\"<|separator|>\"]");
        assertThat(m.request().template().path("max_tokens").asInt()).as("stated, over the script's 512").isEqualTo(32768);
        assertThat(m.request().template().path("temperature").asDouble()).isEqualTo(1.2);
        List<Sample> samples = RecipeRunTest.samples(r.runDir());
        assertThat(samples).hasSize(8).allSatisfy(s -> assertThat(s.verdict().grader()).isEqualTo("last-integer"));
        // The simulator's oracle is keyed by the prompt as sent, so few-shot prompts still find their answers.
        assertThat(samples).anySatisfy(s -> assertThat(s.verdict().correct()).isTrue());

        ClaimAssessment a = assessedAsIfReal(r);
        assertThat(a.differences()).containsExactly("tasks: claimed 200, used 8");
    }

    @Test
    void theSameRecipeUnderTheBoxedProtocolDiffersFromItsClaimByTheProtocol() throws IOException {
        AuditRunner.Result r = run(RING, "--protocol", "boxed");
        RunManifest m = r.manifest();
        assertThat(m.suite().options()).containsEntry("--protocol", "boxed");
        assertThat(m.request().template().has("stop")).isFalse();
        ClaimAssessment a = assessedAsIfReal(r);
        assertThat(a.verdict()).isEqualTo(ClaimVerdict.SETTINGS_DIFFER);
        assertThat(a.differences()).contains("protocol: claimed sglang-gsm8k, used boxed",
                "numShots: claimed 5, used protocol boxed's", "grader: claimed last-integer, used math",
                "stop: claimed [\"Question\",\"Assistant:\",\"<|separator|>\"], used none");
    }

    @Test
    void lingsRecipeTakesTheScriptsDefaultsAndIsNoLongerUndisclosed() throws IOException {
        AuditRunner.Result r = run(LING);
        RunManifest m = r.manifest();
        assertThat(m.request().template().path("max_tokens").asInt()).isEqualTo(512);
        assertThat(m.request().template().path("temperature").asDouble()).isEqualTo(0.0);
        ClaimAssessment a = assessedAsIfReal(r);
        assertThat(a.verdict()).isNotEqualTo(ClaimVerdict.UNDISCLOSED);
        assertThat(a.differences()).containsExactly("tasks: claimed 200, used 8");
    }
}
