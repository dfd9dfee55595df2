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

    private SandboxEvaluation() {
    }

    public static String testLog(Sandbox sandbox, Map<String, String> repository, SwebenchInstance instance, String modelPatch) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        repository.forEach((name, text) -> files.put(name, text.getBytes(StandardCharsets.UTF_8)));
        files.put("model.diff", modelPatch.getBytes(StandardCharsets.UTF_8));
        files.put("test.diff", instance.testPatch().getBytes(StandardCharsets.UTF_8));
        files.put("eval.sh", script(repository.keySet(), testFiles(instance)).getBytes(StandardCharsets.UTF_8));
        SandboxResult result;
        try {
            result = sandbox.run(new SandboxRequest(List.of("/bin/sh", Sandbox.BOX + "/eval.sh"), files, null, LIMITS));
        } catch (SandboxException e) {
            throw new dev.claimcheck.core.RunFailedException(instance.instanceId() + ": sandbox: " + e.getMessage(), e);
        }
        String log = new String(result.stdout(), StandardCharsets.UTF_8);
        if (result.wallTimeout() || result.cpuLimitHit()) {
            log += "\n>>>>> Tests Timed Out\n"; // the harness's marker for an evaluation that ran out of time
        }
        return log;
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
