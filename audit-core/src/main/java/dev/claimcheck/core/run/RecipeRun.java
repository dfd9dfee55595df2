package dev.claimcheck.core.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.RunFailedException;
import dev.claimcheck.core.model.ClaimsFile;
import dev.claimcheck.core.model.Lane;
import dev.claimcheck.core.model.ModelSlug;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.model.RecipeSpec;
import dev.claimcheck.core.model.RunManifest.DatasetRef;
import dev.claimcheck.core.model.RunManifest.FileRef;
import dev.claimcheck.core.stats.DatasetPins;
import dev.claimcheck.core.store.ClaimsReader;
import dev.claimcheck.core.store.RecipeReader;
import dev.claimcheck.core.store.Root;
import dev.claimcheck.core.suite.RequestBodies;
import dev.claimcheck.core.suite.Suite;
import dev.claimcheck.core.suite.SuiteOptions;
import dev.claimcheck.core.suite.SuiteRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a recipe into an {@link AuditSpec} (docs/recipes.md). Everything that can be wrong with the recipe, its
 * claim, its suite or its dataset is found here, as one {@link BadInputException} line, before any endpoint is
 * opened; the results root receives copies of the recipe and the claims file so run.json's references resolve
 * inside it (verify checks them there).
 */
public final class RecipeRun {
    /** Command-line options a recipe pins: giving one with {@code --recipe} is an error, not an override. */
    public static final java.util.List<String> PINNED_OPTIONS = java.util.List.of("--lane", "--k", "--limit",
            "--temperature", "--top-p", "--max-tokens", "--system-prompt", "--chat-template-kwargs", "--extra-body");

    private RecipeRun() {
    }

    /**
     * What the command line adds to a recipe: where to send, where to write, and the operational settings a recipe
     * does not pin.
     *
     * @param dataset the downloaded dataset file, or null for the recipe's {@code dataset.path}
     * @param model the model name to send, when the server serves the recipe's model under another spelling of the
     *              same slug (null: the recipe's)
     * @param allowUnpinned run although the dataset hashes are not pinned or not the pinned ones: a warning with the
     *                      file's two hashes instead of the check (the run records the hashes found)
     * @param dryRun only plan: nothing is sent and nothing is written
     * @param protocol another protocol than the recipe's (a deliberate departure: the verdict reads settingsDiffer),
     *                 or null
     */
    public record Invocation(Path recipe, String baseUrl, String model, Path dataset, Path root, long seed,
                             Integer concurrency, Map<String, String> headers, String apiFlavor, String apiKeyEnv,
                             Long maxTotalTokens, int maxRetries, boolean allowUnpinned, boolean dryRun, String protocol) {
    }

    /**
     * The checked spec, ready for {@link AuditSession#start}; {@code session} resolves the default root. {@code warn}
     * receives what the user must see although the run goes ahead (an unpinned dataset under --allow-unpinned).
     */
    public static AuditSpec prepare(Invocation in, AuditSession session, java.util.function.Consumer<String> warn) {
        Path recipeFile = in.recipe().toAbsolutePath().normalize();
        Path checkout = checkout(recipeFile);
        RecipeSpec recipe = RecipeReader.read(recipeFile);
        String slugDir = recipeFile.getParent().getFileName().toString();
        Suite suite = SuiteRegistry.byId(recipe.suite());
        Lane lane = recipe.hasClaim() ? checkClaim(recipe, recipeFile, checkout, slugDir, suite) : Lane.of(recipe.lane());
        if (!recipe.hasClaim() && !ModelSlug.of(recipe.model()).equals(slugDir)) {
            throw new BadInputException(recipeFile.getFileName() + ": model " + recipe.model() + " does not belong in folder "
                    + slugDir);
        }
        ObjectNode body = recipe.requests().get(lane.id());
        if (body == null) {
            throw new BadInputException("recipe has no request body for the claim's lane " + lane.id()
                    + " (requests: " + recipe.requests().keySet() + ")");
        }
        Map<String, String> options = new LinkedHashMap<>(recipe.suiteOptions());
        boolean generated = recipe.dataset().generatedBy() != null;
        if (generated) {
            checkGenerated(recipe, suite, in);
        } else {
            Path data = in.dataset() != null ? in.dataset() : checkout.resolve(recipe.dataset().path());
            if (!Files.isRegularFile(data) && !Files.isDirectory(data)) { // a folder for suites that read a snapshot (lcb)
                throw new BadInputException("dataset not found at " + data + ": download " + recipe.dataset().source()
                        + " (revision " + recipe.dataset().revision() + ") there, or pass --dataset FILE");
            }
            options.put("--dataset", data.toString());
        }
        String protocol = in.protocol() != null ? in.protocol() : recipe.protocol();
        if (protocol != null) {
            options.put("--protocol", protocol);
        }
        Object suiteOptions = SuiteOptions.restore(suite, options);
        String model = in.model() != null ? in.model() : recipe.model();
        if (!ModelSlug.of(model).equals(ModelSlug.of(recipe.model()))) {
            throw new BadInputException("--model " + model + " is not the recipe's model " + recipe.model()
                    + " (a run under another model would not be compared with the claim)");
        }
        Root root = AuditSession.rootOf(in.root(), in.baseUrl());
        String recipeRel = checkout.relativize(recipeFile).toString().replace('\\', '/');
        // --allow-unpinned: the hashes are reported, not checked (below), whether the recipe pins them or not.
        boolean checked = !in.allowUnpinned();
        RecipePin pin = new RecipePin(new FileRef(recipeRel, sha256(recipeFile), null), !recipe.hasClaim() ? null
                : new FileRef(recipe.claim().file(), sha256(checkout.resolve(recipe.claim().file())), recipe.claim().id()),
                checked ? recipe.dataset().sha256() : null, checked ? recipe.dataset().answersSha256() : null);
        AuditSpec spec = new AuditSpec(suite.id(), suiteOptions, SuiteOptions.values(suiteOptions), in.baseUrl(), model,
                lane, recipe.k() == null ? 1 : recipe.k(), recipe.limit(),
                in.concurrency() != null ? in.concurrency() : recipe.concurrency() != null ? recipe.concurrency() : 8,
                in.seed(), root.dir(), template(model, lane, body, suite.requestDefaults(suiteOptions)), null, in.headers(), in.apiFlavor(), in.apiKeyEnv(),
                in.maxTotalTokens(), in.maxRetries(), pin);
        var dataset = session.plan(spec).dataset();
        if (!recipe.dataset().name().equals(dataset.name())) {
            throw new BadInputException("the run would record dataset name " + dataset.name() + ", not the recipe's "
                    + recipe.dataset().name() + " (set it in suiteOptions, e.g. \"--dataset-name\": \""
                    + recipe.dataset().name() + "\")");
        }
        if (generated) {
            checkGeneratedTasks(recipe.dataset(), recipeRel, dataset, !in.allowUnpinned());
        }
        String hashes = generated ? "these generated tasks have sha256 " + dataset.sha256()
                : "this file has sha256 " + dataset.sha256() + " and answersSha256 " + dataset.answersSha256();
        String found = "recipe " + recipeRel + " does not pin its dataset (" + recipe.dataset().pinStatus() + "); " + hashes;
        if (!recipe.dataset().pinned() && !in.allowUnpinned()) {
            throw new BadInputException(found + "; pin them (docs/recipes.md) or pass --allow-unpinned");
        }
        pin.check(dataset);
        if (in.allowUnpinned()) {
            warn.accept("warning: --allow-unpinned: " + allowedUnpinned(recipe.dataset(), recipeRel, found, hashes, dataset));
        }
        if (!in.dryRun()) {
            copyInto(checkout, root, recipeRel);
            if (recipe.hasClaim()) {
                copyInto(checkout, root, recipe.claim().file());
            }
        }
        return spec;
    }

    /**
     * A recipe's claim, checked against it (file name, model, dataset, suite); the claims file's lane, which chooses
     * the request body.
     */
    private static Lane checkClaim(RecipeSpec recipe, Path recipeFile, Path checkout, String slugDir, Suite suite) {
        ClaimsFile claims = ClaimsReader.claim(new Root(checkout), recipe.claim().file(), recipe.claim().id());
        if (!slugDir.equals(claims.modelSlug()) || !ModelSlug.of(recipe.model()).equals(claims.modelSlug())) {
            throw new BadInputException(recipeFile.getFileName() + ": model " + recipe.model() + " in folder " + slugDir
                    + " does not match the claim's model " + claims.modelId());
        }
        if (!recipeFile.getFileName().toString().equals(recipe.claim().id() + ".json")) {
            throw new BadInputException(recipeFile.getFileName() + ": a recipe is named after its claim: "
                    + recipe.claim().id() + ".json");
        }
        String claimDataset = claims.claims().get(0).dataset();
        if (!claimDataset.isEmpty() && !claimDataset.equals(recipe.dataset().name())) {
            throw new BadInputException("recipe dataset " + recipe.dataset().name() + " differs from the claim's dataset "
                    + claimDataset);
        }
        String claimSuite = claims.claims().get(0).suite();
        if (!claimSuite.isEmpty() && !claimSuite.equals(suite.id())) {
            throw new BadInputException("recipe suite " + suite.id() + " differs from the claim's suite " + claimSuite);
        }
        return claims.lane();
    }

    /**
     * A generated dataset: made by the recipe's suite, from the recipe's seed, never from a file (so no
     * {@code --dataset}); a seed other than the pinned one would generate other tasks.
     */
    private static void checkGenerated(RecipeSpec recipe, Suite suite, Invocation in) {
        RecipeSpec.DatasetPin pin = recipe.dataset();
        if (!pin.generatedBy().equals(suite.id())) {
            throw new BadInputException("recipe dataset source " + pin.source() + " is not generated by its suite "
                    + suite.id() + " (use " + RecipeSpec.DatasetPin.GENERATED + suite.id() + ")");
        }
        if (in.dataset() != null) {
            throw new BadInputException("--dataset: the recipe's tasks are generated by " + suite.id()
                    + " (dataset.source " + pin.source() + "); there is no file to pass");
        }
        if (in.seed() != pin.seed()) {
            throw new BadInputException("--seed " + in.seed() + ": the recipe's tasks are generated with seed " + pin.seed()
                    + " (dataset.seed); another seed generates other tasks than the pinned ones");
        }
    }

    /**
     * The generated tasks against the pin: the generator version always, the tasks' hash when pinned and checked. A
     * different hash means the suite options (lengths, depths, kinds, …) or the generator's output changed.
     */
    private static void checkGeneratedTasks(RecipeSpec.DatasetPin pin, String recipeRel, DatasetRef dataset, boolean checked) {
        if (!pin.generatorVersion().equals(dataset.generatorVersion())) {
            throw new BadInputException("recipe " + recipeRel + " pins " + pin.generatedBy() + " generator version "
                    + pin.generatorVersion() + ", but this build generates version " + dataset.generatorVersion()
                    + "; re-pin the recipe (docs/recipes.md); nothing was sent");
        }
        if (checked && pin.pinned() && !pin.sha256().equals(dataset.sha256())) {
            throw new BadInputException("the generated tasks have sha256 " + dataset.sha256() + ", but recipe " + recipeRel
                    + " pins sha256 " + pin.sha256() + " (generator " + pin.generatedBy() + " version "
                    + pin.generatorVersion() + ", seed " + pin.seed() + "): the suite options generate other tasks than "
                    + "the pinned ones; nothing was sent");
        }
    }

    /**
     * The warning {@code --allow-unpinned} prints on every run: the file's two hashes, and against a pinned recipe
     * whether they are the pinned ones (a run on other data is no reproduction of the claim).
     */
    private static String allowedUnpinned(RecipeSpec.DatasetPin pinned, String recipeRel, String found, String hashes,
                                          DatasetRef dataset) {
        if (!pinned.pinned()) {
            return found + "; the run records these hashes, and a maintainer who checked the file against its source"
                    + " can pin them (docs/recipes.md)";
        }
        boolean same = DatasetPins.differences(pinned, dataset).isEmpty();
        return "the dataset hashes are not checked against recipe " + recipeRel + "; " + hashes + ", the recipe pins sha256 "
                + pinned.sha256() + " and answersSha256 " + pinned.answersSha256() + (same ? " (the same)"
                : " (they differ: this run is not on the pinned dataset and reproduces nothing)");
    }

    /** The checkout holding {@code audit-scripts/recipes/<model-slug>/<claim-id>.json}. */
    static Path checkout(Path recipeFile) {
        Path slug = recipeFile.getParent();
        Path recipes = slug == null ? null : slug.getParent();
        Path scripts = recipes == null ? null : recipes.getParent();
        if (scripts == null || !recipes.getFileName().toString().equals("recipes")
                || !scripts.getFileName().toString().equals("audit-scripts") || scripts.getParent() == null) {
            throw new BadInputException("a recipe lies at audit-scripts/recipes/<model-slug>/<claim-id>.json in a checkout, not at "
                    + recipeFile);
        }
        return scripts.getParent();
    }

    /**
     * The request body as sent: the model, the suite's implied defaults (the recipe's protocol: stop strings, …) under
     * the recipe's body for the lane, the lane's max_tokens where neither sets one, streaming with usage.
     */
    static ObjectNode template(String model, Lane lane, ObjectNode body, ObjectNode suiteDefaults) {
        for (String forbidden : Arrays.asList("messages", "stream", "stream_options", "model")) {
            if (body.has(forbidden)) {
                throw new BadInputException("recipe request body for lane " + lane.id() + " must not set " + forbidden);
            }
        }
        ObjectNode explicit = body.objectNode();
        explicit.put("model", model);
        explicit.setAll(body.deepCopy());
        ObjectNode t = RequestBodies.merge(suiteDefaults, explicit, lane == Lane.THINKING ? 65536 : 16384);
        t.put("stream", true);
        t.putObject("stream_options").put("include_usage", true);
        return t;
    }

    /** Puts a copy of a checkout file at the same place in the results root (same bytes, or a clear refusal). */
    private static void copyInto(Path checkout, Root root, String rel) {
        Path from = checkout.resolve(rel);
        Path to = root.dir().toAbsolutePath().normalize().resolve(rel);
        if (to.equals(from)) {
            return;
        }
        try {
            byte[] bytes = Files.readAllBytes(from);
            if (Files.exists(to)) {
                if (!Arrays.equals(Files.readAllBytes(to), bytes)) {
                    throw new BadInputException("root " + root.dir() + " already holds a different " + rel
                            + "; use another --root");
                }
                return;
            }
            Files.createDirectories(to.getParent());
            Files.write(to, bytes);
        } catch (IOException e) {
            throw new RunFailedException("cannot copy " + rel + " into root " + root.dir() + ": " + e.getMessage());
        }
    }

    private static String sha256(Path file) {
        try {
            return PromptHash.sha256Hex(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
