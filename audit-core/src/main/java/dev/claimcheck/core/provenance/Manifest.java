package dev.claimcheck.core.provenance;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.provenance.ManifestFinding.Kind;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The MANIFEST of a run folder (docs/signing.md, "What is covered"): one {@code "<sha256>  <path>"} line per regular file,
 * sha256sum format, sorted by the UTF-8 bytes of the path. Covers every file in the folder except, at its top
 * level, MANIFEST itself, {@code MANIFEST.sig}, kept older signatures {@code MANIFEST.sig.N} and the transient
 * {@code run.lock}: a signature cannot cover itself, and the lock belongs to no finished run. Those unlisted files
 * must still be regular files (no link, FIFO, device or directory), and every name in the folder must be valid
 * UTF-8 and distinct from the others after normalisation and case folding.
 */
public record Manifest(List<Entry> entries) {
    public static final String FILE = "MANIFEST";
    public static final String SIGNATURE = "MANIFEST.sig";
    public static final String LOCK = "run.lock";
    /** Paths compare by their UTF-8 bytes, unsigned, so the order matches {@code LC_ALL=C sort}. */
    public static final Comparator<String> PATH_ORDER = (a, b) ->
            Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    private static final Pattern LINE = Pattern.compile("([0-9a-f]{64})  (.+)");
    private static final int BUFFER = 1 << 20;
    /** Far above any real run (about 100 bytes per file); stops a hostile MANIFEST from exhausting memory. */
    public static final long MAX_BYTES = 16L << 20;

    /** One listed file: path relative to the run folder with '/' separators, and lower-case hex SHA-256. */
    public record Entry(String path, String sha256) {
    }

    /**
     * Sees the bytes of listed files as {@link #check(Path, ContentTap)} hashes them, so a caller can use exactly the
     * hashed content without reading the file again.
     */
    @FunctionalInterface
    public interface ContentTap {
        /** A sink for the listed file at {@code path} (relative, '/' separators), or null to only hash it. */
        ContentSink open(String path);
    }

    /** Receives a file's bytes in order, as they are hashed. */
    public interface ContentSink {
        void accept(byte[] buf, int off, int len);

        /** Called once the whole file was read (not called when reading failed). */
        void end();
    }

    public Manifest {
        entries = List.copyOf(entries);
    }

    /** True for the top-level files MANIFEST never lists. */
    public static boolean isExcluded(String relativePath) {
        return relativePath.equals(FILE) || relativePath.equals(SIGNATURE) || relativePath.equals(LOCK)
                || relativePath.matches("MANIFEST\\.sig\\.[0-9]+");
    }

    /**
     * Hashes every file of {@code runDir}. Refuses symbolic links, special files and names the format
     * cannot carry (newline, backslash) with a {@link BadInputException} naming the path.
     */
    public static Manifest compute(Path runDir) {
        runDir = realDir(runDir);
        Walk walk = walk(runDir);
        if (!walk.problems.isEmpty()) {
            ManifestFinding f = walk.problems.get(0);
            throw new BadInputException("cannot sign " + runDir + ": " + f.describe());
        }
        byte[] buffer = new byte[BUFFER];
        List<Entry> entries = new ArrayList<>();
        for (String rel : walk.files) {
            entries.add(new Entry(rel, sha256(runDir.resolve(rel), buffer)));
        }
        return new Manifest(entries);
    }

    /** The MANIFEST text: one line per entry, each ending in '\n'. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        for (Entry e : entries) {
            sb.append(e.sha256()).append("  ").append(e.path()).append('\n');
        }
        return sb.toString();
    }

    /** Parses MANIFEST text strictly; the first problem becomes a {@link BadInputException} with its line number. */
    public static Manifest parse(String text) {
        Parsed p = parseLenient(text);
        if (p.problem != null) {
            throw new BadInputException(p.problem.describe());
        }
        return p.manifest;
    }

    /**
     * Compares the folder with this manifest: missing, extra, changed, symbolic links, special files.
     * An empty list means the manifest covers exactly the files present, with matching hashes.
     */
    public List<ManifestFinding> check(Path runDir) {
        return check(runDir, null);
    }

    /** {@link #check(Path)}, showing each listed file's bytes to {@code tap} (null: none) as they are hashed. */
    public List<ManifestFinding> check(Path runDir, ContentTap tap) {
        runDir = realDir(runDir);
        Walk walk = walk(runDir);
        Map<String, ManifestFinding> findings = new LinkedHashMap<>();
        walk.problems.forEach(f -> findings.put(f.path(), f));
        byte[] buffer = new byte[BUFFER];
        java.util.Set<String> listed = new java.util.HashSet<>();
        for (Entry e : entries) {
            listed.add(e.path());
            if (findings.containsKey(e.path())) {
                continue;
            }
            ManifestFinding f = checkEntry(runDir, e, buffer, tap);
            if (f != null) {
                findings.put(e.path(), f);
            }
        }
        for (String rel : walk.files) {
            if (!listed.contains(rel)) {
                findings.putIfAbsent(rel, new ManifestFinding(Kind.EXTRA, rel));
            }
        }
        return List.copyOf(findings.values());
    }

    /** Reads {@code runDir/MANIFEST} and checks the folder against it; a bad MANIFEST is a finding, not an exception. */
    public static List<ManifestFinding> checkFolder(Path runDir) {
        return checkFolder(runDir, null);
    }

    /** {@link #checkFolder(Path)}, showing each listed file's bytes to {@code tap} (null: none) as they are hashed. */
    public static List<ManifestFinding> checkFolder(Path runDir, ContentTap tap) {
        Path file = runDir.resolve(FILE);
        if (Files.isSymbolicLink(file) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return List.of(new ManifestFinding(Kind.MALFORMED, FILE, Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                    ? "not a regular file" : "not found (the run folder is not signed)"));
        }
        Parsed p;
        try {
            if (Files.size(file) > MAX_BYTES) {
                return List.of(new ManifestFinding(Kind.MALFORMED, FILE, "larger than " + (MAX_BYTES >> 20) + " MiB"));
            }
            p = parseLenient(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return List.of(new ManifestFinding(Kind.MALFORMED, FILE, "unreadable: " + e.getMessage()));
        }
        return p.problem != null ? List.of(p.problem) : p.manifest.check(runDir, tap);
    }

    /** Streams {@code file} through SHA-256 and returns lower-case hex. */
    public static String sha256(Path file) {
        return sha256(file, new byte[BUFFER]);
    }

    private static String sha256(Path file, byte[] buffer) {
        return sha256(file, buffer, null);
    }

    private static String sha256(Path file, byte[] buffer, ContentSink sink) {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (int n; (n = in.read(buffer)) > 0; ) {
                md.update(buffer, 0, n);
                if (sink != null) {
                    sink.accept(buffer, 0, n);
                }
            }
            if (sink != null) {
                sink.end();
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ManifestFinding checkEntry(Path runDir, Entry e, byte[] buffer, ContentTap tap) {
        Path target = runDir.resolve(e.path()).normalize();
        if (!target.startsWith(runDir.normalize())) {
            return new ManifestFinding(Kind.OUTSIDE_FOLDER, e.path());
        }
        // Every component is checked without following links, so "dir/x" cannot reach outside through a linked dir.
        Path cur = runDir;
        for (Path name : runDir.relativize(target)) {
            cur = cur.resolve(name);
            if (Files.isSymbolicLink(cur)) {
                return new ManifestFinding(Kind.SYMLINK, e.path());
            }
        }
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return new ManifestFinding(Kind.MISSING, e.path());
        }
        if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            return new ManifestFinding(Kind.NOT_REGULAR_FILE, e.path());
        }
        String actual = sha256(target, buffer, tap == null ? null : tap.open(e.path()));
        return actual.equals(e.sha256()) ? null : ManifestFinding.hashMismatch(e.path(), e.sha256(), actual);
    }

    private record Parsed(Manifest manifest, ManifestFinding problem) {
    }

    private static Parsed parseLenient(String text) {
        if (!text.isEmpty() && !text.endsWith("\n")) {
            return bad(0, "last line does not end with a newline");
        }
        List<Entry> entries = new ArrayList<>();
        String[] lines = text.isEmpty() ? new String[0] : text.substring(0, text.length() - 1).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int no = i + 1;
            Matcher m = LINE.matcher(lines[i]);
            if (!m.matches()) {
                return bad(no, "expected '<64 lower-case hex>  <path>' (two spaces)");
            }
            String path = m.group(2);
            if (path.startsWith("/") || Arrays.asList(path.split("/", -1)).contains("..")) {
                return new Parsed(null, new ManifestFinding(Kind.OUTSIDE_FOLDER, path));
            }
            String why = pathProblem(path);
            if (why != null) {
                return bad(no, why + ": " + path);
            }
            if (isExcluded(path)) {
                return bad(no, "lists " + path + ", which MANIFEST never covers");
            }
            if (!entries.isEmpty()) {
                int c = PATH_ORDER.compare(entries.get(entries.size() - 1).path(), path);
                if (c == 0) {
                    return bad(no, "duplicate entry: " + path);
                }
                if (c > 0) {
                    return bad(no, "not sorted by path: " + path);
                }
            }
            entries.add(new Entry(path, m.group(1)));
        }
        return new Parsed(new Manifest(entries), null);
    }

    private static Parsed bad(int line, String reason) {
        return new Parsed(null, new ManifestFinding(Kind.MALFORMED, FILE, (line > 0 ? "line " + line + ": " : "") + reason));
    }

    /** Why a relative path cannot appear in a MANIFEST, or null if it can. */
    static String pathProblem(String path) {
        if (path.indexOf('\\') >= 0) {
            return "backslash in path";
        }
        if (path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "control character in path";
        }
        for (String seg : path.split("/", -1)) {
            if (seg.isEmpty() || seg.equals(".")) {
                return "empty or '.' path segment";
            }
        }
        return null;
    }

    /** Files of a folder in manifest order, plus the things a manifest may not contain. */
    private record Walk(List<String> files, List<ManifestFinding> problems) {
    }

    /** The folder itself may be reached through a link (a user's path); only its contents are judged. */
    private static Path realDir(Path runDir) {
        if (!Files.isDirectory(runDir)) {
            throw new BadInputException("not a directory: " + runDir);
        }
        try {
            return runDir.toRealPath();
        } catch (IOException e) {
            throw new BadInputException("cannot read " + runDir + ": " + e.getMessage(), e);
        }
    }

    private static Walk walk(Path runDir) {
        List<String> files = new ArrayList<>();
        List<ManifestFinding> problems = new ArrayList<>();
        Map<String, String> folded = new HashMap<>();
        try {
            Files.walkFileTree(runDir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.equals(runDir)) {
                        return FileVisitResult.CONTINUE;
                    }
                    String rel = relative(runDir, dir);
                    ManifestFinding bad = nameProblem(runDir, rel, folded);
                    if (bad != null || isExcluded(rel)) {
                        problems.add(bad != null ? bad : new ManifestFinding(Kind.NOT_REGULAR_FILE, rel));
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String rel = relative(runDir, file);
                    ManifestFinding bad = nameProblem(runDir, rel, folded);
                    if (bad != null) {
                        problems.add(bad);
                    } else if (attrs.isSymbolicLink()) {
                        problems.add(new ManifestFinding(Kind.SYMLINK, rel));
                    } else if (!attrs.isRegularFile()) {
                        problems.add(new ManifestFinding(Kind.NOT_REGULAR_FILE, rel));
                    } else if (isExcluded(rel)) {
                        // MANIFEST, its signatures and run.lock are not listed, but are held to the same types as listed files.
                        return FileVisitResult.CONTINUE;
                    } else if (pathProblem(rel) != null) {
                        problems.add(new ManifestFinding(Kind.MALFORMED, rel, pathProblem(rel)));
                    } else {
                        files.add(rel);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException e) {
            throw new BadInputException("vanished while reading " + runDir + ": " + e.getFile());
        } catch (IOException e) {
            throw new BadInputException("cannot read " + runDir + ": " + e.getMessage(), e);
        }
        files.sort(PATH_ORDER);
        return new Walk(files, problems);
    }

    /**
     * Why the name of {@code entry} cannot be signed, or null. Names are judged as a checkout on another system would
     * see them: bytes that are not UTF-8 decode to U+FFFD (two such files become one name, and the decoded name opens
     * neither); names that are equal after NFC normalisation and case folding (and, for HFS+, once format characters
     * such as U+200C are dropped) are one file on macOS (APFS, HFS+) and Windows, so a checkout there silently keeps
     * only one of them and a reviewer reads another file than was verified.
     */
    private static ManifestFinding nameProblem(Path runDir, String rel, Map<String, String> folded) {
        if (rel.indexOf('\uFFFD') >= 0 || !Files.exists(runDir.resolve(rel), LinkOption.NOFOLLOW_LINKS)) {
            return new ManifestFinding(Kind.BAD_NAME, rel, "not valid UTF-8");
        }
        // HFS+ also ignores format characters (zero-width joiners, bidi marks, BOM) when it compares names.
        String visible = rel.codePoints().filter(c -> Character.getType(c) != Character.FORMAT)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        String key = Normalizer.normalize(visible, Normalizer.Form.NFC).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        String other = folded.putIfAbsent(key, rel);
        return other == null ? null
                : new ManifestFinding(Kind.BAD_NAME, rel, "the same as " + other
                + " after Unicode normalisation, case folding and dropping format characters");
    }

    private static String relative(Path root, Path file) {
        StringBuilder sb = new StringBuilder();
        for (Path name : root.relativize(file)) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(name);
        }
        return sb.toString();
    }
}
