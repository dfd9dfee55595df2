///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS dev.claimcheck:audit-core:0.1.0-SNAPSHOT

import dev.claimcheck.core.suite.Suite;
import dev.claimcheck.core.suite.SuiteContext;
import dev.claimcheck.core.suite.SuiteRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.Deflater;
import picocli.CommandLine;

/**
 * Peak heap of reading a LiveCodeBench release (issue #27 quality bar): writes a release file in the published
 * layout (20 problems, private tests as base64(zlib(pickle(json)))) at 1x, 10x and 100x the test payload, and reads
 * each in a fresh JVM (serial GC) with suite lcb (streaming index: tests skipped) and, for contrast, suite code
 * (which holds every test in memory). Prints the file size, the peak of the heap pools while the suite reads the
 * dataset, and whether the read also completes under a 64 MiB heap. Numbers, not a test.
 * Run from the repository root: ./jbang perf/LcbStreamBench.java [problems=20] [baseInputChars=100000]
 */
class LcbStreamBench {
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("child")) {
            child(args[1], Path.of(args[2]), args[3]);
            return;
        }
        int problems = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int base = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Path work = Files.createTempDirectory("lcb-bench");
        System.out.printf(Locale.ROOT, "cores %d, load average %.2f, %d problems, private test input %d chars at 1x%n",
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                problems, base);
        System.out.println("scale  file MiB  suite  peak heap MiB (-Xmx512m)  read s  completes under -Xmx64m");
        for (int scale : new int[] {1, 10, 100}) {
            Path dir = Files.createDirectories(work.resolve("x" + scale));
            write(dir.resolve("test.jsonl"), problems, base * scale);
            double mib = Files.size(dir.resolve("test.jsonl")) / 1048576.0;
            for (String suite : new String[] {"lcb", "code"}) {
                String path = suite.equals("lcb") ? dir.toString() : dir.resolve("test.jsonl").toString();
                String[] big = run("512m", suite, path);
                String[] small = run("64m", suite, path);
                System.out.printf(Locale.ROOT, "%4dx  %8.1f  %-5s  %24s  %6s  %s%n", scale, mib, suite, big[0], big[1],
                        small[0].equals("failed") ? "no (" + small[1] + ")" : "yes");
            }
        }
        System.out.printf(Locale.ROOT, "load average after: %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** {peak MiB, seconds} or {"failed", why}. */
    static String[] run(String xmx, String suite, String path) throws Exception {
        String self = Path.of("perf/LcbStreamBench.java").toString();
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx" + xmx, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path")));
        if (Files.exists(Path.of(self))) {
            cmd.add(self);
        } else {
            cmd.add("LcbStreamBench");
        }
        cmd.addAll(List.of("child", suite, path, "v1"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0 || !out.startsWith("peak ")) {
            return new String[] {"failed", out.contains("OutOfMemoryError") ? "OutOfMemoryError" : out.lines().reduce((a, b) -> b).orElse("?")};
        }
        String[] f = out.split(" ");
        return new String[] {f[1], f[2]};
    }

    static void child(String suiteId, Path dataset, String release) {
        Suite suite = SuiteRegistry.byId(suiteId);
        Object options = suite.newOptions();
        List<String> argv = new ArrayList<>(List.of("--dataset", dataset.toString()));
        if (suiteId.equals("lcb")) {
            argv.addAll(List.of("--release", release));
        }
        new CommandLine(options).parseArgs(argv.toArray(String[]::new));
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(b -> b.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long t = System.nanoTime();
        var ref = suite.dataset(new SuiteContext(0, options, null));
        double s = (System.nanoTime() - t) / 1e9;
        long peak = heap.stream().mapToLong(b -> b.getPeakUsage().getUsed()).sum();
        System.out.printf(Locale.ROOT, "peak %.1f %.2f rows=%d%n", peak / 1048576.0, s, ref.rows());
    }

    /** A release file of our own: stdin problems whose one private test has an input of {@code inputChars} digits. */
    static void write(Path file, int problems, int inputChars) throws IOException {
        Random random = new Random(27);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < problems; i++) {
                StringBuilder input = new StringBuilder(inputChars + 1);
                for (int c = 0; c < inputChars; c++) {
                    input.append((char) ('0' + random.nextInt(10)));
                }
                String tests = "[{\"input\": \"" + input + "\\n\", \"output\": \"" + i + "\\n\", \"testtype\": \"stdin\"}]";
                w.write("{\"question_title\": \"P" + i + "\", \"question_content\": \"Print " + i + ".\", \"platform\": \"atcoder\", "
                        + "\"question_id\": \"p" + i + "\", \"contest_id\": \"c\", \"contest_date\": \"2025-01-01T00:00:00\", "
                        + "\"starter_code\": \"\", \"difficulty\": \"easy\", "
                        + "\"public_test_cases\": \"[{\\\"input\\\": \\\"\\\\n\\\", \\\"output\\\": \\\"" + i + "\\\\n\\\", \\\"testtype\\\": \\\"stdin\\\"}]\", "
                        + "\"private_test_cases\": \"" + compressed(tests) + "\", \"metadata\": \"{}\"}\n");
            }
        }
    }

    /** base64(zlib(pickle protocol 4 of a str)), as LiveCodeBench encodes private tests. */
    static String compressed(String json) {
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream pickle = new ByteArrayOutputStream();
        pickle.write(0x80);
        pickle.write(4);
        pickle.write('X');
        for (int i = 0; i < 4; i++) {
            pickle.write(utf8.length >>> (8 * i) & 0xff);
        }
        pickle.writeBytes(utf8);
        pickle.write('.');
        Deflater d = new Deflater();
        d.setInput(pickle.toByteArray());
        d.finish();
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        while (!d.finished()) {
            z.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return Base64.getEncoder().encodeToString(z.toByteArray());
    }
}
