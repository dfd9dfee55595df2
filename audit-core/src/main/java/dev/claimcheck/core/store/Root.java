package dev.claimcheck.core.store;

import dev.claimcheck.core.model.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

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

    /**
     * The root a command-line path names: a folder holding {@code results/} (or a repository checkout), or a root's
     * {@code results/} folder itself ({@code verify results}); empty for anything else (a run folder).
     */
    public static Optional<Root> named(Path path) {
        if (Files.isDirectory(path.resolve("results")) || new Root(path).isRepository()) {
            return Optional.of(new Root(path));
        }
        Path name = path.toAbsolutePath().normalize().getFileName();
        if (name != null && name.toString().equals("results") && (Files.isDirectory(path.resolve("runs"))
                || Files.isDirectory(path.resolve("claims")) || Files.isRegularFile(path.resolve("allowed_signers")))) {
            Path parent = path.normalize().getParent();
            return Optional.of(new Root(parent != null ? parent : Path.of("")));
        }
        return Optional.empty();
    }

    /**
     * The root holding {@code runDir} when it sits at results/runs/&lt;slug&gt;/&lt;workload&gt;/&lt;suite&gt;/&lt;run-id&gt;,
     * else null (a run folder copied elsewhere has no root).
     */
    public static Path containing(Path runDir) {
        Path p = runDir.toAbsolutePath().normalize();
        if (p.getNameCount() < 7) {
            return null;
        }
        Path runs = p.getParent().getParent().getParent().getParent();
        if (!runs.getFileName().toString().equals("runs") || !runs.getParent().getFileName().toString().equals("results")) {
            return null;
        }
        return runs.getParent().getParent();
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
