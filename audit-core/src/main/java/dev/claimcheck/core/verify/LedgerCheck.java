package dev.claimcheck.core.verify;

import dev.claimcheck.core.ClaimcheckException;
import dev.claimcheck.core.model.Claim;
import dev.claimcheck.core.model.ClaimsFile;
import dev.claimcheck.core.model.ModelSlug;
import dev.claimcheck.core.model.RecipeSpec;
import dev.claimcheck.core.store.ClaimsReader;
import dev.claimcheck.core.store.RecipeReader;
import dev.claimcheck.core.store.Root;
import dev.claimcheck.core.store.RootWalk;
import dev.claimcheck.core.suite.SuiteRegistry;
import dev.claimcheck.core.verify.LedgerFinding.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The root findings (docs/verification.md, "Root findings"): every symbolic link or special file the {@link RootWalk}
 * found under results/, proofs/ or audit-scripts/recipes/; then validates the root's claims ledger ({@code results/claims/*.json}) and recipes ({@code audit-scripts/recipes/**}):
 * schema, every claim sourced with an http(s) URL and a date, metrics from the vocabulary, every recipe well-formed
 * (hashes included), placed at {@code <model-slug>/<claim-id>.json} and naming an existing claim and suite.
 */
public final class LedgerCheck {
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private LedgerCheck() {
    }

    public static List<LedgerFinding> check(Root root) {
        return check(RootWalk.of(root));
    }

    public static List<LedgerFinding> check(RootWalk walk) {
        Root root = walk.root();
        List<LedgerFinding> out = new ArrayList<>();
        for (RootWalk.Unsafe u : walk.unsafe()) {
            out.add(new LedgerFinding(Kind.of(u.id()), u.path(), u.detail()));
        }
        List<ClaimsFile> files = ClaimsReader.readAll(walk, p -> out.add(new LedgerFinding(Kind.CLAIMS_SCHEMA, p.path(), p.reason())));
        for (ClaimsFile f : files) {
            if (!f.path().equals("results/claims/" + f.modelSlug() + ".json") || !ModelSlug.of(f.modelId()).equals(f.modelSlug())) {
                out.add(new LedgerFinding(Kind.CLAIMS_FILE_MISNAMED, f.path(), "model " + f.modelId() + " (slug " + f.modelSlug()
                        + ") belongs in results/claims/" + ModelSlug.of(f.modelId()) + ".json"));
            }
            for (Claim c : f.claims()) {
                String url = c.source().url();
                if (!(url.startsWith("https://") || url.startsWith("http://")) || !DATE.matcher(c.source().date()).matches()
                        || !(c.source().dateKind().equals("published") || c.source().dateKind().equals("retrieved"))) {
                    out.add(new LedgerFinding(Kind.CLAIM_UNSOURCED, f.path(), "claim " + c.id()
                            + " needs source.url (http or https) and source.date (YYYY-MM-DD, published or retrieved)"));
                }
                if (c.metricKind() == null) {
                    out.add(new LedgerFinding(Kind.CLAIM_UNKNOWN_METRIC, f.path(), "claim " + c.id() + ": metric '" + c.metric()
                            + "' is not in the vocabulary (docs/claims.md)"));
                }
            }
        }
        for (Path recipe : walk.recipes()) {
            checkRecipe(root, recipe, out);
        }
        return out;
    }

    private static void checkRecipe(Root root, Path file, List<LedgerFinding> out) {
        String rel = root.dir().relativize(file).toString().replace('\\', '/');
        RecipeSpec recipe;
        try {
            recipe = RecipeReader.read(file);
        } catch (ClaimcheckException e) {
            out.add(new LedgerFinding(Kind.RECIPE_SCHEMA, rel, e.getMessage().replace(file.toString() + ": ", "")));
            return;
        }
        String slug = file.getParent().getFileName().toString();
        if (!recipe.hasClaim()) {
            // A recipe without a claim is named freely, in its model's folder; it has no claim to find.
            if (!slug.equals(ModelSlug.of(recipe.model()))) {
                out.add(new LedgerFinding(Kind.RECIPE_MISPLACED, rel, "a recipe for " + recipe.model() + " lies in "
                        + "audit-scripts/recipes/" + ModelSlug.of(recipe.model()) + "/"));
            }
            checkSuiteAndPin(recipe, rel, out);
            return;
        }
        String expected = "audit-scripts/recipes/" + ModelSlug.of(recipe.model()) + "/" + recipe.claim().id() + ".json";
        if (!rel.equals(expected)) {
            out.add(new LedgerFinding(Kind.RECIPE_MISPLACED, rel, "a recipe for " + recipe.model() + " claim " + recipe.claim().id()
                    + " lies at " + expected));
        }
        try {
            ClaimsFile claims = ClaimsReader.claim(root, recipe.claim().file(), recipe.claim().id());
            if (!claims.modelSlug().equals(slug)) {
                out.add(new LedgerFinding(Kind.RECIPE_CLAIM_MISSING, rel, "the claim belongs to " + claims.modelSlug() + ", not " + slug));
            }
        } catch (ClaimcheckException e) {
            out.add(new LedgerFinding(Kind.RECIPE_CLAIM_MISSING, rel, e.getMessage()));
        }
        checkSuiteAndPin(recipe, rel, out);
    }

    private static void checkSuiteAndPin(RecipeSpec recipe, String rel, List<LedgerFinding> out) {
        if (SuiteRegistry.all().stream().noneMatch(s -> s.id().equals(recipe.suite()))) {
            out.add(new LedgerFinding(Kind.RECIPE_UNKNOWN_SUITE, rel, "unknown suite '" + recipe.suite() + "' (known: "
                    + SuiteRegistry.ids() + ")"));
        }
        if (!recipe.dataset().pinned()) {
            out.add(new LedgerFinding(Kind.RECIPE_UNPINNED, rel, recipe.dataset().pinStatus()));
        }
    }
}
