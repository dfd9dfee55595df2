package dev.claimcheck.site.index;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.model.RecipeSpec;
import dev.claimcheck.core.store.RecipeReader;
import dev.claimcheck.core.store.Root;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The repository checkout whose claims ledger and recipes fill in what a root lacks. A simulator root
 * ({@code target/sim-root}, or any {@code --root}) holds runs but usually no {@code results/claims/} and never the
 * recipes, so without this its claims page read "No claims recorded" and its claims "no recipe yet".
 */
public final class Checkout {
    /** {@code claimcheck.checkout}: find it ({@link #find}), use none, or a folder. */
    public static final String AUTO = "auto";
    public static final String NONE = "none";

    private Checkout() {
    }

    /**
     * The checkout the setting names: {@code auto} (the nearest checkout at or above the root, else at or above the
     * working folder), {@code none}, or a checkout's folder. Empty when the root is that checkout itself.
     */
    public static Optional<Root> of(String setting, Root root, Path workingDir) {
        String s = setting == null ? AUTO : setting.strip();
        Optional<Root> found;
        if (s.equals(NONE)) {
            return Optional.empty();
        } else if (s.isEmpty() || s.equals(AUTO)) {
            found = find(root.dir()).or(() -> find(workingDir));
        } else {
            Root named = new Root(Path.of(s).toAbsolutePath().normalize());
            if (!named.isRepository()) {
                throw new BadInputException("claimcheck.checkout " + named.dir()
                        + " is not a claimcheck checkout (no jbang-catalog.json and audit-core/); use auto, none or a checkout");
            }
            found = Optional.of(named);
        }
        Path self = root.dir().toAbsolutePath().normalize();
        return found.filter(c -> !c.dir().equals(self));
    }

    /** The nearest folder at or above {@code start} that is a checkout. */
    static Optional<Root> find(Path start) {
        for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            Root r = new Root(p);
            if (r.isRepository()) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /**
     * A recipe that measures without a claim to compare with ({@link RecipeSpec#noClaim()}).
     *
     * @param slug its model folder
     * @param name its file name without {@code .json}, the alias suffix ({@code <slug>-<name>})
     */
    public record Unclaimed(String slug, String name, RecipeSpec recipe) {
    }

    /**
     * Every recipe without a claim, from the checkout and then the root (the checkout's wins for the same file), in
     * path order; a recipe that does not read is left out here (verify's ledger check reports it).
     */
    public static java.util.List<Unclaimed> unclaimed(Root root, Optional<Root> checkout) {
        java.util.Map<String, Unclaimed> out = new java.util.TreeMap<>();
        java.util.List<Root> roots = new java.util.ArrayList<>();
        checkout.ifPresent(roots::add);
        roots.add(root);
        for (Root r : roots) {
            Path dir = r.dir().resolve("audit-scripts/recipes");
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (var files = Files.walk(dir, 2)) {
                for (Path f : files.filter(p -> p.getNameCount() > 0 && p.toString().endsWith(".json")
                        && dir.relativize(p).getNameCount() == 2).sorted().toList()) {
                    String slug = f.getParent().getFileName().toString();
                    String name = f.getFileName().toString().replaceFirst("\\.json$", "");
                    try {
                        RecipeSpec spec = RecipeReader.read(f);
                        if (!spec.hasClaim()) {
                            out.putIfAbsent(slug + "/" + name, new Unclaimed(slug, name, spec));
                        }
                    } catch (RuntimeException e) {
                        // unreadable: not listed here; LedgerCheck names it
                    }
                }
            } catch (java.io.IOException e) {
                // an unreadable folder lists nothing, as an absent one
            }
        }
        return java.util.List.copyOf(out.values());
    }

    /** Whether {@code audit-scripts/recipes/<slug>/<claim-id>.json} exists in the root or, failing that, the checkout. */
    public static boolean hasRecipe(Root root, Optional<Root> checkout, String slug, String claimId) {
        return recipe(root, slug, claimId) || checkout.map(c -> recipe(c, slug, claimId)).orElse(false);
    }

    private static boolean recipe(Root r, String slug, String claimId) {
        return Files.isRegularFile(recipeFile(r, slug, claimId));
    }

    private static Path recipeFile(Root r, String slug, String claimId) {
        return r.dir().resolve("audit-scripts/recipes").resolve(slug).resolve(claimId + ".json");
    }

    /**
     * The dataset the claim's recipe pins: the checkout's recipe when there is one (the repository's pin is the
     * authority; a results root could carry a recipe pinning its own data), else the root's; empty without a recipe or
     * when the recipe does not read (the claims page then matches by dataset name alone, as without a recipe).
     */
    public static Optional<RecipeSpec.DatasetPin> recipePin(Root root, Optional<Root> checkout, String slug, String claimId) {
        return recipeSpec(root, checkout, slug, claimId).map(RecipeSpec::dataset);
    }

    /** The claim's recipe, read from the same file as {@link #recipePin} (its endpoint pin: docs/fingerprint.md). */
    public static Optional<RecipeSpec> recipeSpec(Root root, Optional<Root> checkout, String slug, String claimId) {
        Path file = checkout.filter(c -> recipe(c, slug, claimId)).map(c -> recipeFile(c, slug, claimId))
                .orElse(recipe(root, slug, claimId) ? recipeFile(root, slug, claimId) : null);
        if (file == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(RecipeReader.read(file));
        } catch (BadInputException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
