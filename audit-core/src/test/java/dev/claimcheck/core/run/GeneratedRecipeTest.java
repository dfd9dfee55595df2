package dev.claimcheck.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.claimcheck.core.cli.AuditRunner;
import dev.claimcheck.core.model.RecipeSpec;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.store.RecipeReader;
import dev.claimcheck.core.suite.longctx.LongctxSuite;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recipe over generated tasks ({@code dataset.source} {@code generated:longctx}) has no file: it pins the generator
 * version, the seed and the hash the suite records over the tasks' ids and answers. The same options run; other
 * lengths, another seed, a {@code --dataset} or another generator version are one line each, before any request.
 */
class GeneratedRecipeTest {
    static final String RECIPE = "audit-scripts/recipes/test--tiny-1b/niah-tiny.json";
    /** run.json suite.dataset.sha256 of longctx --lengths 2k,4k --depths 0,100 --kinds single, seed 0, generator 1. */
    static final String TASKS_SHA256 = "9932876d6d56ca9704242178697333333978481b0cce8752ec0895e1ebbaa9f9";
    static final String TEXT = """
            {"schema": "claimcheck/recipe/v1", "model": "test/Tiny-1B", "suite": "longctx", "lane": "instant",
             "noClaim": "a test recipe: there is no claim to compare with",
             "dataset": {"name": "longctx-generated-o200k_base", "source": "generated:longctx", "generatorVersion": "1",
                         "seed": 0, "sha256": "%s", "pinStatus": "pinned"},
             "suiteOptions": {"--lengths": "2k,4k", "--depths": "0,100", "--kinds": "single", "--tokenizer": "o200k_base"},
             "requests": {"instant": {"max_tokens": 64}}}
            """.formatted(TASKS_SHA256);

    @TempDir
    Path tmp;

    HttpServer server;
    final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void writeRecipeAndStartACountingServer() throws IOException {
        Path file = recipe();
        Files.createDirectories(file.getParent());
        Files.writeString(file, TEXT);
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

    Path recipe() {
        return tmp.resolve("checkout").resolve(RECIPE);
    }

    void edit(String from, String to) throws IOException {
        String text = Files.readString(recipe());
        assertThat(text).contains(from);
        Files.writeString(recipe(), text.replace(from, to));
    }

    String refused(String... extra) {
        String[] args = new String[4 + extra.length];
        args[0] = "--recipe";
        args[1] = recipe().toString();
        args[2] = "--base-url";
        args[3] = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        System.arraycopy(extra, 0, args, 4, extra.length);
        AuditRunner.Result r = AuditRunner.audit(args);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(requests.get()).as("requests that reached the endpoint").isZero();
        assertThat(r.err().strip().lines()).as("one line on stderr").hasSize(1);
        return r.err();
    }

    @Test
    void theRecipesOptionsGenerateThePinnedTasksAndTheRunRecordsThem() {
        AuditRunner.Result r = AuditRunner.audit("--recipe", recipe().toString(), "--base-url", "sim:accuracy=0.75",
                "--root", tmp.resolve("sim-root").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        RunManifest m = r.manifest();
        assertThat(m.suite().dataset().sha256()).isEqualTo(TASKS_SHA256);
        assertThat(m.suite().dataset().generatorVersion()).isEqualTo(LongctxSuite.GENERATOR_VERSION);
        assertThat(m.suite().dataset().source()).isEqualTo("generated:seed=0");
        assertThat(m.suite().options()).containsEntry("--lengths", "2k,4k");
        assertThat(m.recipe().path()).isEqualTo(RECIPE);
        assertThat(m.claimRef()).isNull();
        assertThat(m.metrics().score()).isNotNull();
    }

    @Test
    void otherLengthsGenerateOtherTasksAndAreRefusedNamingBothHashes() throws IOException {
        edit("\"2k,4k\"", "\"2k,8k\"");
        assertThat(refused()).contains("the generated tasks have sha256 ", "but recipe " + RECIPE + " pins sha256 " + TASKS_SHA256,
                "(generator longctx version 1, seed 0)", "the suite options generate other tasks than the pinned ones",
                "nothing was sent").doesNotContain("sha256 " + TASKS_SHA256 + ", but");
    }

    @Test
    void anotherSeedIsRefusedBeforeTheTasksAreGenerated() {
        assertThat(refused("--seed", "7")).contains("--seed 7: the recipe's tasks are generated with seed 0 (dataset.seed)");
    }

    @Test
    void aGeneratedDatasetTakesNoFile() {
        assertThat(refused("--dataset", tmp.resolve("x.jsonl").toString()))
                .contains("--dataset: the recipe's tasks are generated by longctx", "there is no file to pass");
    }

    @Test
    void anotherGeneratorVersionIsRefusedEvenWhenUnpinnedHashesAreAllowed() throws IOException {
        edit("\"generatorVersion\": \"1\"", "\"generatorVersion\": \"0\"");
        assertThat(refused("--allow-unpinned")).contains("pins longctx generator version 0, but this build generates version 1");
    }

    @Test
    void aGeneratedSourceMustBeTheRecipesSuite() throws IOException {
        edit("\"generated:longctx\"", "\"generated:math\"");
        assertThat(refused()).contains("dataset source generated:math is not generated by its suite longctx");
    }

    @Test
    void anUnpinnedGeneratedRecipeIsRefusedWithTheHashToPin() throws IOException {
        edit("\"sha256\": \"" + TASKS_SHA256 + "\", \"pinStatus\": \"pinned\"", "\"pinStatus\": \"unpinned: not computed\"");
        assertThat(refused()).contains("does not pin its dataset (unpinned: not computed); these generated tasks have sha256 "
                + TASKS_SHA256);
    }

    @Test
    void theGeneratedFormHasNoFileAndNamesItsGeneratorAndSeed() throws IOException {
        ObjectMapper m = new ObjectMapper();
        ObjectNode json = (ObjectNode) m.readTree(TEXT);
        ObjectNode withPath = json.deepCopy();
        ((ObjectNode) withPath.get("dataset")).put("path", "data/x.jsonl");
        assertThatThrownBy(() -> m.treeToValue(withPath, RecipeSpec.class)).hasMessageContaining("has no file: no dataset.path");
        ObjectNode noSeed = json.deepCopy();
        ((ObjectNode) noSeed.get("dataset")).remove("seed");
        assertThatThrownBy(() -> m.treeToValue(noSeed, RecipeSpec.class)).hasMessageContaining("dataset.seed (of a generated dataset) is required");
        ObjectNode noVersion = json.deepCopy();
        ((ObjectNode) noVersion.get("dataset")).remove("generatorVersion");
        assertThatThrownBy(() -> m.treeToValue(noVersion, RecipeSpec.class)).hasMessageContaining("dataset.generatorVersion");
        ObjectNode fileWithSeed = json.deepCopy();
        ((ObjectNode) fileWithSeed.get("dataset")).put("source", "https://example.org/d.jsonl").put("revision", "r")
                .put("path", "data/d.jsonl");
        assertThatThrownBy(() -> m.treeToValue(fileWithSeed, RecipeSpec.class)).hasMessageContaining("only for a generated dataset");
        RecipeSpec.DatasetPin pin = RecipeReader.read(recipe()).dataset();
        assertThat(pin.pinned()).isTrue();
        assertThat(pin.generatedBy()).isEqualTo("longctx");
    }

    @Test
    void theRepositorysLongContextRecipesArePinnedToTheTasksOfTheirOptionsAndSayTheMixIsOurs() {
        Path recipes = MathArenaRecipeTest.REPO.resolve("audit-scripts/recipes");
        for (String rel : new String[] {"inclusionai--ling-2.5-1t/ruler-16k-256k.json", "inclusionai--ring-2.5-1t/ruler-16k-256k.json",
                "inclusionai--ling-2.5-1t/niah-1m.json"}) {
            RecipeSpec r = RecipeReader.read(recipes.resolve(rel));
            assertThat(r.hasClaim()).as(rel).isFalse();
            assertThat(r.dataset().generatedBy()).as(rel).isEqualTo("longctx");
            assertThat(r.dataset().generatorVersion()).as(rel).isEqualTo(LongctxSuite.GENERATOR_VERSION);
            assertThat(r.dataset().pinned()).as(rel).isTrue();
            assertThat(r.departures()).as(rel).anySatisfy(d -> assertThat(d).contains("seven generated kinds", "not NVIDIA's RULER code"));
            // The pin is the hash of the tasks these options generate: a dry run passes the check.
            AuditRunner.Result dry = AuditRunner.audit("--recipe", recipes.resolve(rel).toString(), "--base-url", "sim", "--dry-run");
            assertThat(dry.exitCode()).as(rel + ": " + dry.err()).isZero();
        }
        assertThat(RecipeReader.read(recipes.resolve("inclusionai--ling-2.5-1t/niah-1m.json")).suiteOptions())
                .containsEntry("--kinds", "single").containsEntry("--lengths", "16k,32k,64k,128k,256k,512k,1m");
        assertThat(recipes.resolve("inclusionai--ring-2.5-1t/niah-1m.json")).as("Ring's context is 256K: no NIAH to 1M").doesNotExist();
    }
}
