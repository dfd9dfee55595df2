package dev.claimcheck.core.store;

import dev.claimcheck.core.model.Workload;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A folder laid out like the repository's top level: {@code results/} (runs, claims,
 * allowed_signers) and {@code proofs/}. Real runs default to the repository, simulated ones to
 * {@code target/sim-root}.
 */
public record Root(Path dir) {
    public static final Path DEFAULT_SIM_ROOT = Path.of("target", "sim-root");

    public Path runsDir() {
        return dir.resolve("results").resolve("runs");
    }

    public Path claimsDir() {
        return dir.resolve("results").resolve("claims");
    }

    public Path allowedSigners() {
        return dir.resolve("results").resolve("allowed_signers");
    }

    public Path proofsDir() {
        return dir.resolve("proofs");
    }

    /** results/runs/&lt;model-slug&gt;/&lt;workload&gt;/&lt;suite&gt;/&lt;run-id&gt;/ */
    public RunFolder runFolder(String modelSlug, Workload workload, String suiteId, String runId) {
        return new RunFolder(runsDir().resolve(modelSlug).resolve(workload.id()).resolve(suiteId).resolve(runId));
    }

    /** Whether this root is a claimcheck repository checkout (whose results/ never hold simulated runs). */
    public boolean isRepository() {
        return Files.isRegularFile(dir.resolve("jbang-catalog.json")) && Files.isDirectory(dir.resolve("audit-core"));
    }

    /** The root holding a run folder: four levels above results/runs/slug/workload/suite/id. */
    public static Root of(RunFolder folder) {
        Path p = folder.dir().toAbsolutePath().normalize();
        for (int i = 0; i < 6 && p != null; i++) {
            p = p.getParent();
        }
        return new Root(p == null ? folder.dir() : p);
    }
}
