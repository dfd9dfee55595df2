package dev.claimcheck.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.claimcheck.core.cli.AuditRunner;
import dev.claimcheck.core.model.ClaimVerdict;
import dev.claimcheck.core.model.ClaimsFile;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.model.RecipeSpec;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.stats.ClaimAssessment;
import dev.claimcheck.core.stats.ClaimVerdicts;
import dev.claimcheck.core.store.ClaimsReader;
import dev.claimcheck.core.store.Json;
import dev.claimcheck.core.store.RecipeReader;
import dev.claimcheck.core.store.Root;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audit --recipe FILE --base-url URL} runs a pinned reproduction with nothing else, and every bad recipe,
 * claim, suite or dataset is one line (exit 2) before any request reaches the endpoint — counted by a real
 * loopback HTTP server.
 */
class RecipeRunTest {
    static final Path CHECKOUT = Path.of("src/test/resources/recipe-checkout");
    static final String RECIPE = "audit-scripts/recipes/test--tiny-1b/gsm8k-fixture.json";
    /** The hashes of data/gsm8k-style.jsonl (the project's own 8-row GSM8K-format fixture), which its recipe pins. */
    static final String FIXTURE_SHA256 = "11b0ac98d2ac6c6dd5a60c059c6b3cc18bd9a24ae4b54d5474625fdb607f9903";
    static final String FIXTURE_ANSWERS = "b450fd769e3bdb69931eb50ddca4331d9e88b51d54580da16092a88d8f20c782";

    @TempDir
    Path tmp;

    Path checkout;
    HttpServer server;
    final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void copyCheckoutAndStartACountingServer() throws IOException {
        checkout = tmp.resolve("checkout");
        try (Stream<Path> files = Files.walk(CHECKOUT)) {
            for (Path p : files.toList()) {
                Path to = checkout.resolve(CHECKOUT.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    String counted() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    Path recipe() {
        return checkout.resolve(RECIPE);
    }

    void editRecipe(String from, String to) throws IOException {
        String text = Files.readString(recipe());
        assertThat(text).contains(from);
        Files.writeString(recipe(), text.replace(from, to));
    }

    AuditRunner.Result refusedWithoutARequest(String... args) {
        AuditRunner.Result r = AuditRunner.audit(args);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(requests.get()).as("requests that reached the endpoint").isZero();
        assertThat(r.err().strip().lines()).as("one line on stderr").hasSize(1);
        return r;
    }

    @Test
    void aPinnedRecipeRunsWithOnlyABaseUrlAndRecordsItsRecipeAndClaim() throws IOException {
        Path root = tmp.resolve("sim-root");
        AuditRunner.Result r = AuditRunner.audit("--recipe", recipe().toString(), "--base-url", "sim:accuracy=0.75",
                "--root", root.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        RunManifest m = r.manifest();
        assertThat(m.lane().id()).isEqualTo("thinking");
        assertThat(m.model().id()).isEqualTo("test/Tiny-1B");
        assertThat(m.request().k()).isEqualTo(2);
        assertThat(m.request().template().path("temperature").asDouble()).isEqualTo(0.6);
        assertThat(m.suite().dataset().name()).isEqualTo("gsm8k-style");
        assertThat(m.suite().dataset().sha256()).isEqualTo("11b0ac98d2ac6c6dd5a60c059c6b3cc18bd9a24ae4b54d5474625fdb607f9903");
        assertThat(m.recipe().path()).isEqualTo(RECIPE);
        assertThat(m.recipe().sha256()).isEqualTo(PromptHash.sha256Hex(Files.readAllBytes(recipe())));
        assertThat(m.claimRef().path()).isEqualTo("results/claims/test--tiny-1b.json");
        assertThat(m.claimRef().id()).isEqualTo("gsm8k-fixture");
        // The results root holds the same bytes, so run.json's references resolve inside it.
        assertThat(root.resolve(RECIPE)).hasSameBinaryContentAs(recipe());
        assertThat(root.resolve(m.claimRef().path())).hasSameBinaryContentAs(checkout.resolve(m.claimRef().path()));

        ClaimsFile claims = ClaimsReader.claim(new Root(root), m.claimRef().path(), m.claimRef().id());
        // A simulated run is a harness self-test: never a verdict about the model (docs/architecture.md §8.1), its figure still shown.
        ClaimAssessment sim = ClaimVerdicts.assess(claims.claims().get(0), m, samples(r.runDir()));
        assertThat(sim.verdict()).isEqualTo(ClaimVerdict.NOT_REPRODUCED);
        assertThat(sim.note()).isEqualTo(ClaimVerdicts.SIMULATED_ONLY);
        assertThat(sim.measured()).isEqualTo(m.metrics().score());
        // The same figures from a real endpoint are compared with the claim.
        ClaimAssessment a = ClaimVerdicts.assess(claims.claims().get(0), asIfReal(m), samples(r.runDir()));
        assertThat(a.differences()).isEmpty();
        assertThat(a.verdict()).isIn(ClaimVerdict.CONSISTENT, ClaimVerdict.REFUTED, ClaimVerdict.EXCEEDS);
        assertThat(a.measured()).isEqualTo(m.metrics().score());
    }

    @Test
    void verifyFindsTheRecipeAndTheClaimInTheResultsRootAndNoticesAClaimIdThatIsNotThere() throws IOException {
        Path root = tmp.resolve("sim-root");
        AuditRunner.Result r = AuditRunner.audit("--recipe", recipe().toString(), "--base-url", "sim:accuracy=0.75",
                "--root", root.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        var verifier = new dev.claimcheck.core.verify.Verifier(dev.claimcheck.core.verify.Verifier.Options.defaults());
        assertThat(verifier.verifyRun(r.runDir()).findings()).extracting(dev.claimcheck.core.verify.Finding::id)
                .doesNotContain("referenceMissing", "referenceHashMismatch", "claimNotFound");
        Path runJson = r.runDir().resolve("run.json");
        Files.writeString(runJson, Files.readString(runJson).replace("\"id\" : \"gsm8k-fixture\"", "\"id\" : \"no-such-claim\"")
                .replace("\"id\":\"gsm8k-fixture\"", "\"id\":\"no-such-claim\""));
        assertThat(Files.readString(runJson)).contains("no-such-claim");
        assertThat(verifier.verifyRun(r.runDir()).findings()).extracting(dev.claimcheck.core.verify.Finding::id)
                .contains("claimNotFound");
    }

    @Test
    void settingsThatDifferFromTheClaimAreListedAndNeverReadConsistent() throws IOException {
        editRecipe("\"thinking\": {\"temperature\": 0.6", "\"thinking\": {\"temperature\": 1.0");
        AuditRunner.Result r = AuditRunner.audit("--recipe", recipe().toString(), "--base-url", "sim:accuracy=0.75",
                "--root", tmp.resolve("sim-root").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        RunManifest m = r.manifest();
        ClaimsFile claims = ClaimsReader.claim(new Root(tmp.resolve("sim-root")), m.claimRef().path(), m.claimRef().id());
        ClaimAssessment a = ClaimVerdicts.assess(claims.claims().get(0), asIfReal(m), samples(r.runDir()));
        assertThat(a.verdict()).isEqualTo(ClaimVerdict.SETTINGS_DIFFER);
        assertThat(a.differences()).containsExactly("temperature: claimed 0.6, used 1.0");
    }

    /** The manifest as a real endpoint's run would record it: what the verdict rules see of a non-simulated run. */
    static RunManifest asIfReal(RunManifest m) {
        return new RunManifest(m.schema(), m.runId(), m.status(), false, m.lane(), m.workload(), m.suite(), m.model(),
                m.endpoint(), m.hardware(), m.request(), m.harness(), m.recipe(), m.claimRef(), m.startedAt(), m.finishedAt(),
                m.stopReason(), m.metrics(), m.proofs(), m.journalRepairs());
    }

    @Test
    void aWrongDatasetHashIsRefusedBeforeAnyRequest() throws IOException {
        Path other = tmp.resolve("test.jsonl");
        Files.writeString(other, Files.readString(checkout.resolve("data/gsm8k-style.jsonl")).replace("#### 288", "#### 289"));
        AuditRunner.Result r = refusedWithoutARequest("--recipe", recipe().toString(), "--base-url", counted(),
                "--dataset", other.toString(), "--root", tmp.resolve("root").toString());
        assertThat(r.err()).contains("has sha256").contains("but recipe " + RECIPE + " pins sha256 11b0ac98")
                .contains("(both differ)").contains("nothing was sent");
        assertThat(tmp.resolve("root/results")).doesNotExist();
    }

    @Test
    void otherQuestionsWithTheSameAnswersAreRefusedByTheFileHashNamingBothPairsOfHashes() throws IOException {
        Path other = tmp.resolve("test.jsonl");
        Files.writeString(other, Files.readString(checkout.resolve("data/gsm8k-style.jsonl")).replace("A baker", "A cook"));
        AuditRunner.Result r = refusedWithoutARequest("--recipe", recipe().toString(), "--base-url", counted(),
                "--dataset", other.toString(), "--root", tmp.resolve("root").toString());
        assertThat(r.err()).contains("has sha256 " + PromptHash.sha256Hex(Files.readAllBytes(other))
                        + " and answersSha256 " + FIXTURE_ANSWERS)
                .contains("pins sha256 " + FIXTURE_SHA256 + " and answersSha256 " + FIXTURE_ANSWERS)
                .contains("(the sha256 differs)");
    }

    @Test
    void changedAnswersRunUnderAllowUnpinnedWithAWarningThatTheyAreNotThePinnedOnes() throws IOException {
        Path other = tmp.resolve("test.jsonl");
        Files.writeString(other, Files.readString(checkout.resolve("data/gsm8k-style.jsonl")).replace("#### 288", "#### 289"));
        AuditRunner.Result r = AuditRunner.audit("--recipe", recipe().toString(), "--base-url", "sim:accuracy=0.75",
                "--dataset", other.toString(), "--allow-unpinned", "--root", tmp.resolve("sim-root").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("warning: --allow-unpinned: the dataset hashes are not checked against recipe " + RECIPE)
                .contains("this file has sha256 " + PromptHash.sha256Hex(Files.readAllBytes(other)))
                .contains("the recipe pins sha256 " + FIXTURE_SHA256 + " and answersSha256 " + FIXTURE_ANSWERS)
                .contains("(they differ: this run is not on the pinned dataset");
        assertThat(r.manifest().suite().dataset().sha256()).isEqualTo(PromptHash.sha256Hex(Files.readAllBytes(other)));
        var verifier = new dev.claimcheck.core.verify.Verifier(dev.claimcheck.core.verify.Verifier.Options.defaults());
        assertThat(verifier.verifyRun(r.runDir()).findings()).filteredOn(f -> f.id().equals("offPin"))
                .extracting(dev.claimcheck.core.verify.Finding::detail)
                .containsExactly("not the recipe's pinned dataset (sha256 "
                        + PromptHash.sha256Hex(Files.readAllBytes(other)).substring(0, 12) + "… read, "
                        + FIXTURE_SHA256.substring(0, 12) + "… pinned)");
    }

    @Test
    void allowUnpinnedWarnsOnEveryRunEvenWhenTheFileIsThePinnedOne() {
        AuditRunner.Result r = AuditRunner.audit("--recipe", recipe().toString(), "--base-url", "sim:accuracy=0.75",
                "--allow-unpinned", "--root", tmp.resolve("sim-root").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("warning: --allow-unpinned: the dataset hashes are not checked")
                .contains("this file has sha256 " + FIXTURE_SHA256 + " and answersSha256 " + FIXTURE_ANSWERS)
                .contains("(the same)");
        var verifier = new dev.claimcheck.core.verify.Verifier(dev.claimcheck.core.verify.Verifier.Options.defaults());
        assertThat(verifier.verifyRun(r.runDir()).findings()).extracting(dev.claimcheck.core.verify.Finding::id)
                .doesNotContain("offPin");
    }

    /** The repository's two GSM8K recipes, pinned to openai/grade-school-math test.jsonl at 3101c7d5 (issue #17). */
    static List<Path> gsm8kRecipes() {
        Path repo = Path.of("").toAbsolutePath().getParent();
        return List.of(repo.resolve("audit-scripts/recipes/inclusionai--ling-2.5-1t/gsm8k-cookbook.json"),
                repo.resolve("audit-scripts/recipes/inclusionai--ring-2.5-1t/gsm8k-cookbook.json"));
    }

    static final String GSM8K_SHA256 = "3730d312f6e3440559ace48831e51066acaca737f6eabec99bccb9e4b3c39d14";
    static final String GSM8K_ANSWERS = "0e953da9259f5e595202f27c0af16a37b6e554b2fddd124a8590a4c27863c104";

    @Test
    void bothGsm8kRecipesPinTheUpstreamTestFile() {
        for (Path file : gsm8kRecipes()) {
            RecipeSpec recipe = RecipeReader.read(file);
            assertThat(recipe.dataset().pinned()).as(file.toString()).isTrue();
            assertThat(recipe.dataset().sha256()).isEqualTo(GSM8K_SHA256);
            assertThat(recipe.dataset().answersSha256()).isEqualTo(GSM8K_ANSWERS);
            assertThat(recipe.dataset().revision()).isEqualTo("openai/grade-school-math@3101c7d5072418e28b9008a6636bde82a006892c");
        }
    }

    @Test
    void bothGsm8kRecipesRefuseAnotherFileNamingTheExpectedAndActualHashes() throws IOException {
        Path fixture = checkout.resolve("data/gsm8k-style.jsonl");
        for (Path file : gsm8kRecipes()) {
            AuditRunner.Result r = refusedWithoutARequest("--recipe", file.toString(), "--base-url", counted(),
                    "--dataset", fixture.toString(), "--root", tmp.resolve("root").toString());
            assertThat(r.err()).as(file.toString())
                    .contains("has sha256 " + FIXTURE_SHA256 + " and answersSha256 " + FIXTURE_ANSWERS)
                    .contains("pins sha256 " + GSM8K_SHA256 + " and answersSha256 " + GSM8K_ANSWERS)
                    .contains("(both differ)").contains("nothing was sent");
        }
    }

    @Test
    void bothGsm8kRecipesRunAFixtureUnderAllowUnpinnedAndPrintItsTwoHashes() {
        Path fixture = checkout.resolve("data/gsm8k-style.jsonl");
        for (Path file : gsm8kRecipes()) {
            AuditRunner.Result r = AuditRunner.audit("--recipe", file.toString(), "--base-url", "sim",
                    "--dataset", fixture.toString(), "--allow-unpinned", "--root", tmp.resolve("sim-root").toString());
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.err()).as(file.toString()).contains("warning: --allow-unpinned")
                    .contains("this file has sha256 " + FIXTURE_SHA256 + " and answersSha256 " + FIXTURE_ANSWERS)
                    .contains("the recipe pins sha256 " + GSM8K_SHA256 + " and answersSha256 " + GSM8K_ANSWERS)
                    .contains("(they differ");
            assertThat(r.manifest().suite().dataset().name()).isEqualTo("gsm8k");
        }
    }

    @Test
    void aRecipePointingToAMissingClaimIsRefused() throws IOException {
        editRecipe("\"id\": \"gsm8k-fixture\"", "\"id\": \"no-such-claim\"");
        AuditRunner.Result r = refusedWithoutARequest("--recipe", recipe().toString(), "--base-url", counted(),
                "--root", tmp.resolve("root").toString());
        assertThat(r.err()).contains("results/claims/test--tiny-1b.json: no claim with id 'no-such-claim'");
    }

    @Test
    void anUnknownSuiteIsRefused() throws IOException {
        editRecipe("\"suite\": \"math\",\n  \"dataset\"", "\"suite\": \"chess\",\n  \"dataset\"");
        AuditRunner.Result r = refusedWithoutARequest("--recipe", recipe().toString(), "--base-url", counted(),
                "--root", tmp.resolve("root").toString());
        assertThat(r.err()).contains("unknown suite 'chess'");
    }

    @Test
    void anUnpinnedRecipeIsRefusedWithTheHashesAMaintainerWouldPin() throws IOException {
        editRecipe("\"answersSha256\": \"b450fd769e3bdb69931eb50ddca4331d9e88b51d54580da16092a88d8f20c782\"", "\"answersSha256\": null");
        editRecipe("\"pinStatus\": \"pinned\"", "\"pinStatus\": \"unpinned: not hashed yet\"");
        AuditRunner.Result r = refusedWithoutARequest("--recipe", recipe().toString(), "--base-url", counted(),
                "--root", tmp.resolve("root").toString());
        assertThat(r.err()).contains("does not pin its dataset (unpinned: not hashed yet)")
                .contains("sha256 11b0ac98d2ac6c6dd5a60c059c6b3cc18bd9a24ae4b54d5474625fdb607f9903")
                .contains("answersSha256 b450fd769e3bdb69931eb50ddca4331d9e88b51d54580da16092a88d8f20c782")
                .contains("--allow-unpinned");
    }

    @Test
    void allowUnpinnedRunsButWarnsWithBothHashes() throws IOException {
        editRecipe("\"answersSha256\": \"b450fd769e3bdb69931eb50ddca4331d9e88b51d54580da16092a88d8f20c782\"", "\"answersSha256\": null");
        editRecipe("\"sha256\": \"11b0ac98d2ac6c6dd5a60c059c6b3cc18bd9a24ae4b54d5474625fdb607f9903\",", "\"sha256\": null,");
        editRecipe("\"pinStatus\": \"pinned\"", "\"pinStatus\": \"unpinned: not hashed yet\"");
        AuditRunner.Result r = AuditRunner.audit("--recipe", recipe().toString(), "--base-url", "sim:accuracy=0.75",
                "--allow-unpinned", "--root", tmp.resolve("sim-root").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("warning: --allow-unpinned: recipe " + RECIPE + " does not pin its dataset (unpinned: not hashed yet)")
                .contains("sha256 11b0ac98d2ac6c6dd5a60c059c6b3cc18bd9a24ae4b54d5474625fdb607f9903")
                .contains("answersSha256 b450fd769e3bdb69931eb50ddca4331d9e88b51d54580da16092a88d8f20c782");
        assertThat(r.manifest().suite().dataset().sha256()).isEqualTo("11b0ac98d2ac6c6dd5a60c059c6b3cc18bd9a24ae4b54d5474625fdb607f9903");
    }

    @Test
    void aMissingDatasetSaysWhereToDownloadIt() throws IOException {
        Files.delete(checkout.resolve("data/gsm8k-style.jsonl"));
        AuditRunner.Result r = refusedWithoutARequest("--recipe", recipe().toString(), "--base-url", counted(),
                "--root", tmp.resolve("root").toString());
        assertThat(r.err()).contains("dataset not found at").contains("download audit-core/src/test/resources/suites/math/gsm8k-style.jsonl");
    }

    @Test
    void anOptionTheRecipePinsCannotBeOverridden() {
        AuditRunner.Result r = refusedWithoutARequest("--recipe", recipe().toString(), "--base-url", counted(),
                "--temperature", "0.1", "--root", tmp.resolve("root").toString());
        assertThat(r.err()).contains("--temperature cannot be combined with --recipe");
    }

    @Test
    void aModelOtherThanTheRecipesIsRefused() {
        AuditRunner.Result r = refusedWithoutARequest("--recipe", recipe().toString(), "--base-url", counted(),
                "--model", "other/Model", "--root", tmp.resolve("root").toString());
        assertThat(r.err()).contains("--model other/Model is not the recipe's model test/Tiny-1B");
    }

    @Test
    void aDryRunPlansWithoutSendingOrWriting() {
        AuditRunner.Result r = AuditRunner.audit("--recipe", recipe().toString(), "--base-url", counted(), "--dry-run",
                "--root", tmp.resolve("root").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("8");
        assertThat(requests.get()).isZero();
        assertThat(tmp.resolve("root")).doesNotExist();
    }

    @Test
    void theRecordedDatasetNameMustBeTheRecipesAndTheClaims() throws IOException {
        editRecipe("\"suiteOptions\": {\"--dataset-name\": \"gsm8k-style\"}", "\"suiteOptions\": {}");
        Path download = tmp.resolve("test.jsonl");
        Files.copy(checkout.resolve("data/gsm8k-style.jsonl"), download);
        AuditRunner.Result r = refusedWithoutARequest("--recipe", recipe().toString(), "--base-url", counted(),
                "--dataset", download.toString(), "--root", tmp.resolve("root").toString());
        assertThat(r.err()).contains("the run would record dataset name test, not the recipe's gsm8k-style")
                .contains("--dataset-name");
    }

    @Test
    void aMalformedHashIsRefused() throws IOException {
        editRecipe("\"sha256\": \"11b0ac98", "\"sha256\": \"XYZ0ac98");
        AuditRunner.Result r = refusedWithoutARequest("--recipe", recipe().toString(), "--base-url", counted(),
                "--root", tmp.resolve("root").toString());
        assertThat(r.err()).contains("dataset hashes must be 64 lower-case hex digits");
    }

    @Test
    void anUnknownProtocolIsRefusedWithTheKnownOnes() throws IOException {
        editRecipe("\"suiteOptions\": {\"--dataset-name\": \"gsm8k-style\"}",
                "\"suiteOptions\": {\"--dataset-name\": \"gsm8k-style\"}, \"protocol\": \"lm-eval\"");
        AuditRunner.Result r = refusedWithoutARequest("--recipe", recipe().toString(), "--base-url", counted(),
                "--root", tmp.resolve("root").toString());
        assertThat(r.err()).contains("unknown --protocol 'lm-eval' (known: boxed, sglang-gsm8k, matharena, matharena-aime)");
    }

    static List<Sample> samples(Path runDir) throws IOException {
        return Files.readAllLines(runDir.resolve("samples.jsonl")).stream().filter(l -> !l.isBlank())
                .map(l -> {
                    try {
                        return Json.mapper().readValue(l, Sample.class);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }
}
