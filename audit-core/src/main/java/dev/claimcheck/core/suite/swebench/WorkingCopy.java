package dev.claimcheck.core.suite.swebench;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.RunFailedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away copy of a user's checkout at an instance's {@code base_commit}, for one episode or one evaluation: the
 * commit's tree is exported with {@code git archive} (the user's own tree, index and branches are never touched),
 * made a fresh one-commit repository so {@code git diff} inside the sandbox gives the model's change, and opened to
 * every uid, since the sandbox runs each command under a uid of its own. Only the harness runs git here on the host,
 * before the model has touched the copy; everything after runs in the sandbox.
 */
public final class WorkingCopy implements AutoCloseable {
    private static final int GIT_TIMEOUT_S = 300;
    /** git as the harness runs it on the host: no system, global or user configuration, no prompts. */
    private static final Map<String, String> GIT_ENV = Map.of("PATH", "/usr/bin:/bin", "LANG", "C.UTF-8",
            "GIT_CONFIG_NOSYSTEM", "1", "GIT_CONFIG_GLOBAL", "/dev/null", "GIT_TERMINAL_PROMPT", "0", "HOME", "/nonexistent");

    private final Path parent;
    private final Path dir;
    private String baseRevision;

    private WorkingCopy(Path parent, Path dir) {
        this.parent = parent;
        this.dir = dir;
    }

    /** The checkout of {@code repo} under {@code repos}: {@code <owner>__<name>} (as in instance ids), else {@code <name>}. */
    public static Path checkout(Path repos, String repo) {
        String[] parts = repo.split("/", 2);
        Path full = repos.resolve(repo.replace("/", "__"));
        if (Files.isDirectory(full)) {
            return full;
        }
        Path shortName = repos.resolve(parts[parts.length - 1]);
        if (Files.isDirectory(shortName)) {
            return shortName;
        }
        throw new BadInputException(repos + ": no checkout of " + repo + " (expected " + full.getFileName() + "/ or "
                + shortName.getFileName() + "/, a git clone of https://github.com/" + repo + ")");
    }

    /** A fresh copy of {@code checkout} at {@code commit} in a new directory under java.io.tmpdir. */
    public static WorkingCopy at(Path checkout, String commit) {
        if (!commit.matches("[0-9a-fA-F]{7,64}")) {
            throw new BadInputException(checkout.getFileName() + ": base_commit '" + commit + "' is not a commit hash");
        }
        if (run(checkout, List.of("git", "-C", checkout.toString(), "cat-file", "-e", commit + "^{commit}")).exit() != 0) {
            throw new BadInputException(checkout + ": commit " + commit + " not found (git -C " + checkout + " fetch origin " + commit + ")");
        }
        Path parent;
        try {
            parent = Files.createTempDirectory("claimcheck-swebench-");
            Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new RunFailedException("cannot create a working copy: " + e.getMessage(), e);
        }
        Path dir = parent.resolve("testbed");
        WorkingCopy copy = new WorkingCopy(parent, dir);
        try {
            Files.createDirectory(dir);
            check(run(parent, List.of("/bin/sh", "-c", "git -C \"$1\" archive --format=tar \"$2\" | tar -x -C \"$3\"", "sh",
                    checkout.toAbsolutePath().toString(), commit, dir.toString())), "git archive " + commit);
            check(run(dir, List.of("git", "init", "-q")), "git init");
            check(run(dir, List.of("git", "add", "-A")), "git add");
            check(run(dir, List.of("git", "-c", "user.name=claimcheck", "-c", "user.email=claimcheck@localhost", "commit", "-q",
                    "--no-verify", "--allow-empty", "-m", "base_commit " + commit)), "git commit");
            Result head = run(dir, List.of("git", "rev-parse", "HEAD"));
            check(head, "git rev-parse");
            copy.baseRevision = head.output().strip();
            check(run(dir, List.of("chmod", "-R", "a+rwX", ".")), "chmod");
            return copy;
        } catch (IOException | RuntimeException e) {
            copy.close();
            throw e instanceof RuntimeException r ? r : new RunFailedException("cannot create a working copy: " + e.getMessage(), e);
        }
    }

    /** The copy's own commit of the base tree (not {@code base_commit}: the copy is a fresh repository). */
    public String baseRevision() {
        return baseRevision;
    }

    /** The copy's root, bound at {@code /testbed} in the sandbox. */
    public Path dir() {
        return dir;
    }

    @Override
    public void close() {
        try (Stream<Path> s = Files.walk(parent)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover copy under java.io.tmpdir holds only the repository's files.
        }
    }

    private record Result(int exit, String output) {
    }

    private static void check(Result r, String what) {
        if (r.exit() != 0) {
            throw new RunFailedException("working copy: " + what + " failed: " + r.output().strip());
        }
    }

    private static Result run(Path cwd, List<String> command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).directory(cwd.toFile()).redirectErrorStream(true);
            pb.environment().clear();
            pb.environment().putAll(GIT_ENV);
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(GIT_TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, command.get(0) + " did not finish within " + GIT_TIMEOUT_S + " s");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RunFailedException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunFailedException("interrupted while preparing a working copy", e);
        }
    }
}
