package dev.claimcheck.core.grade.code;

import dev.claimcheck.core.grade.sandbox.Sandbox;
import dev.claimcheck.core.grade.sandbox.SandboxException;
import dev.claimcheck.core.grade.sandbox.SandboxLimits;
import dev.claimcheck.core.grade.sandbox.SandboxRequest;
import dev.claimcheck.core.grade.sandbox.SandboxResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a program (Python, or Java compiled in-process by {@link JavaBuild}) against a spec's tests in the
 * {@link Sandbox}, one sandboxed process per test, in order, stopping
 * at the first failure and at an overall deadline. Messages name the failing test's index and the exception type
 * only, never test content: hidden tests must not leak into a run's samples.
 */
public final class CodeJudge {
    /** Largest program accepted. */
    public static final int MAX_PROGRAM_BYTES = 1 << 20;
    /** Overall wall-clock deadline of one program, all tests together (a safety net, recorded when hit). */
    public static final long DEADLINE_MS = 120_000;
    static final String PYTHON = "/usr/bin/python3";
    private static final Pattern EXCEPTION = Pattern.compile("^([A-Za-z_][A-Za-z0-9_.]{0,80})(:|$)");
    private static final Pattern JAVA_EXCEPTION = Pattern.compile(
            "(?m)^Exception in thread \"main\" ([A-Za-z_$][A-Za-z0-9_.$]{0,120})(:|$)");
    private static final byte[] CALL_DRIVER = resource("call_driver.py");
    private static volatile String pythonVersion;

    private final Sandbox sandbox;

    public CodeJudge(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    public CodeJudgement judge(String program, CodeSpec spec) {
        int total = spec.tests().size();
        boolean java = "java".equals(spec.language());
        String interpreter = java ? javaBinary() + " (" + Runtime.version() + ")" : PYTHON + " (" + pythonVersion() + ")";
        byte[] source = program.getBytes(StandardCharsets.UTF_8);
        if (source.length > MAX_PROGRAM_BYTES) {
            return new CodeJudgement(CodeVerdict.COMPILE_ERROR, List.of(), total, "program is " + source.length
                    + " bytes, over the " + MAX_PROGRAM_BYTES + "-byte limit", interpreter);
        }
        if (sandbox.unavailableReason() != null) {
            return new CodeJudgement(CodeVerdict.SANDBOX_ERROR, List.of(), total, sandbox.unavailableReason(), interpreter);
        }
        SandboxLimits limits = SandboxLimits.DEFAULT.withCpuMs(spec.timeLimitMs());
        Map<String, byte[]> files;
        List<String> command;
        if (java) {
            if (spec.tests().stream().anyMatch(t -> t.kind() == CodeTest.Kind.CALL)) {
                return new CodeJudgement(CodeVerdict.SANDBOX_ERROR, List.of(), total,
                        "call tests are supported for python only", interpreter);
            }
            JavaBuild.Result build = JavaBuild.compile(program);
            if (build.error() != null) {
                return new CodeJudgement(CodeVerdict.COMPILE_ERROR, List.of(), total, build.error(), interpreter);
            }
            files = build.classes();
            // A JVM reserves far more address space than it uses, so the heap cap (-Xmx) replaces RLIMIT_AS; its
            // threads count as processes.
            limits = limits.withAddressSpace(0).withMaxProcesses(256);
            command = List.of(javaBinary(), "-Xmx" + spec.memoryLimitMb() + "m", "-Xss64m", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-XX:-UseContainerSupport", "-Xshare:auto",
                    "-cp", Sandbox.BOX, build.mainClass());
        } else {
            limits = limits.withAddressSpace((long) spec.memoryLimitMb() << 20);
            files = Map.of("main.py", source);
            command = null;
        }
        long deadline = System.nanoTime() + DEADLINE_MS * 1_000_000;
        List<TestResult> results = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            if (System.nanoTime() > deadline) {
                results.add(new TestResult(false, CodeVerdict.TIME_LIMIT, 0));
                return new CodeJudgement(CodeVerdict.TIME_LIMIT, results, total, "test " + (i + 1)
                        + ": overall deadline of " + DEADLINE_MS + " ms reached", interpreter);
            }
            CodeTest test = spec.tests().get(i);
            SandboxResult r;
            try {
                r = sandbox.run(command != null
                        ? new SandboxRequest(command, files, test.input().getBytes(StandardCharsets.UTF_8), limits)
                        : pythonRequest(test, source, limits));
            } catch (SandboxException e) {
                results.add(new TestResult(false, CodeVerdict.SANDBOX_ERROR, 0));
                return new CodeJudgement(CodeVerdict.SANDBOX_ERROR, results, total, e.getMessage(), interpreter);
            }
            TestResult t = classify(test, r);
            results.add(t);
            if (!t.passed()) {
                return new CodeJudgement(t.verdict(), results, total, "test " + (i + 1) + " of " + total + ": "
                        + why(t.verdict(), r), interpreter);
            }
        }
        return new CodeJudgement(CodeVerdict.ACCEPTED, results, total, "all " + total + " tests passed", interpreter);
    }

    private static SandboxRequest pythonRequest(CodeTest test, byte[] source, SandboxLimits limits) {
        byte[] input = test.input().getBytes(StandardCharsets.UTF_8);
        if (test.kind() == CodeTest.Kind.CALL) {
            return new SandboxRequest(List.of(PYTHON, "-I", "/box/driver.py", test.fn()),
                    Map.of("main.py", source, "driver.py", CALL_DRIVER), input, limits);
        }
        return new SandboxRequest(List.of(PYTHON, "-I", "/box/main.py"), Map.of("main.py", source), input, limits);
    }

    /** The java launcher of the running JDK, symlinks resolved (the sandbox binds that JDK read-only). */
    static String javaBinary() {
        java.nio.file.Path p = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java");
        try {
            return p.toRealPath().toString();
        } catch (IOException e) {
            return p.toString();
        }
    }

    static TestResult classify(CodeTest test, SandboxResult r) {
        CodeVerdict v;
        if (r.wallTimeout() || r.cpuLimitHit()) {
            v = CodeVerdict.TIME_LIMIT;
        } else if (r.stdoutOverflow()) {
            v = CodeVerdict.RUNTIME_ERROR;
        } else if (r.exitCode() != 0) {
            String exception = exceptionType(r.stderr());
            v = "MemoryError".equals(exception) || "java.lang.OutOfMemoryError".equals(exception) ? CodeVerdict.MEMORY_LIMIT
                    : exception != null && exception.matches("SyntaxError|IndentationError|TabError")
                    ? CodeVerdict.COMPILE_ERROR : CodeVerdict.RUNTIME_ERROR;
        } else {
            String out = new String(r.stdout(), StandardCharsets.UTF_8);
            boolean ok = test.kind() == CodeTest.Kind.CALL ? OutputComparator.returnMatches(out, test.output())
                    : OutputComparator.stdoutMatches(out, test.output());
            v = ok ? CodeVerdict.ACCEPTED : CodeVerdict.WRONG_ANSWER;
        }
        return new TestResult(v == CodeVerdict.ACCEPTED, v, r.wallMs());
    }

    private static String why(CodeVerdict v, SandboxResult r) {
        return switch (v) {
            case TIME_LIMIT -> r.wallTimeout() ? "wall-clock net of " + r.wallMs() + " ms hit" : "CPU time limit hit";
            case RUNTIME_ERROR -> r.stdoutOverflow() ? "output over the cap" : "exit " + r.exitCode()
                    + (exceptionType(r.stderr()) == null ? "" : ", " + exceptionType(r.stderr()));
            case MEMORY_LIMIT -> exceptionType(r.stderr());
            case COMPILE_ERROR -> exceptionType(r.stderr());
            case WRONG_ANSWER -> "output differs";
            case ACCEPTED, SANDBOX_ERROR -> v.id();
        };
    }

    /** The exception type of a Python traceback's last line, or null: only the type, never its message. */
    static String exceptionType(String stderr) {
        Matcher java = JAVA_EXCEPTION.matcher(stderr);
        if (java.find()) {
            return java.group(1);
        }
        String[] lines = stderr.strip().split("\n");
        Matcher m = EXCEPTION.matcher(lines[lines.length - 1].strip());
        return m.find() ? m.group(1) : null;
    }

    /** "Python 3.11.2": the system interpreter's version, asked once (it is a trusted binary, not model code). */
    static String pythonVersion() {
        String v = pythonVersion;
        if (v == null) {
            try {
                Process p = new ProcessBuilder(PYTHON, "--version").redirectErrorStream(true).start();
                v = new String(p.getInputStream().readNBytes(200), StandardCharsets.UTF_8).strip();
                p.waitFor();
            } catch (IOException e) {
                v = "unknown: " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                v = "unknown";
            }
            pythonVersion = v;
        }
        return v;
    }

    private static byte[] resource(String name) {
        try (InputStream in = CodeJudge.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
