package dev.claimcheck.site.index;

import dev.claimcheck.core.store.Root;
import dev.claimcheck.core.model.ClaimsFile;
import dev.claimcheck.core.model.RecipeSpec;
import dev.claimcheck.site.prices.PriceTable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the site shows, read from one root at one moment: runs sorted by folder path, the
 * problems found, and the claims ledger. Immutable; a refresh builds a new one.
 *
 * @param byId the runs by run id (the first folder wins when two share an id; the other is excluded)
 * @param checkout the checkout whose claims files and recipes fill in those the root lacks ({@link Checkout})
 * @param prices the declared price table: the root's, else the checkout's; none when neither has one or it is bad
 *        (then it is listed as excluded with the field at fault)
 */
public record ResultsIndex(Root root, List<RunEntry> runs, List<ExcludedRun> excluded, List<ClaimsFile> claims,
                           Map<String, RunEntry> byId, Optional<Root> checkout, PriceTable prices) {
    public ResultsIndex {
        checkout = checkout == null ? Optional.empty() : checkout;
        prices = prices == null ? PriceTable.NONE : prices;
        runs = List.copyOf(runs);
        excluded = List.copyOf(excluded);
        claims = List.copyOf(claims);
        byId = Collections.unmodifiableMap(new LinkedHashMap<>(byId));
    }

    /** Indexes the runs by id; a duplicate id is moved to the excluded list. */
    public static ResultsIndex of(Root root, List<RunEntry> runs, List<ExcludedRun> excluded, List<ClaimsFile> claims) {
        return of(root, runs, excluded, claims, Optional.empty());
    }

    public static ResultsIndex of(Root root, List<RunEntry> runs, List<ExcludedRun> excluded, List<ClaimsFile> claims,
                                  Optional<Root> checkout) {
        return of(root, runs, excluded, claims, checkout, PriceTable.NONE);
    }

    public static ResultsIndex of(Root root, List<RunEntry> runs, List<ExcludedRun> excluded, List<ClaimsFile> claims,
                                  Optional<Root> checkout, PriceTable prices) {
        Map<String, RunEntry> ids = new LinkedHashMap<>();
        List<RunEntry> kept = new java.util.ArrayList<>();
        List<ExcludedRun> ex = new java.util.ArrayList<>(excluded);
        for (RunEntry r : runs) {
            if (ids.putIfAbsent(r.runId(), r) == null) {
                kept.add(r);
            } else {
                ex.add(new ExcludedRun(r.relPath(), "duplicate run id (also " + ids.get(r.runId()).relPath() + ")"));
            }
        }
        return new ResultsIndex(root, kept, ex, claims, ids, checkout, prices);
    }

    /** The dataset the claim's recipe pins, from the root or the checkout ({@link Checkout#recipePin}). */
    public Optional<RecipeSpec.DatasetPin> recipePin(String slug, String claimId) {
        return Checkout.recipePin(root, checkout, slug, claimId);
    }

    /** The endpoint the claim's recipe pins (tokenizer family, context, precision), if it pins one. */
    public Optional<RecipeSpec.EndpointPin> recipeEndpoint(String slug, String claimId) {
        return Checkout.recipeSpec(root, checkout, slug, claimId).map(RecipeSpec::endpoint);
    }

    /** The recipes without a claim, from the checkout and the root ({@link Checkout#unclaimed}). */
    public List<Checkout.Unclaimed> unclaimedRecipes() {
        return Checkout.unclaimed(root, checkout);
    }

    /** Whether the claim has a recipe in the root or the checkout (the claims page then offers its alias). */
    public boolean hasRecipe(String slug, String claimId) {
        return Checkout.hasRecipe(root, checkout, slug, claimId);
    }

    public Optional<RunEntry> run(String runId) {
        return Optional.ofNullable(byId.get(runId));
    }
}
