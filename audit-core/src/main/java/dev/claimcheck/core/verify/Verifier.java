package dev.claimcheck.core.verify;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.ClaimcheckException;
import dev.claimcheck.core.model.RecipeSpec;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.provenance.Manifest;
import dev.claimcheck.core.provenance.ManifestFinding;
import dev.claimcheck.core.stats.DatasetPins;
import dev.claimcheck.core.store.RecipeReader;
import dev.claimcheck.core.store.Root;
import dev.claimcheck.core.store.RootWalk;
import dev.claimcheck.core.verify.Finding.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The submission verifier (docs/verification.md): for each run folder, limits, schema, MANIFEST coverage and hashes,
 * the signature against allowed_signers, the simulated rule, cross-field consistency, proofs, claim and recipe references, the journal,
 * metrics recomputed from the journal, and the per-suite re-grade. Each problem is a {@link Finding}.
 * Untrusted input is bounded before it is read: file sizes, file count, line length, JSON depth.
 */
public final class Verifier {
    /** Journal parts rotate at 64 MiB; no file of an honest run is much larger. */
    public static final long MAX_FILE_BYTES = 80L << 20;
    public static final long MAX_FOLDER_BYTES = 8L << 30;
    public static final int MAX_FILES = 10_000;
    public static final int MAX_DIR_DEPTH = 8;
    public static final int MAX_LINE_BYTES = 16 << 20;
    public static final double FLOAT_TOLERANCE = 1e-9;

    /**
     * @param allowedSigners overrides the root's results/allowed_signers (null: use the root's)
     * @param allowSimulated accept simulated runs inside a repository's own results/
     * @param regrade run the per-suite re-grade (false: reported as notRegraded)
     * @param at the time signer validity is judged at
     * @param threads run folders verified in parallel
     */
    public record Options(Path allowedSigners, boolean allowSimulated, boolean regrade, Instant at, int threads) {
        public static Options defaults() {
            return new Options(null, false, true, Instant.now(), Runtime.getRuntime().availableProcessors());
        }
    }

    private final Options options;
    private final Regraders regraders;
    private final SignatureCheck signatures;

    public Verifier(Options options, Regraders regraders) {
        this.options = options;
        this.regraders = regraders;
        this.signatures = new SignatureCheck(options.allowedSigners(), options.at());
        if (options.allowedSigners() != null && !Files.isRegularFile(options.allowedSigners())) {
            throw new BadInputException("--allowed-signers: no such file: " + options.allowedSigners());
        }
    }

    public Verifier(Options options) {
        this(options, Regraders.standard());
    }

    /**
     * What verify was asked to check: each root named (walked once, never following a link) and every run folder.
     *
     * @param roots the walks of the roots among the paths, for the root findings (symlinks, ledger, recipes)
     * @param runs every run folder the walks found, then each path that names a run folder itself
     */
    public record Targets(List<RootWalk> roots, List<Path> runs) {
        public Targets {
            roots = List.copyOf(roots);
            runs = List.copyOf(runs);
        }
    }

    /**
     * The roots and run folders named by {@code paths}: a path holding {@code results/} (or a repository checkout), or a
     * root's {@code results/} itself, is a root and stands for the run folders its {@link RootWalk} finds (never one behind
     * a symbolic link); any other directory is a run folder.
     */
    public Targets targets(List<Path> paths) {
        List<RootWalk> roots = new ArrayList<>();
        List<Path> runs = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.isDirectory(p)) {
                throw new BadInputException("not a directory: " + p);
            }
            Optional<Root> root = Root.named(p);
            if (root.isPresent()) {
                RootWalk walk = RootWalk.of(root.get());
                roots.add(walk);
                runs.addAll(walk.runFolders());
            } else {
                runs.add(p);
            }
        }
        for (Path run : runs) {
            if (options.allowedSigners() == null && rootOf(run) == null) {
                throw new BadInputException(run + " is not inside a root (results/runs/<model>/<workload>/<suite>/<run-id>); "
                        + "pass --allowed-signers FILE");
            }
        }
        return new Targets(roots, runs);
    }

    /** The run folders named by {@code paths} ({@link #targets}). */
    public List<Path> runFolders(List<Path> paths) {
        return targets(paths).runs();
    }

    /** Verifies every run folder named by {@code paths}, in parallel, reports in order. */
    public List<RunReport> verify(List<Path> paths) {
        return verifyRuns(runFolders(paths));
    }

    /** Verifies these run folders, in parallel, reports in order. */
    public List<RunReport> verifyRuns(List<Path> runs) {
        for (Path run : runs) {
            signatures.signersFor(run); // a malformed allowed_signers file is bad input (exit 2), not a finding of one run
        }
        int threads = Math.max(1, Math.min(options.threads(), runs.size()));
        if (threads == 1) {
            return runs.stream().map(this::verifyRun).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<RunReport>> futures = runs.stream().map(r -> pool.submit(() -> verifyRun(r))).toList();
            List<RunReport> reports = new ArrayList<>(futures.size());
            for (Future<RunReport> f : futures) {
                try {
                    reports.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            return reports;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The root holding a run folder at results/runs/&lt;slug&gt;/&lt;workload&gt;/&lt;suite&gt;/&lt;id&gt;, or null. */
    public static Path rootOf(Path runDir) {
        return Root.containing(runDir);
    }

    /** Verifies one run folder; never throws for anything the folder contains. */
    public RunReport verifyRun(Path dir) {
        List<String> checks = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        boolean[] simulated = {false};
        String[] signer = {null};
        try {
            run(dir, checks, findings, simulated, signer);
        } catch (ClaimcheckException | IllegalArgumentException | IllegalStateException e) {
            findings.add(new Finding(Kind.SCHEMA, "cannot verify: " + Findings.clip(e.getMessage())));
        }
        return new RunReport(dir, simulated[0], signer[0], checks, findings);
    }

    /** The checks in their documented order (docs/verification.md); each check group is its own class. */
    private void run(Path dir, List<String> checks, List<Finding> findings, boolean[] simulated, String[] signer) {
        Path root = rootOf(dir);
        checks.add("limits");
        if (!LimitsCheck.check(dir, findings)) {
            return; // nothing more is read from a folder that breaks the limits
        }
        checks.add("schema");
        SchemaCheck.RunJson runJson = SchemaCheck.check(dir, root, findings);
        RunManifest manifest = runJson == null ? null : runJson.manifest();
        if (manifest != null) {
            simulated[0] = manifest.simulated();
        }
        checks.add("manifest");
        // The journal parts MANIFEST lists are parsed from the bytes being hashed; their findings come in the journal check.
        JournalCheck journal = manifest == null ? null : new JournalCheck(manifest.request().k());
        for (ManifestFinding f : Manifest.checkFolder(dir, journal == null ? null : journal::tap)) {
            findings.add(SignatureCheck.map(f));
        }
        checks.add("signature");
        signatures.check(dir, root, findings, signer);
        if (manifest == null) {
            return;
        }
        checks.add("simulated");
        if (manifest.simulated() && root != null && new Root(root).isRepository() && !options.allowSimulated()) {
            findings.add(new Finding(Kind.SIMULATED_IN_RESULTS, "simulated run inside the repository's own results/ ("
                    + root + "); simulated runs are never results (--allow-simulated to accept)"));
        }
        String simulator = ConsistencyCheck.simulatorEvidence(manifest);
        if (!manifest.simulated() && simulator != null) {
            // Unconditional: inside a checkout or not, whoever signed, --allow-simulated or not.
            findings.add(new Finding(Kind.SIMULATED_MISLABELLED, simulator + " but run.json says simulated: false"));
        }
        checks.add("consistency");
        ConsistencyCheck.check(dir, manifest, options.at(), findings);
        checks.add("proofs");
        for (RunManifest.ProofRef proof : manifest.proofs()) {
            FileRefCheck.check(root, "proofs", proof.path(), proof.sha256(), "proof", findings, true);
        }
        checks.add("references");
        if (manifest.recipe() != null && manifest.recipe().path() != null) {
            int before = findings.size();
            FileRefCheck.check(root, null, manifest.recipe().path(), manifest.recipe().sha256(), "recipe", findings, false);
            if (findings.size() == before) {
                offPin(root, manifest, findings);
            }
        }
        if (manifest.claimRef() != null && manifest.claimRef().path() != null) {
            int before = findings.size();
            FileRefCheck.check(root, null, manifest.claimRef().path(), manifest.claimRef().sha256(), "claim file", findings, false);
            if (findings.size() == before && manifest.claimRef().id() != null) {
                claimExists(new Root(root), manifest.claimRef(), findings);
            }
        }
        checks.add("journal");
        List<Sample> samples = journal.check(dir, findings);
        if (samples == null) {
            return;
        }
        JournalCheck.coverage(manifest, samples, findings);
        ConsistencyCheck.samples(manifest, samples, findings);
        checks.add("metrics");
        MetricsCheck.check(runJson.tree(), manifest, samples, findings);
        ComparisonCheck.check(dir, root, manifest, findings);
        checks.add("regrade");
        TaskListCheck.check(manifest, samples, findings); // even with re-grading skipped: it needs only the journal
        regrade(manifest, samples, root, findings);
        checks.add("shards");
        if (manifest.mergedShards() != null) {
            ShardsCheck.check(root, manifest, samples, findings, this::verifyRun);
        }
    }

    private void regrade(RunManifest manifest, List<Sample> samples, Path root, List<Finding> findings) {
        if (!options.regrade()) {
            findings.add(new Finding(Kind.NOT_REGRADED, "re-grading skipped"));
            return;
        }
        var regrader = regraders.forSuite(manifest.suite().id());
        if (regrader.isEmpty()) {
            findings.add(new Finding(Kind.NOT_REGRADED, "no re-grader for suite '" + manifest.suite().id()
                    + "' yet: verdicts are taken as recorded"));
            return;
        }
        findings.addAll(regrader.get().regrade(manifest, samples, root));
    }

    /** The file is there with the recorded hash: the claim id must be in it (docs/verification.md). */
    private static void claimExists(Root root, RunManifest.FileRef ref, List<Finding> findings) {
        try {
            dev.claimcheck.core.store.ClaimsReader.claim(root, ref.path(), ref.id());
        } catch (ClaimcheckException e) {
            findings.add(new Finding(Kind.CLAIM_NOT_FOUND, Findings.clip(e.getMessage())));
        }
    }

    /**
     * The recipe is there with the recorded hash: a dataset it pins must be the one the run read. An unreadable recipe
     * is the root's recipeSchema finding (LedgerCheck), not repeated here.
     */
    private static void offPin(Path root, RunManifest manifest, List<Finding> findings) {
        RecipeSpec recipe;
        try {
            recipe = RecipeReader.read(root.resolve(manifest.recipe().path()));
        } catch (ClaimcheckException e) {
            return;
        }
        RunManifest.DatasetRef used = manifest.suite() == null ? null : manifest.suite().dataset();
        if (!DatasetPins.differences(recipe.dataset(), used).isEmpty()) {
            // One short line (details are clipped at 80 characters): the file hashes, read and pinned.
            String read = used == null || used.sha256() == null ? "none" : used.sha256().substring(0, 12) + "…";
            String pinned = recipe.dataset().sha256() == null ? "none" : recipe.dataset().sha256().substring(0, 12) + "…";
            findings.add(new Finding(Kind.OFF_PIN, "not the recipe's pinned dataset (sha256 " + read + " read, " + pinned
                    + " pinned)"));
        }
    }

    static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return Findings.clip(nl < 0 ? m : m.substring(0, nl));
    }

}
