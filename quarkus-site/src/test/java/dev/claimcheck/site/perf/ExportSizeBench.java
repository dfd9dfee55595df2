package dev.claimcheck.site.perf;

import dev.claimcheck.core.cli.AuditCommand;
import dev.claimcheck.core.cli.Cli;
import dev.claimcheck.core.run.AuditSession;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.Root;
import dev.claimcheck.site.export.StaticExporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Prints the static export's size per 1,000 samples: M simulated models × both lanes of the arith suite at k attempts
 * (real harness runs against the simulator), exported, with the bytes by kind of file. Usage:
 * {@code ExportSizeBench [models=6] [k=8]}.
 */
public final class ExportSizeBench {
    public static void main(String[] args) throws IOException {
        int models = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        String k = args.length > 1 ? args[1] : "8";
        Path root = Files.createTempDirectory("claimcheck-export-bench");
        for (int m = 0; m < models; m++) {
            for (String lane : new String[] {"instant", "thinking"}) {
                audit("arith", "--base-url", "sim", "--model", "bench/model-" + m, "--lane", lane, "--k", k,
                        "--root", root.toString());
            }
        }
        long samples;
        long journalBytes;
        try (Stream<Path> s = Files.walk(root.resolve("results/runs"))) {
            List<Path> journals = s.filter(p -> p.getFileName().toString().startsWith("samples") && p.toString().endsWith(".jsonl")).toList();
            samples = journals.stream().mapToLong(ExportSizeBench::lines).sum();
            journalBytes = journals.stream().mapToLong(ExportSizeBench::size).sum();
        }
        Path out = root.resolve("site");
        StaticExporter.Result r = StaticExporter.export(new Root(root), out);
        Map<String, long[]> byKind = new TreeMap<>();
        try (Stream<Path> s = Files.walk(out)) {
            s.filter(Files::isRegularFile).forEach(p -> {
                String rel = out.relativize(p).toString();
                String kind = rel.replaceAll("[0-9]{8}T[0-9]{6}Z-[0-9a-f]{8}", "ID").replaceAll("/[^/]+/[0-9]+\\.html$", "/TASK/N.html")
                        .replaceAll("(all|correct|wrong|error)-(journal|tokens)-[0-9]+\\.json", "V-S-N.json")
                        .replaceAll("^(boards|models)/[^/]+", "$1/SLUG").replaceAll("^static/.*|^webjars/.*", "assets");
                long[] a = byKind.computeIfAbsent(kind, x -> new long[2]);
                a[0]++;
                a[1] += size(p);
            });
        }
        double mib = r.bytes() / 1048576.0;
        System.out.printf(Locale.ROOT, "%d runs, %d samples (journals %.2f MiB): %d files, %.2f MiB (%.1f× the journals), %.2f MiB per 1,000 samples%n",
                r.runs(), samples, journalBytes / 1048576.0, r.files(), mib, r.bytes() / (double) journalBytes, mib * 1000 / samples);
        byKind.forEach((kind, a) -> System.out.printf(Locale.ROOT, "  %-40s %6d files %9.1f KiB%n", kind, a[0], a[1] / 1024.0));
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static long lines(Path p) {
        try (Stream<String> l = Files.lines(p)) {
            return l.filter(x -> !x.isBlank()).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void audit(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true);
        AuditSession session = new AuditSession(Clock.systemUTC(), Map.of(), Journal.DEFAULT_PART_LIMIT);
        int code = Cli.execute(new AuditCommand(session, new PrintStream(OutputStream.nullOutputStream()), e),
                new PrintWriter(e, true), args);
        if (code != 0) {
            throw new IllegalStateException("audit exited " + code + ": " + err);
        }
    }
}
