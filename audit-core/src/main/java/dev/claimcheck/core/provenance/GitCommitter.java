package dev.claimcheck.core.provenance;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.RunFailedException;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.store.Root;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.store.RunManifestStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.jgit.api.CommitCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.GpgConfig;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Commits a signed run folder and the proofs its run.json lists, with JGit, on the current branch of the
 * repository that contains the root, SSH-signed with the key that signed MANIFEST (gpg.format=ssh). The commit
 * signature is a second layer: MANIFEST.sig is the evidence that survives squash merges and rebases.
 */
public final class GitCommitter {
    /** What was committed. */
    public record Committed(String commitId, String branch, String message, List<String> paths) {
    }

    private GitCommitter() {
    }

    /** The first line of the commit message: {@code audit(<model>): <suite> <score> ± <ci half-width>}. */
    public static String subject(RunManifest m) {
        Metrics metrics = m.metrics();
        String score = metrics == null || metrics.score() == null ? "n/a" : String.format(Locale.ROOT, "%.3f", metrics.score());
        String ci = metrics == null || metrics.ci95Low() == null || metrics.ci95High() == null ? "n/a"
                : String.format(Locale.ROOT, "%.3f", (metrics.ci95High() - metrics.ci95Low()) / 2);
        return "audit(" + m.model().id() + "): " + m.suite().id() + " " + score + " ± " + ci;
    }

    /** Fails (exit 1) the way {@link #commit} would before it changes anything: no repository, detached HEAD, unsigned folder. */
    public static void checkCommittable(Path runDir) {
        try (Repository repo = open(runDir)) {
            branch(repo);
        }
    }

    /** Commits {@code runDir} (signed already) and its proofs, signing the commit with {@code key} (as sign did MANIFEST). */
    public static Committed commit(Path runDir, SigningKey key) {
        RunFolder folder = new RunFolder(runDir);
        RunManifest manifest = RunManifestStore.read(folder);
        if (!Files.isRegularFile(runDir.resolve(Manifest.SIGNATURE), LinkOption.NOFOLLOW_LINKS)) {
            throw new RunFailedException("refusing to commit " + runDir + ": not signed (run sign first)");
        }
        Path root = Root.containing(runDir);
        if (root == null) {
            throw new BadInputException(runDir + " is not inside a root (results/runs/<model>/<workload>/<suite>/<run-id>)");
        }
        try (Repository repo = open(runDir); Git git = new Git(repo)) {
            String branch = branch(repo);
            Path work = repo.getWorkTree().toPath().toRealPath();
            Path run = runDir.toRealPath();
            Path realRoot = root.toRealPath();
            if (!run.startsWith(work) || !realRoot.startsWith(work)) {
                throw new RunFailedException("refusing to commit " + runDir + ": it is outside the work tree " + work);
            }
            if (manifest.simulated() && new Root(work).isRepository() && run.startsWith(work.resolve("results"))) {
                throw new RunFailedException("refusing to commit a simulated run into the repository's own results/");
            }
            List<String> paths = new ArrayList<>();
            paths.add(gitPath(work.relativize(run)));
            for (RunManifest.ProofRef proof : manifest.proofs()) {
                Path p = realRoot.resolve(proof.path()).normalize();
                if (!p.startsWith(realRoot.resolve("proofs")) || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    throw new RunFailedException("refusing to commit: proof " + proof.path() + " is missing or outside proofs/");
                }
                paths.add(gitPath(work.relativize(p)));
            }
            var add = git.add();
            paths.forEach(add::addFilepattern);
            add.call();
            String message = subject(manifest) + "\n\n"
                    + "run " + manifest.runId() + ", lane " + manifest.lane().id() + (manifest.simulated() ? ", simulated" : "") + "\n"
                    + "folder " + paths.get(0) + "\n";
            Config config = new Config(repo.getConfig());
            // For this commit only; the repository's configuration is not changed. The key is ours, not JGit's to read.
            String signingKey = "key::" + key.publicKey().toOpenSsh();
            config.setString("gpg", null, "format", "ssh");
            config.setString("user", null, "signingKey", signingKey);
            CommitCommand commit = git.commit().setMessage(message).setSign(true).setSigningKey(signingKey)
                    .setGpgConfig(new GpgConfig(config)).setSigner(new GitSshSigner(key));
            paths.forEach(commit::setOnly);
            RevCommit c = commit.call();
            return new Committed(c.getName(), branch, message, paths);
        } catch (IOException | GitAPIException e) {
            throw new RunFailedException("git commit failed: " + oneLine(e), e);
        }
    }

    private static Repository open(Path runDir) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(runDir.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) {
            throw new RunFailedException("cannot commit: " + runDir + " is not inside a git repository");
        }
        try {
            return builder.build();
        } catch (IOException e) {
            throw new RunFailedException("cannot open the git repository of " + runDir + ": " + e.getMessage(), e);
        }
    }

    private static String branch(Repository repo) {
        try {
            String full = repo.getFullBranch();
            if (full == null || !full.startsWith("refs/heads/")) {
                throw new RunFailedException("cannot commit: HEAD is detached; check out a branch first");
            }
            return full.substring("refs/heads/".length());
        } catch (IOException e) {
            throw new RunFailedException("cannot read HEAD: " + e.getMessage(), e);
        }
    }

    private static String gitPath(Path rel) {
        return rel.toString().replace('\\', '/');
    }

    private static String oneLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        return m.replace('\n', ' ').strip();
    }
}
