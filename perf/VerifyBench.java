///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS dev.claimcheck:audit-core:0.1.0-SNAPSHOT

import dev.claimcheck.core.cli.AuditCommand;
import dev.claimcheck.core.cli.Cli;
import dev.claimcheck.core.provenance.Manifest;
import dev.claimcheck.core.provenance.SigningKeys;
import dev.claimcheck.core.provenance.Signer;
import dev.claimcheck.core.run.AuditSession;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.verify.RunReport;
import dev.claimcheck.core.verify.Verifier;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Verify throughput (issue 4 quality bar), printing numbers:
 *   1. MB/s hashed checking MANIFEST coverage and hashes of every run folder (target >= 300 MB/s), one thread and all cores;
 *   2. whole-root verify time excluding re-grading: limits, schema, MANIFEST, signature, proofs, journal, metrics
 *      (target <= 10 s for 1,000 runs), best of 3 passes after a warm-up, with the process CPU time (the machine may be
 *      shared: CPU seconds compare runs on a busy machine better than wall time);
 *   3. the same with re-grading, best of 2, for reference.
 * The root holds N copies (default 1,000) of one simulated arith run, each with its own run id and signed.
 * Run: ./jbang perf/VerifyBench.java [runs] [problems]     (needs ssh-keygen)
 */
class VerifyBench {
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int problems = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Path dir = Files.createTempDirectory("claimcheck-verify-bench");
        try {
            Path root = dir.resolve("root");
            Path key = dir.resolve("bench_key");
            Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "bench@example.org",
                    "-f", key.toString()).inheritIO().start();
            if (keygen.waitFor() != 0) {
                throw new IllegalStateException("ssh-keygen failed");
            }
            Files.createDirectories(root.resolve("results"));
            Files.writeString(root.resolve("results/allowed_signers"),
                    "bench@example.org " + Files.readString(Path.of(key + ".pub")));

            long t0 = System.nanoTime();
            Path template = audit(root, problems);
            var privateKey = SigningKeys.readFile(key);
            String templateId = template.getFileName().toString();
            String runJson = Files.readString(template.resolve("run.json"));
            String prefix = templateId.substring(0, templateId.length() - 8);
            // Proofs live outside the run folder (root/proofs/.../<run-id>/) and run.json names them by run id: each copy
            // gets its own copy of the template's proofs, unchanged, so the proofs check passes as for a real submission.
            List<Path> proofDirs;
            try (Stream<Path> s = Files.walk(root.resolve("proofs"))) {
                proofDirs = s.filter(p -> Files.isDirectory(p) && p.getFileName().toString().equals(templateId)).toList();
            }
            for (int i = 0; i < runs; i++) {
                String id = prefix + String.format(Locale.ROOT, "%08x", i);
                Path run = template.resolveSibling(id);
                if (!run.equals(template)) {
                    Files.createDirectories(run);
                    try (Stream<Path> files = Files.list(template)) {
                        for (Path f : files.toList()) {
                            String name = f.getFileName().toString();
                            if (!name.startsWith("MANIFEST") && !name.equals("run.json")) {
                                Files.copy(f, run.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
                            }
                        }
                    }
                    Files.writeString(run.resolve("run.json"), runJson.replace(templateId, id));
                    for (Path proofs : proofDirs) {
                        Path copy = Files.createDirectories(proofs.resolveSibling(id));
                        try (Stream<Path> files = Files.list(proofs)) {
                            for (Path f : files.toList()) {
                                Files.copy(f, copy.resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
                            }
                        }
                    }
                }
                Signer.sign(run, privateKey, true);
            }
            Files.walk(template).sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            List<Path> folders = new Verifier(Verifier.Options.defaults()).runFolders(List.of(root));
            long bytes = 0;
            for (Path run : folders) {
                try (Stream<Path> files = Files.list(run)) {
                    for (Path f : files.toList()) {
                        if (!f.getFileName().toString().startsWith("MANIFEST")) {
                            bytes += Files.size(f);
                        }
                    }
                }
            }
            System.out.printf(Locale.ROOT, "root: %d signed runs, %.1f MB of hashed files (generated in %.1f s)%n",
                    folders.size(), bytes / 1e6, (System.nanoTime() - t0) / 1e9);
            int cores = Runtime.getRuntime().availableProcessors();

            hashPass(folders, cores); // warm-up: JIT and page cache
            for (int threads : new int[] {1, cores}) {
                double s = hashPass(folders, threads);
                System.out.printf(Locale.ROOT, "hash + MANIFEST coverage, %2d thread%s: %6.2f s, %7.0f MB/s%n",
                        threads, threads == 1 ? " " : "s", s, bytes / 1e6 / s);
            }
            // The machine may be shared: each figure is the best of a few passes, with the process CPU time of that pass.
            Verifier verifier = new Verifier(new Verifier.Options(null, false, false, Instant.now(), cores));
            verifier.verify(List.of(root)); // warm-up
            double[] best = timed(verifier, root, 3);
            System.out.printf(Locale.ROOT, "whole-root verify without re-grading, %d threads: %.2f s (cpu %.2f s) for %d runs (%d failed), best of 3%n",
                    cores, best[0], best[1], (long) best[2], (long) best[3]);
            Verifier full = new Verifier(new Verifier.Options(null, false, true, Instant.now(), cores));
            best = timed(full, root, 2);
            System.out.printf(Locale.ROOT, "whole-root verify with re-grading (for reference): %.2f s (cpu %.2f s) (%d failed), best of 2%n",
                    best[0], best[1], (long) best[3]);
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The fastest of {@code passes} whole-root verifications: {wall s, process cpu s, runs, failed}. */
    static double[] timed(Verifier verifier, Path root, int passes) {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        double[] best = null;
        for (int i = 0; i < passes; i++) {
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            List<RunReport> reports = verifier.verify(List.of(root));
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - c0) / 1e9;
            if (best == null || wall < best[0]) {
                best = new double[] {wall, cpu, reports.size(), reports.stream().filter(r -> !r.passed()).count()};
            }
        }
        return best;
    }

    /** MANIFEST.check of every folder (hashes every file), on {@code threads} threads; seconds. */
    static double hashPass(List<Path> folders, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t = System.nanoTime();
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (Path run : folders) {
                futures.add(pool.submit(() -> Manifest.checkFolder(run).size()));
            }
            for (Future<Integer> f : futures) {
                if (f.get() != 0) {
                    throw new IllegalStateException("a run folder does not match its MANIFEST");
                }
            }
        } finally {
            pool.shutdown();
        }
        return (System.nanoTime() - t) / 1e9;
    }

    static Path audit(Path root, int problems) throws Exception {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        AuditSession session = new AuditSession(Clock.systemUTC(), Map.of(), Journal.DEFAULT_PART_LIMIT);
        int code = Cli.execute(new AuditCommand(session, quiet, quiet), new PrintWriter(System.err, true),
                "arith", "--base-url", "sim", "--k", "4", "--problems", Integer.toString(problems), "--root", root.toString());
        if (code != 0) {
            throw new IllegalStateException("audit exited " + code);
        }
        Path runs = root.resolve("results/runs");
        try (Stream<Path> s = Files.find(runs, 4, (p, a) -> a.isDirectory() && runs.relativize(p).getNameCount() == 4,
                java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            return s.findFirst().orElseThrow();
        }
    }

    @SuppressWarnings("unused")
    private static boolean regular(Path p) {
        return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
    }
}
