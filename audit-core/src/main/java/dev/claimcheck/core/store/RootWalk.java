package dev.claimcheck.core.store;

import dev.claimcheck.core.BadInputException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

/**
 * One walk of a root that never follows a symbolic link (docs/verification.md, "The root walk"): the run folders (real
 * directories exactly four levels under results/runs), the claims files, the recipes, and every entry under
 * {@code results/}, {@code proofs/} and {@code audit-scripts/recipes/} that is neither a directory nor a regular file.
 * verify, the site index and the submission workflow (which runs verify) all read a root through this walk, so that
 * none of them shows a run another did not check: a run folder behind a link is not a run, it is an {@link Unsafe} entry.
 *
 * @param runFolders results/runs/&lt;slug&gt;/&lt;workload&gt;/&lt;suite&gt;/&lt;run-id&gt;, sorted
 * @param claimsFiles results/claims/*.json, regular files only, sorted
 * @param recipes audit-scripts/recipes/**&#47;*.json (at most three levels), regular files only, sorted
 * @param unsafe symbolic links and special files, at any depth, in path order
 */
public record RootWalk(Root root, List<Path> runFolders, List<Path> claimsFiles, List<Path> recipes, List<Unsafe> unsafe) {
    /** The trees of a root that hold data someone else may have written; a link anywhere in them is refused. */
    public static final List<String> TREES = List.of("results", "proofs", "audit-scripts/recipes");

    public RootWalk {
        runFolders = List.copyOf(runFolders);
        claimsFiles = List.copyOf(claimsFiles);
        recipes = List.copyOf(recipes);
        unsafe = List.copyOf(unsafe);
    }

    /**
     * An entry the walk did not enter or read.
     *
     * @param path relative to the root, with forward slashes
     * @param id the finding id verify reports it under: {@code symlinkInRoot} or {@code notRegularFileInRoot}
     * @param detail one line: what it is (a link's target, clipped)
     */
    public record Unsafe(String path, String id, String detail) {
        public static final String SYMLINK = "symlinkInRoot";
        public static final String NOT_REGULAR = "notRegularFileInRoot";
    }

    /** Walks {@code root}; an absent tree is empty. A folder that cannot be listed is bad input ({@link BadInputException}). */
    public static RootWalk of(Root root) {
        List<Path> runs = new ArrayList<>();
        List<Path> claims = new ArrayList<>();
        List<Path> recipes = new ArrayList<>();
        List<Unsafe> unsafe = new ArrayList<>();
        Path runsDir = root.runsDir();
        Path claimsDir = root.claimsDir();
        Path recipesDir = root.dir().resolve("audit-scripts").resolve("recipes");
        FileVisitor<Path> visitor = new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.startsWith(runsDir) && runsDir.relativize(dir).getNameCount() == 4 && !dir.equals(runsDir)) {
                    runs.add(dir);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isSymbolicLink()) {
                    unsafe.add(new Unsafe(rel(root, file), Unsafe.SYMLINK, "symbolic link to " + target(file) + ", never followed"));
                } else if (!attrs.isRegularFile()) {
                    unsafe.add(new Unsafe(rel(root, file), Unsafe.NOT_REGULAR, "neither a regular file nor a directory (FIFO, socket or device)"));
                } else if (file.getFileName().toString().endsWith(".json")) {
                    if (claimsDir.equals(file.getParent())) {
                        claims.add(file);
                    } else if (file.startsWith(recipesDir) && recipesDir.relativize(file).getNameCount() <= 3) {
                        recipes.add(file);
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                throw new BadInputException("cannot read " + file + ": " + e.getMessage());
            }
        };
        for (String tree : TREES) {
            Path start = root.dir().resolve(tree);
            if (!Files.exists(start, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            if (tree.contains("/") && Files.isSymbolicLink(start.getParent())) {
                continue; // audit-scripts itself is a link: its recipes are not read (and the link is reported below)
            }
            try {
                // No FileVisitOption.FOLLOW_LINKS: a link (to a file or a folder) is visited as a file, never entered.
                Files.walkFileTree(start, EnumSet.noneOf(java.nio.file.FileVisitOption.class), Integer.MAX_VALUE, visitor);
            } catch (IOException e) {
                throw new BadInputException("cannot walk " + start + ": " + e.getMessage());
            }
        }
        Path scripts = root.dir().resolve("audit-scripts");
        if (Files.isSymbolicLink(scripts)) {
            unsafe.add(new Unsafe("audit-scripts", Unsafe.SYMLINK, "symbolic link to " + target(scripts) + ", never followed"));
        }
        runs.sort(Comparator.naturalOrder());
        claims.sort(Comparator.naturalOrder());
        recipes.sort(Comparator.naturalOrder());
        unsafe.sort(Comparator.comparing(Unsafe::path));
        return new RootWalk(root, runs, claims, recipes, unsafe);
    }

    /**
     * Whether {@code target} (inside {@code root}) is, or lies below, a symbolic link: the check for one path named on its
     * own (a proof, a reference, a run folder given to verify directly) that the walk makes for the whole root.
     */
    public static boolean throughLink(Root root, Path target) {
        Path base = root.dir().toAbsolutePath().normalize();
        Path t = target.toAbsolutePath().normalize();
        if (!t.startsWith(base)) {
            return false;
        }
        Path cur = base;
        for (Path name : base.relativize(t)) {
            cur = cur.resolve(name);
            if (Files.isSymbolicLink(cur)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the walk found no link and no special file. */
    public boolean clean() {
        return unsafe.isEmpty();
    }

    static String rel(Root root, Path p) {
        return root.dir().relativize(p).toString().replace('\\', '/');
    }

    private static String target(Path link) {
        try {
            String t = Files.readSymbolicLink(link).toString().replaceAll("\\p{Cntrl}", "?");
            return t.length() > 120 ? t.substring(0, 120) + "…" : t;
        } catch (IOException e) {
            return "(unreadable)";
        }
    }
}
