package dev.claimcheck.core.verify;

import dev.claimcheck.core.store.Root;
import dev.claimcheck.core.store.RootWalk;

import dev.claimcheck.core.verify.Finding.Kind;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

import static dev.claimcheck.core.verify.Verifier.MAX_DIR_DEPTH;
import static dev.claimcheck.core.verify.Verifier.MAX_FILES;
import static dev.claimcheck.core.verify.Verifier.MAX_FILE_BYTES;
import static dev.claimcheck.core.verify.Verifier.MAX_FOLDER_BYTES;

/** The limits check: file sizes, file count and directory depth, judged from the directory walk before any file is read. */
final class LimitsCheck {
    /** Files read whole into one JSON tree: a tree costs many times its text, so they get a journal line's limit. */
    static final java.util.Set<String> JSON_FILES = java.util.Set.of("run.json", "comparison.json");
    static final long MAX_JSON_BYTES = Verifier.MAX_LINE_BYTES;

    private LimitsCheck() {
    }

    /** False when the folder breaks a limit (then nothing more is read from it). */
    static boolean check(Path dir, List<Finding> findings) {
        if (Files.isSymbolicLink(dir)) {
            findings.add(new Finding(Kind.SYMLINK, "the run folder itself is a symbolic link: " + dir));
            return false;
        }
        Path root = Root.containing(dir);
        if (root != null && RootWalk.throughLink(new Root(root), dir)) {
            findings.add(new Finding(Kind.SYMLINK, "a folder between the root and the run folder is a symbolic link: " + dir));
            return false;
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            findings.add(new Finding(Kind.SCHEMA, "not a directory: " + dir));
            return false;
        }
        long[] total = {0, 0};
        List<Finding> out = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    if (!d.equals(dir) && ++total[1] > MAX_FILES) {
                        // Directories count: 100,000 empty ones are as costly to walk as files, and no run has any.
                        out.add(new Finding(Kind.LIMIT_EXCEEDED, "more than " + MAX_FILES + " files and directories"));
                        return FileVisitResult.TERMINATE;
                    }
                    if (dir.relativize(d).getNameCount() > MAX_DIR_DEPTH) {
                        out.add(new Finding(Kind.LIMIT_EXCEEDED, "directories nested deeper than " + MAX_DIR_DEPTH + ": "
                                + dir.relativize(d)));
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (++total[1] > MAX_FILES) {
                        out.add(new Finding(Kind.LIMIT_EXCEEDED, "more than " + MAX_FILES + " files and directories"));
                        return FileVisitResult.TERMINATE;
                    }
                    if (attrs.isRegularFile()) {
                        total[0] += attrs.size();
                        if (JSON_FILES.contains(dir.relativize(file).toString()) && attrs.size() > MAX_JSON_BYTES) {
                            out.add(new Finding(Kind.LIMIT_EXCEEDED, dir.relativize(file) + " is " + (attrs.size() >> 20)
                                    + " MiB (limit " + (MAX_JSON_BYTES >> 20) + " MiB: it is read whole, as one JSON tree)"));
                        } else if (attrs.size() > MAX_FILE_BYTES) {
                            out.add(new Finding(Kind.LIMIT_EXCEEDED, dir.relativize(file) + " is " + (attrs.size() >> 20)
                                    + " MiB (limit " + (MAX_FILE_BYTES >> 20) + " MiB per file)"));
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            findings.add(new Finding(Kind.SCHEMA, "cannot read " + dir + ": " + e.getMessage()));
            return false;
        }
        if (total[0] > MAX_FOLDER_BYTES) {
            out.add(new Finding(Kind.LIMIT_EXCEEDED, "the folder holds " + (total[0] >> 20) + " MiB (limit "
                    + (MAX_FOLDER_BYTES >> 20) + " MiB)"));
        }
        findings.addAll(out);
        return out.isEmpty();
    }
}
