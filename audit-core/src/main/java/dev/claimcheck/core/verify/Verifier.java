package dev.claimcheck.core.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.ClaimcheckException;
import dev.claimcheck.core.model.AttemptKey;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.RunStatus;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.provenance.AllowedSigners;
import dev.claimcheck.core.provenance.InvalidSignatureException;
import dev.claimcheck.core.provenance.Manifest;
import dev.claimcheck.core.provenance.ManifestFinding;
import dev.claimcheck.core.provenance.SignatureVerdict;
import dev.claimcheck.core.provenance.Signer;
import dev.claimcheck.core.provenance.Trust;
import dev.claimcheck.core.stats.RunMetrics;
import dev.claimcheck.core.store.Json;
import dev.claimcheck.core.store.Root;
import dev.claimcheck.core.store.RunFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The submission verifier (ARCHITECTURE.md §7): for each run folder, limits, schema, MANIFEST coverage and hashes,
 * the signature against allowed_signers, the simulated rule, proofs, claim and recipe references, the journal,
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

    private static final Pattern RUN_ID = Pattern.compile("\\d{8}T\\d{6}Z-[0-9a-f]{8}");
    private static final Pattern JOURNAL_PART = Pattern.compile("samples(?:\\.([1-9][0-9]{0,5}))?\\.jsonl");

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
    private final Map<Path, AllowedSigners> signers = new ConcurrentHashMap<>();

    public Verifier(Options options, Regraders regraders) {
        this.options = options;
        this.regraders = regraders;
        if (options.allowedSigners() != null && !Files.isRegularFile(options.allowedSigners())) {
            throw new BadInputException("--allowed-signers: no such file: " + options.allowedSigners());
        }
    }

    public Verifier(Options options) {
        this(options, Regraders.standard());
    }

    /**
     * The run folders named by {@code paths}: a path holding {@code results/} (or a repository checkout) is a root and stands for every
     * folder four levels under its results/runs; any other directory is a run folder.
     */
    public List<Path> runFolders(List<Path> paths) {
        List<Path> runs = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.isDirectory(p)) {
                throw new BadInputException("not a directory: " + p);
            }
            if (Files.isDirectory(p.resolve("results")) || new Root(p).isRepository()) {
                Path runsDir = new Root(p).runsDir();
                if (!Files.isDirectory(runsDir)) {
                    continue;
                }
                try (Stream<Path> s = Files.find(runsDir, 4, (f, a) -> a.isDirectory() && runsDir.relativize(f).getNameCount() == 4
                        && !runsDir.relativize(f).toString().isEmpty())) {
                    s.sorted().forEach(runs::add);
                } catch (IOException e) {
                    throw new BadInputException("cannot list " + runsDir + ": " + e.getMessage());
                }
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
        return runs;
    }

    /** Verifies every run folder named by {@code paths}, in parallel, reports in order. */
    public List<RunReport> verify(List<Path> paths) {
        List<Path> runs = runFolders(paths);
        for (Path run : runs) {
            signersFor(run); // a malformed allowed_signers file is bad input (exit 2), not a finding of one run
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
            findings.add(new Finding.Schema("cannot verify: " + GeneratedSuiteRegrader.clip(e.getMessage())));
        }
        return new RunReport(dir, simulated[0], signer[0], checks, findings);
    }

    private void run(Path dir, List<String> checks, List<Finding> findings, boolean[] simulated, String[] signer) {
        Path root = rootOf(dir);
        checks.add("limits");
        if (!limits(dir, findings)) {
            return; // nothing more is read from a folder that breaks the limits
        }
        checks.add("schema");
        RunManifest manifest = readManifest(dir, root, findings);
        if (manifest != null) {
            simulated[0] = manifest.simulated();
        }
        checks.add("manifest");
        for (ManifestFinding f : Manifest.checkFolder(dir)) {
            findings.add(map(f));
        }
        checks.add("signature");
        signature(dir, root, findings, signer);
        if (manifest == null) {
            return;
        }
        checks.add("simulated");
        if (manifest.simulated() && root != null && new Root(root).isRepository() && !options.allowSimulated()) {
            findings.add(new Finding.SimulatedInResults("simulated run inside the repository's own results/ ("
                    + root + "); simulated runs are never results (--allow-simulated to accept)"));
        }
        checks.add("proofs");
        for (RunManifest.ProofRef proof : manifest.proofs()) {
            fileRef(root, "proofs", proof.path(), proof.sha256(), "proof", findings, true);
        }
        checks.add("references");
        if (manifest.recipe() != null && manifest.recipe().path() != null) {
            fileRef(root, null, manifest.recipe().path(), manifest.recipe().sha256(), "recipe", findings, false);
        }
        if (manifest.claimRef() != null && manifest.claimRef().path() != null) {
            fileRef(root, null, manifest.claimRef().path(), manifest.claimRef().sha256(), "claim file", findings, false);
        }
        checks.add("journal");
        List<Sample> samples = readJournal(dir, manifest, findings);
        if (samples == null) {
            return;
        }
        checks.add("metrics");
        metrics(dir, manifest, samples, findings);
        checks.add("regrade");
        if (!options.regrade()) {
            findings.add(new Finding.NotRegraded("re-grading skipped"));
            return;
        }
        var regrader = regraders.forSuite(manifest.suite().id());
        if (regrader.isEmpty()) {
            findings.add(new Finding.NotRegraded("no re-grader for suite '" + manifest.suite().id()
                    + "' yet: verdicts are taken as recorded"));
            return;
        }
        findings.addAll(regrader.get().regrade(manifest, samples, root));
    }

    // ---- limits

    private boolean limits(Path dir, List<Finding> findings) {
        if (Files.isSymbolicLink(dir)) {
            findings.add(new Finding.Symlink("the run folder itself is a symbolic link: " + dir));
            return false;
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            findings.add(new Finding.Schema("not a directory: " + dir));
            return false;
        }
        long[] total = {0, 0};
        List<Finding> out = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    if (dir.relativize(d).getNameCount() > MAX_DIR_DEPTH) {
                        out.add(new Finding.LimitExceeded("directories nested deeper than " + MAX_DIR_DEPTH + ": " + dir.relativize(d)));
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (++total[1] > MAX_FILES) {
                        out.add(new Finding.LimitExceeded("more than " + MAX_FILES + " files"));
                        return FileVisitResult.TERMINATE;
                    }
                    if (attrs.isRegularFile()) {
                        total[0] += attrs.size();
                        if (attrs.size() > MAX_FILE_BYTES) {
                            out.add(new Finding.LimitExceeded(dir.relativize(file) + " is " + (attrs.size() >> 20)
                                    + " MiB (limit " + (MAX_FILE_BYTES >> 20) + " MiB per file)"));
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            findings.add(new Finding.Schema("cannot read " + dir + ": " + e.getMessage()));
            return false;
        }
        if (total[0] > MAX_FOLDER_BYTES) {
            out.add(new Finding.LimitExceeded("the folder holds " + (total[0] >> 20) + " MiB (limit " + (MAX_FOLDER_BYTES >> 20) + " MiB)"));
        }
        findings.addAll(out);
        return out.isEmpty();
    }

    // ---- schema

    private RunManifest readManifest(Path dir, Path root, List<Finding> findings) {
        RunFolder folder = new RunFolder(dir);
        Path file = folder.runJson();
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            findings.add(new Finding.Schema("run.json not found (or not a regular file)"));
            return null;
        }
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(Files.readAllBytes(file));
        } catch (StreamConstraintsException e) {
            findings.add(new Finding.LimitExceeded("run.json: " + firstLine(e)));
            return null;
        } catch (IOException e) {
            findings.add(new Finding.Schema("run.json is not valid JSON: " + firstLine(e)));
            return null;
        }
        if (tree == null || !tree.isObject()) {
            findings.add(new Finding.Schema("run.json is not a JSON object"));
            return null;
        }
        String schema = tree.path("schema").asText("");
        if (!RunManifest.SCHEMA.equals(schema)) {
            findings.add(new Finding.Schema("schema '" + GeneratedSuiteRegrader.clip(schema) + "' is not " + RunManifest.SCHEMA));
            return null;
        }
        RunManifest m;
        try {
            m = Json.mapper().treeToValue(tree, RunManifest.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            findings.add(new Finding.Schema("run.json does not match " + RunManifest.SCHEMA + ": " + firstLine(e)));
            return null;
        }
        List<String> problems = new ArrayList<>();
        if (!RUN_ID.matcher(m.runId()).matches()) {
            problems.add("runId '" + GeneratedSuiteRegrader.clip(m.runId()) + "' is not YYYYMMDDTHHMMSSZ-<8 hex>");
        } else if (!m.runId().equals(dir.toAbsolutePath().normalize().getFileName().toString())) {
            problems.add("runId " + m.runId() + " differs from the folder name " + dir.getFileName());
        }
        if (m.suite().id() == null || m.model().slug() == null || m.request() == null) {
            problems.add("suite.id, model.slug and request are required");
        } else if (root != null) {
            Path rel = new Root(root).runsDir().relativize(dir.toAbsolutePath().normalize());
            String expected = m.model().slug() + "/" + m.workload().id() + "/" + m.suite().id() + "/" + m.runId();
            if (!rel.toString().replace('\\', '/').equals(expected)) {
                problems.add("folder is results/runs/" + rel + " but run.json says results/runs/" + expected);
            }
        }
        if (m.request() != null && m.request().k() < 1) {
            problems.add("request.k must be at least 1");
        }
        JsonNode metrics = tree.path("metrics");
        if (m.status() == RunStatus.COMPLETE && !metrics.isObject()) {
            problems.add("a complete run must carry metrics");
        }
        if (metrics.isObject()) {
            for (String f : List.of("score", "ci95Low", "ci95High")) {
                JsonNode v = metrics.path(f);
                if (!v.isMissingNode() && !v.isNull() && !(v.isNumber() && v.asDouble() >= 0 && v.asDouble() <= 1)) {
                    problems.add("metrics." + f + " must be a number in [0, 1] or null, not " + GeneratedSuiteRegrader.clip(v.toString()));
                }
            }
            for (String f : List.of("tasks", "attempts", "graded", "truncated")) {
                JsonNode v = metrics.path(f);
                if (!v.isIntegralNumber() || v.asLong() < 0) {
                    problems.add("metrics." + f + " must be a count, not " + GeneratedSuiteRegrader.clip(v.toString()));
                }
            }
        }
        problems.forEach(p -> findings.add(new Finding.Schema(p)));
        if (m.status() != RunStatus.COMPLETE) {
            findings.add(new Finding.Incomplete("status is '" + m.status().id() + "', not 'complete'"));
        }
        return problems.isEmpty() ? m : null;
    }

    // ---- manifest and signature

    static Finding map(ManifestFinding f) {
        if (f instanceof ManifestFinding.Missing) {
            return new Finding.ManifestMissing(f.describe());
        } else if (f instanceof ManifestFinding.Extra) {
            return new Finding.ManifestExtra(f.describe());
        } else if (f instanceof ManifestFinding.HashMismatch) {
            return new Finding.HashMismatch(f.describe());
        } else if (f instanceof ManifestFinding.Symlink) {
            return new Finding.Symlink(f.describe());
        } else if (f instanceof ManifestFinding.NotRegularFile) {
            return new Finding.NotRegularFile(f.describe());
        } else if (f instanceof ManifestFinding.OutsideFolder) {
            return new Finding.PathTraversal(f.describe());
        }
        ManifestFinding.Malformed m = (ManifestFinding.Malformed) f;
        return m.path().equals(Manifest.FILE) && m.reason().startsWith("not found")
                ? new Finding.Unsigned("MANIFEST not found: the run folder is not signed")
                : new Finding.ManifestMalformed(m.describe());
    }

    private void signature(Path dir, Path root, List<Finding> findings, String[] signer) {
        Path file = signersFile(dir);
        AllowedSigners trusted = signersFor(dir);
        SignatureVerdict verdict = Signer.verify(dir, trusted, options.at());
        if (verdict instanceof SignatureVerdict.Unsigned u) {
            if (findings.stream().noneMatch(f -> f instanceof Finding.Unsigned)) {
                findings.add(new Finding.Unsigned(u.describe()));
            }
            return;
        }
        if (verdict instanceof SignatureVerdict.Invalid i) {
            findings.add(i.reason() == InvalidSignatureException.Reason.WRONG_NAMESPACE
                    ? new Finding.WrongNamespace(i.describe()) : new Finding.BadSignature(i.describe()));
            return;
        }
        SignatureVerdict.Valid v = (SignatureVerdict.Valid) verdict;
        String fp = v.signer().fingerprint();
        String where = Files.isRegularFile(file) ? file.toString() : file + " (absent)";
        Trust trust = v.trust();
        if (trust instanceof Trust.Trusted t) {
            signer[0] = fp + " (" + t.principals() + ")";
        } else if (trust instanceof Trust.UnknownKey) {
            findings.add(new Finding.UnknownSigner("signed by " + fp + ", a key not in " + where + " (a maintainer may add it)"));
        } else if (trust instanceof Trust.Expired) {
            findings.add(new Finding.ExpiredSigner("signed by " + fp + ": " + trust.describe()));
        } else if (trust instanceof Trust.NotYetValid) {
            findings.add(new Finding.NotYetValidSigner("signed by " + fp + ": " + trust.describe()));
        } else if (trust instanceof Trust.NamespaceNotAllowed) {
            findings.add(new Finding.NamespaceNotAllowed("signed by " + fp + ": " + trust.describe()));
        } else {
            findings.add(new Finding.UnknownSigner("signed by " + fp + ": " + trust.describe()));
        }
    }

    private Path signersFile(Path runDir) {
        return options.allowedSigners() != null ? options.allowedSigners() : new Root(rootOf(runDir)).allowedSigners();
    }

    /** The trusted keys for a run folder, read once per file; an absent root file trusts nobody. */
    private AllowedSigners signersFor(Path runDir) {
        return signers.computeIfAbsent(signersFile(runDir).toAbsolutePath().normalize(), f ->
                Files.isRegularFile(f) ? AllowedSigners.read(f) : AllowedSigners.parse("", ZoneId.systemDefault()));
    }

    // ---- proofs and references

    private void fileRef(Path root, String under, String path, String sha256, String what, List<Finding> findings, boolean proof) {
        Finding missing;
        String p = path == null ? "" : path;
        if (root == null) {
            missing = proof ? new Finding.ProofMissing(what + " " + GeneratedSuiteRegrader.clip(p) + ": the run folder is not inside a root")
                    : new Finding.ReferenceMissing(what + " " + GeneratedSuiteRegrader.clip(p) + ": the run folder is not inside a root");
            findings.add(missing);
            return;
        }
        Path base = under == null ? root : root.resolve(under);
        Path target = root.resolve(p).normalize();
        boolean inside = !p.isEmpty() && !p.startsWith("/") && !p.contains("\\") && !Path.of(p).isAbsolute()
                && target.startsWith(base.normalize()) && !target.equals(base.normalize());
        String problem = null;
        if (!inside) {
            problem = "path leaves " + (under == null ? "the root" : under + "/");
        } else {
            Path cur = root;
            for (Path name : root.relativize(target)) {
                cur = cur.resolve(name);
                if (Files.isSymbolicLink(cur)) {
                    problem = "goes through a symbolic link";
                    break;
                }
            }
            if (problem == null && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                problem = "not found";
            }
        }
        if (problem != null) {
            String d = what + " " + GeneratedSuiteRegrader.clip(p) + ": " + problem;
            findings.add(proof ? new Finding.ProofMissing(d) : new Finding.ReferenceMissing(d));
            return;
        }
        try {
            if (Files.size(target) > MAX_FILE_BYTES) {
                findings.add(new Finding.LimitExceeded(what + " " + p + " is larger than " + (MAX_FILE_BYTES >> 20) + " MiB"));
                return;
            }
        } catch (IOException e) {
            findings.add(proof ? new Finding.ProofMissing(what + " " + p + ": " + e.getMessage())
                    : new Finding.ReferenceMissing(what + " " + p + ": " + e.getMessage()));
            return;
        }
        String actual = Manifest.sha256(target);
        if (!actual.equals(sha256)) {
            String d = what + " " + p + ": run.json says " + sha256 + ", file is " + actual;
            findings.add(proof ? new Finding.ProofHashMismatch(d) : new Finding.ReferenceHashMismatch(d));
        }
    }

    // ---- journal

    private List<Sample> readJournal(Path dir, RunManifest manifest, List<Finding> findings) {
        TreeMap<Integer, Path> parts = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Matcher m = JOURNAL_PART.matcher(f.getFileName().toString());
                if (m.matches()) {
                    parts.put(m.group(1) == null ? 0 : Integer.parseInt(m.group(1)), f);
                }
            }
        } catch (IOException e) {
            findings.add(new Finding.JournalCorrupt("cannot list " + dir + ": " + e.getMessage()));
            return null;
        }
        int before = findings.size();
        if (parts.isEmpty()) {
            findings.add(new Finding.JournalCorrupt("no samples.jsonl"));
            return null;
        }
        int expect = 0;
        for (int n : parts.keySet()) {
            if (n != expect) {
                findings.add(new Finding.JournalCorrupt("journal part " + (expect == 0 ? "samples.jsonl" : "samples." + expect + ".jsonl")
                        + " is missing while " + parts.get(n).getFileName() + " exists"));
                return null;
            }
            expect++;
        }
        Map<AttemptKey, Sample> samples = new LinkedHashMap<>();
        int k = manifest.request().k();
        for (Path part : parts.values()) {
            String name = part.getFileName().toString();
            if (Files.isSymbolicLink(part) || !Files.isRegularFile(part)) {
                findings.add(new Finding.JournalCorrupt(name + " is not a regular file"));
                return null;
            }
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(part);
            } catch (IOException e) {
                findings.add(new Finding.JournalCorrupt("cannot read " + name + ": " + e.getMessage()));
                return null;
            }
            if (bytes.length > 0 && bytes[bytes.length - 1] != '\n') {
                findings.add(new Finding.JournalCorrupt(name + " ends with a torn line (no final newline)"));
            }
            int start = 0;
            int lineNo = 0;
            while (start < bytes.length) {
                int nl = start;
                while (nl < bytes.length && bytes[nl] != '\n') {
                    nl++;
                }
                lineNo++;
                int len = nl - start;
                if (len > MAX_LINE_BYTES) {
                    findings.add(new Finding.LimitExceeded(name + " line " + lineNo + " is " + (len >> 20) + " MiB (limit "
                            + (MAX_LINE_BYTES >> 20) + " MiB)"));
                } else if (len > 0 && nl < bytes.length) {
                    Sample s = null;
                    try {
                        s = Json.mapper().readValue(bytes, start, len, Sample.class);
                    } catch (StreamConstraintsException e) {
                        findings.add(new Finding.LimitExceeded(name + " line " + lineNo + ": " + firstLine(e)));
                    } catch (IOException | IllegalArgumentException | NullPointerException e) {
                        findings.add(new Finding.JournalCorrupt(name + " line " + lineNo + " is not a valid sample: " + firstLine(e)));
                    }
                    if (s != null) {
                        if (s.attempt() >= k) {
                            findings.add(new Finding.JournalCorrupt(name + " line " + lineNo + ": attempt " + s.attempt()
                                    + " but the run has k=" + k));
                        } else if (samples.putIfAbsent(s.key(), s) != null) {
                            findings.add(new Finding.DuplicateAttempt(name + " line " + lineNo + " repeats attempt "
                                    + GeneratedSuiteRegrader.clip(s.taskId()) + "#" + s.attempt()));
                        }
                    }
                }
                start = nl + 1;
            }
        }
        return findings.size() == before ? new ArrayList<>(samples.values()) : null;
    }

    // ---- metrics

    private static void metrics(Path dir, RunManifest manifest, List<Sample> samples, List<Finding> findings) {
        JsonNode recorded;
        try {
            recorded = Json.mapper().readTree(new RunFolder(dir).runJson().toFile()).path("metrics");
        } catch (IOException e) {
            findings.add(new Finding.Schema("run.json unreadable: " + firstLine(e)));
            return;
        }
        Metrics recomputed = RunMetrics.of(manifest.workload(), samples);
        List<String> diffs = new ArrayList<>();
        compare("metrics", recorded, Json.mapper().valueToTree(recomputed), diffs);
        for (String d : diffs.subList(0, Math.min(diffs.size(), GeneratedSuiteRegrader.MAX_PER_KIND))) {
            findings.add(new Finding.MetricsMismatch(d));
        }
        if (diffs.size() > GeneratedSuiteRegrader.MAX_PER_KIND) {
            findings.add(new Finding.MetricsMismatch("... and " + (diffs.size() - GeneratedSuiteRegrader.MAX_PER_KIND) + " more fields"));
        }
    }

    /** Recorded vs recomputed: integers exactly, other numbers within {@link #FLOAT_TOLERANCE}; null equals absent. */
    static void compare(String path, JsonNode recorded, JsonNode recomputed, List<String> diffs) {
        boolean rNull = recorded == null || recorded.isNull() || recorded.isMissingNode();
        boolean cNull = recomputed == null || recomputed.isNull() || recomputed.isMissingNode();
        if (rNull || cNull) {
            if (rNull != cNull) {
                diffs.add(path + ": run.json " + (rNull ? "null" : clipJson(recorded)) + ", recomputed " + (cNull ? "null" : clipJson(recomputed)));
            }
            return;
        }
        if (recorded.isObject() && recomputed.isObject()) {
            java.util.TreeSet<String> names = new java.util.TreeSet<>();
            recorded.fieldNames().forEachRemaining(names::add);
            recomputed.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                compare(path + "." + n, recorded.get(n), recomputed.get(n), diffs);
            }
            return;
        }
        if (recorded.isNumber() && recomputed.isNumber()) {
            boolean same = recorded.isIntegralNumber() && recomputed.isIntegralNumber()
                    ? recorded.bigIntegerValue().equals(recomputed.bigIntegerValue())
                    : Math.abs(recorded.asDouble() - recomputed.asDouble()) <= FLOAT_TOLERANCE;
            if (!same) {
                diffs.add(path + ": run.json " + recorded + ", recomputed from the journal " + recomputed);
            }
            return;
        }
        if (!recorded.equals(recomputed)) {
            diffs.add(path + ": run.json " + clipJson(recorded) + ", recomputed from the journal " + clipJson(recomputed));
        }
    }

    private static String clipJson(JsonNode n) {
        return GeneratedSuiteRegrader.clip(n.toString());
    }

    static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return GeneratedSuiteRegrader.clip(nl < 0 ? m : m.substring(0, nl));
    }

    /** The same kind of finding with another detail (for "... and N more" lines). */
    static Finding withDetail(Finding f, String detail) {
        try {
            return f.getClass().getDeclaredConstructor(String.class).newInstance(detail);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

}
