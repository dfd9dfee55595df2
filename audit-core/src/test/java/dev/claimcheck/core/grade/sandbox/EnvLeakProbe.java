package dev.claimcheck.core.grade.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Run by {@link SandboxEscapeTest} as a child JVM whose environment holds canary secrets (the way a grading JVM
 * holds OPENAI_API_KEY): says whether it sees the canary, then runs {@link SandboxEscapeTest#ENVIRON_PROBE} in
 * the real sandbox and prints what the program could read.
 */
public final class EnvLeakProbe {
    public static void main(String[] args) throws Exception {
        System.out.println("launcher-sees-canary=" + args[0].equals(System.getenv("OPENAI_API_KEY")));
        SandboxResult r = Sandbox.system().run(new SandboxRequest(List.of(SandboxTest.PY, "-I", "/box/main.py"),
                Map.of("main.py", SandboxEscapeTest.ENVIRON_PROBE.getBytes(StandardCharsets.UTF_8)), null,
                SandboxTest.LIMITS));
        System.out.println("exit=" + r.exitCode());
        System.out.print(new String(r.stdout(), StandardCharsets.UTF_8));
        System.out.println("stderr=" + r.stderr());
    }
}
