package dev.claimcheck.core.grade.code;

import java.util.List;

/**
 * What a program is judged against: its language, its tests in order, and its limits.
 *
 * @param language "python" or "java"
 * @param timeLimitMs CPU time per test (LiveCodeBench: 6 s)
 * @param memoryLimitMb address space per process for Python, heap (-Xmx) for Java
 */
public record CodeSpec(String language, List<CodeTest> tests, long timeLimitMs, int memoryLimitMb) {
    public static final long DEFAULT_TIME_LIMIT_MS = 6_000;
    public static final int DEFAULT_MEMORY_LIMIT_MB = 1_024;
    /** Most tests one program runs. */
    public static final int MAX_TESTS = 1_000;

    public CodeSpec {
        if (!"python".equals(language) && !"java".equals(language)) {
            throw new IllegalArgumentException("language must be python or java, got " + language);
        }
        tests = List.copyOf(tests);
        if (tests.isEmpty() || tests.size() > MAX_TESTS) {
            throw new IllegalArgumentException("need 1 to " + MAX_TESTS + " tests, got " + tests.size());
        }
        if (timeLimitMs < 100 || timeLimitMs > 60_000) {
            throw new IllegalArgumentException("timeLimitMs must be in [100, 60000], got " + timeLimitMs);
        }
        if (memoryLimitMb < 64 || memoryLimitMb > 16_384) {
            throw new IllegalArgumentException("memoryLimitMb must be in [64, 16384], got " + memoryLimitMb);
        }
    }
}
