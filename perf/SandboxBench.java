///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS dev.claimcheck:audit-core:0.1.0-SNAPSHOT

import dev.claimcheck.core.grade.CodeGrader;
import dev.claimcheck.core.grade.code.CodeJudgement;
import dev.claimcheck.core.grade.code.CodeSpec;
import dev.claimcheck.core.grade.code.CodeTest;
import dev.claimcheck.core.grade.sandbox.Sandbox;
import dev.claimcheck.core.grade.sandbox.SandboxLimits;
import dev.claimcheck.core.grade.sandbox.SandboxRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sandbox cost (issue #9 quality bar), printing numbers:
 *   1. per-program overhead: a trivial Python program run bare (ProcessBuilder) and in the sandbox, p50/p99 of each
 *      and of the difference (target: p50 overhead <= 30 ms above a bare interpreter start);
 *   2. throughput: 1,000 small stdin/stdout tests (100 programs x 10 tests) judged by the code grader at
 *      concurrency 1, 2 and 4 (target >= 30 tests/s on 2 cores).
 * Run: ./jbang perf/SandboxBench.java [runs]   (default 200 runs for part 1)
 */
class SandboxBench {
    static final String PY = "/usr/bin/python3";

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Sandbox sandbox = Sandbox.system();
        if (sandbox.unavailableReason() != null) {
            System.err.println("no sandbox: " + sandbox.unavailableReason());
            System.exit(1);
        }
        System.out.printf(Locale.ROOT, "cores %d, %s%n", Runtime.getRuntime().availableProcessors(), PY);
        byte[] program = "import sys\nprint(sum(map(int, sys.stdin.read().split())))\n".getBytes(StandardCharsets.UTF_8);
        SandboxRequest request = new SandboxRequest(List.of(PY, "-I", "/box/main.py"), Map.of("main.py", program),
                "1 2 3\n".getBytes(StandardCharsets.UTF_8), SandboxLimits.DEFAULT);
        java.nio.file.Path bareFile = java.nio.file.Files.createTempFile("bench", ".py");
        java.nio.file.Files.write(bareFile, program);
        for (int i = 0; i < 10; i++) {
            bare(bareFile.toString());
            sandbox.run(request);
        }
        double[] bare = new double[runs];
        double[] boxed = new double[runs];
        for (int i = 0; i < runs; i++) {
            bare[i] = bare(bareFile.toString());
            long t = System.nanoTime();
            var r = sandbox.run(request);
            boxed[i] = (System.nanoTime() - t) / 1e6;
            if (r.exitCode() != 0 || !new String(r.stdout(), StandardCharsets.UTF_8).equals("6\n")) {
                throw new IllegalStateException("sandboxed run failed: " + r.stderr());
            }
        }
        java.nio.file.Files.delete(bareFile);
        System.out.printf(Locale.ROOT, "1. per program (%d runs)   bare p50 %.1f ms p99 %.1f ms | sandboxed p50 %.1f ms p99 %.1f ms"
                + " | overhead p50 %.1f ms p99 %.1f ms%n", runs, pct(bare, 50), pct(bare, 99), pct(boxed, 50),
                pct(boxed, 99), pct(boxed, 50) - pct(bare, 50), pct(boxed, 99) - pct(bare, 99));

        CodeGrader grader = new CodeGrader();
        List<CodeTest> tests = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tests.add(new CodeTest(i + " " + (i * 7) + "\n", (i + i * 7) + "\n", CodeTest.Kind.STDIN, null));
        }
        CodeSpec spec = new CodeSpec("python", tests, 6_000, 256);
        String source = "a, b = map(int, input().split())\nprint(a + b)\n";
        for (int concurrency : new int[] {1, 2, 4}) {
            ExecutorService pool = Executors.newFixedThreadPool(concurrency);
            long t = System.nanoTime();
            List<Future<CodeJudgement>> futures = new ArrayList<>();
            for (int p = 0; p < 100; p++) {
                futures.add(pool.submit(() -> grader.judge(source, spec)));
            }
            int passed = 0;
            for (Future<CodeJudgement> f : futures) {
                passed += f.get().passed() ? 1 : 0;
            }
            double s = (System.nanoTime() - t) / 1e9;
            pool.shutdown();
            System.out.printf(Locale.ROOT, "2. 1,000 stdin tests at concurrency %d: %.1f s, %.1f tests/s (%d/100 programs accepted)%n",
                    concurrency, s, 1000 / s, passed);
        }
    }

    static double bare(String file) throws Exception {
        long t = System.nanoTime();
        Process p = new ProcessBuilder(PY, "-I", file).start();
        try (var in = p.getOutputStream()) {
            in.write("1 2 3\n".getBytes(StandardCharsets.UTF_8));
        }
        p.getInputStream().readAllBytes();
        p.waitFor();
        return (System.nanoTime() - t) / 1e6;
    }

    static double pct(double[] xs, int p) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)];
    }
}
