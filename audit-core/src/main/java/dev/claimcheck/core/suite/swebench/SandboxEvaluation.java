package dev.claimcheck.core.suite.swebench;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.grade.sandbox.Sandbox;
import dev.claimcheck.core.grade.sandbox.SandboxException;
import dev.claimcheck.core.grade.sandbox.SandboxLimits;
import dev.claimcheck.core.grade.sandbox.SandboxRequest;
import dev.claimcheck.core.grade.sandbox.SandboxResult;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Evaluates a patch on a small flat repository (files at its root only) in the sandbox, with the machine's python3
 * and its pytest, the way the harness's eval script does in an instance image: copy the repository to a writable
 * testbed, apply the model patch and then the test patch (a failure prints "Patch Apply Failed"), and run pytest with
 * {@code -rA} on the files of the listed tests between the start and end markers. Everything the patch or the tests
 * do runs inside the sandbox. The log it returns is what {@link TestLog} parses.
 */
public final class SandboxEvaluation {
    private static final SandboxLimits LIMITS = SandboxLimits.DEFAULT.withCpuMs(20_000).withMaxProcesses(64);
    /** A repository's test files run longer than a flat fixture's, and git needs more than 1 GiB of address space. */
    private static final SandboxLimits TREE_LIMITS = LIMITS.withCpuMs(300_000).withMaxProcesses(128).withAddressSpace(4L << 30);

    private SandboxEvaluation() {
    }

    public static String testLog(Sandbox sandbox, Map<String, String> repository, SwebenchInstance instance, String modelPatch) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        repository.forEach((name, text) -> files.put(name, text.getBytes(StandardCharsets.UTF_8)));
        files.put("model.diff", modelPatch.getBytes(StandardCharsets.UTF_8));
        files.put("test.diff", instance.testPatch().getBytes(StandardCharsets.UTF_8));
        files.put("eval.sh", script(repository.keySet(), testFiles(instance)).getBytes(StandardCharsets.UTF_8));
        // Running out of CPU or wall time appends the harness's marker for an evaluation that timed out.
        return run(sandbox, new SandboxRequest(List.of("/bin/sh", Sandbox.BOX + "/eval.sh"), files, null, LIMITS), instance);
    }

    /**
     * As the harness's eval script, over a working copy of the repository at its base commit (bound at
     * {@code /testbed}, any layout): apply the model patch, then the test patch ({@code git apply}, falling back to
     * {@code patch --fuzz=5} as the harness does), and run pytest {@code -rA} on the files of the listed tests. The
     * copy is changed; use a fresh one per evaluation.
     */
    public static String testLog(Sandbox sandbox, java.nio.file.Path testbed, SwebenchInstance instance, String modelPatch) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("model.diff", modelPatch.getBytes(StandardCharsets.UTF_8));
        files.put("test.diff", instance.testPatch().getBytes(StandardCharsets.UTF_8));
        files.put("eval.sh", treeScript(testPaths(instance), patchedFiles(instance.testPatch())).getBytes(StandardCharsets.UTF_8));
        return run(sandbox, new SandboxRequest(List.of("/bin/sh", Sandbox.BOX + "/eval.sh"), files, null, TREE_LIMITS, testbed),
                instance);
    }

    private static String run(Sandbox sandbox, SandboxRequest request, SwebenchInstance instance) {
        SandboxResult result;
        try {
            result = sandbox.run(request);
        } catch (SandboxException e) {
            throw new dev.claimcheck.core.RunFailedException(instance.instanceId() + ": sandbox: " + e.getMessage(), e);
        }
        String log = new String(result.stdout(), StandardCharsets.UTF_8);
        if (result.wallTimeout() || result.cpuLimitHit()) {
            log += "\n>>>>> Tests Timed Out\n";
        }
        return log;
    }

    /** The files holding the listed tests, as paths inside the repository (no absolute path, no "..", no quote). */
    static Set<String> testPaths(SwebenchInstance instance) {
        Set<String> files = new LinkedHashSet<>();
        for (String id : java.util.stream.Stream.concat(instance.failToPass().stream(), instance.passToPass().stream()).toList()) {
            String file = id.contains("::") ? id.substring(0, id.indexOf("::")) : id;
            if (!file.matches("[A-Za-z0-9_][A-Za-z0-9_./-]*\\.py") || file.contains("..")) {
                throw new BadInputException(instance.instanceId() + ": test " + id + " is not a pytest id (path/to/test_x.py::name);"
                        + " the sandbox evaluation runs pytest only");
            }
            files.add(file);
        }
        return files;
    }

    /** The files a patch changes, as its "diff --git a/X b/Y" headers name them (Y). */
    static Set<String> patchedFiles(String patch) {
        Set<String> files = new LinkedHashSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^diff --git a/\\S+ b/(\\S+)$").matcher(patch);
        while (m.find()) {
            if (m.group(1).contains("'") || m.group(1).contains("..")) {
                throw new BadInputException("test patch names a file this evaluation will not touch: " + m.group(1));
            }
            files.add(m.group(1));
        }
        return files;
    }

    private static String treeScript(Set<String> testFiles, Set<String> testPatchFiles) {
        String apply = "git -c core.hooksPath=/dev/null apply --verbose %1$s || patch --batch --fuzz=5 -p1 -i %1$s"
                + " || { echo '>>>>> Patch Apply Failed'; exit 0; }";
        // As the harness does: the files the test patch changes go back to the base commit before it is applied, so a
        // model patch that edited the tests cannot make the test patch fail or change what it checks.
        String reset = testPatchFiles.stream().map(f -> "git checkout -q HEAD -- '" + f + "' 2>/dev/null || rm -f '" + f + "'")
                .collect(Collectors.joining("\n"));
        return String.join("\n",
                "cd " + Sandbox.TESTBED + " || exit 1",
                "if [ -s " + Sandbox.BOX + "/model.diff ]; then " + String.format(apply, Sandbox.BOX + "/model.diff") + "; fi",
                reset,
                String.format(apply, Sandbox.BOX + "/test.diff"),
                "echo '>>>>> Start Test Output'",
                "/usr/bin/python3 -I -m pytest -rA -p no:cacheprovider " + String.join(" ", testFiles) + " 2>&1",
                "echo '>>>>> End Test Output'",
                "");
    }

    /** The files holding the listed tests (the part of a test id before "::"). */
    static Set<String> testFiles(SwebenchInstance instance) {
        Set<String> files = new LinkedHashSet<>();
        for (String id : java.util.stream.Stream.concat(instance.failToPass().stream(), instance.passToPass().stream()).toList()) {
            String file = id.contains("::") ? id.substring(0, id.indexOf("::")) : id;
            if (!file.matches("[A-Za-z0-9_][A-Za-z0-9_.-]*\\.py")) {
                throw new BadInputException(instance.instanceId() + ": test " + id + " is not in a top-level .py file of a flat repository");
            }
            files.add(file);
        }
        return files;
    }

    private static String script(Set<String> repositoryFiles, Set<String> testFiles) {
        String copy = repositoryFiles.stream().map(f -> "'" + Sandbox.BOX + "/" + f + "'").collect(Collectors.joining(" "));
        return String.join("\n",
                "mkdir /tmp/testbed && cp " + copy + " /tmp/testbed/ && cd /tmp/testbed || exit 1",
                "patch -p1 --batch --forward --no-backup-if-mismatch < " + Sandbox.BOX + "/model.diff || { echo '>>>>> Patch Apply Failed'; exit 0; }",
                "patch -p1 --batch --forward --no-backup-if-mismatch < " + Sandbox.BOX + "/test.diff || { echo '>>>>> Patch Apply Failed'; exit 0; }",
                "echo '>>>>> Start Test Output'",
                "/usr/bin/python3 -I -m pytest -rA -p no:cacheprovider " + String.join(" ", testFiles) + " 2>&1",
                "echo '>>>>> End Test Output'",
                "");
    }
}
