package dev.claimcheck.core.verify;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.grade.Graders;
import dev.claimcheck.core.model.CodeDetail;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Verdict;
import dev.claimcheck.core.verify.Finding.Kind;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Re-grade for the code workload (docs/verification.md): recomputes each attempt's verdict from its recorded per-test
 * verdicts ({@link CodeDetail}) without running anything, since hidden tests are never stored. Each verdict must be
 * consistent with its tests: runs stop at the first failure, the program's verdict is the failing test's (accepted
 * only when every test ran and passed), and {@code correct} and {@code score} follow from it. The metrics themselves
 * are recomputed from the same details by the verifier's metrics check. Re-executing programs is opt-in
 * ({@code verify --reexecute}, {@link Reexecution}).
 */
public final class RecordedTestsRegrader implements Regrader {
    static final Set<String> VERDICTS = Set.of("accepted", "wrongAnswer", "timeLimit", "memoryLimit", "runtimeError",
            "compileError", "sandboxError");
    private final boolean reexecute;

    public RecordedTestsRegrader() {
        this(false);
    }

    /** @param reexecute also run each recorded program again in the sandbox against the dataset ({@link Reexecution}) */
    public RecordedTestsRegrader(boolean reexecute) {
        this.reexecute = reexecute;
    }

    @Override
    public List<Finding> regrade(RunManifest manifest, List<Sample> samples, Path root) {
        Findings.Collector out = new Findings.Collector();
        Map<String, String> tests = new HashMap<>();
        for (Sample s : samples) {
            Verdict v = s.verdict();
            if (v == null) {
                continue;
            }
            String where = Findings.clip(s.taskId()) + "#" + s.attempt();
            try {
                Graders.byIdAndVersion(v.grader(), v.graderVersion());
            } catch (BadInputException e) {
                out.add(new Finding(Kind.NOT_REGRADED, where + ": " + e.getMessage()));
                continue;
            }
            String previous = tests.putIfAbsent(s.taskId(), String.valueOf(v.expected()));
            if (previous != null && !previous.equals(String.valueOf(v.expected()))) {
                out.add(new Finding(Kind.EXPECTED_MISMATCH, where + ": the tests' hash differs between attempts of one task"));
            }
            String problem = check(v);
            if (problem != null) {
                out.add(new Finding(Kind.REGRADE_MISMATCH, where + ": " + problem));
            }
        }
        if (reexecute) {
            Reexecution.check(manifest, samples, root, out);
        }
        DatasetTasks.missing(manifest, samples, out);
        return out.list();
    }

    /** What is inconsistent in one recorded code verdict, or null. */
    static String check(Verdict v) {
        var parsed = CodeDetail.parse(v.detail());
        if (parsed.isEmpty()) {
            return "verdict.detail is not a code verdict";
        }
        CodeDetail d = parsed.get();
        if (!VERDICTS.contains(d.verdict())) {
            return "unknown verdict '" + Findings.clip(d.verdict()) + "'";
        }
        List<CodeDetail.Test> ts = d.tests();
        if (ts.size() > d.testsTotal()) {
            return ts.size() + " test results for " + d.testsTotal() + " tests";
        }
        for (int i = 0; i < ts.size(); i++) {
            CodeDetail.Test t = ts.get(i);
            if (!VERDICTS.contains(t.verdict()) || t.passed() != "accepted".equals(t.verdict())) {
                return "test " + (i + 1) + " has an inconsistent verdict";
            }
            if (!t.passed() && i != ts.size() - 1) {
                return "tests ran past the first failure (test " + (i + 1) + ")";
            }
        }
        boolean allPassed = d.testsTotal() > 0 && ts.size() == d.testsTotal() && ts.stream().allMatch(CodeDetail.Test::passed);
        String expected = allPassed ? "accepted" : ts.isEmpty() || ts.get(ts.size() - 1).passed() ? null
                : ts.get(ts.size() - 1).verdict();
        if (expected == null) {
            // No failing test recorded: only a program that never ran (no program, too long, no sandbox).
            if (!Set.of("compileError", "sandboxError").contains(d.verdict()) || !ts.isEmpty()) {
                return "verdict " + d.verdict() + " without a failing test";
            }
        } else if (!expected.equals(d.verdict())) {
            return "per-test verdicts give " + expected + ", recorded " + d.verdict();
        }
        boolean accepted = "accepted".equals(d.verdict());
        if (v.correct() != accepted || Double.compare(v.score(), accepted ? 1.0 : 0.0) != 0) {
            return "recorded correct=" + v.correct() + " score=" + v.score() + " for verdict " + d.verdict();
        }
        return null;
    }
}
