package dev.claimcheck.core.grade.sandbox;

/**
 * The limits of one sandboxed execution. CPU time is the deterministic budget (RLIMIT_CPU); wall time is
 * only a safety net against programs that sleep or block, and a hit is recorded as such.
 *
 * @param cpuMs CPU time of each process, rounded up to whole seconds (RLIMIT_CPU)
 * @param wallMs wall-clock safety net for the whole execution
 * @param addressSpaceBytes RLIMIT_AS of every process, or 0 for none (a JVM needs none and gets -Xmx instead)
 * @param maxProcesses RLIMIT_NPROC of the unprivileged sandbox uid
 * @param maxStdoutBytes stdout kept; more kills the execution (the reader enforces it: pipes ignore RLIMIT_FSIZE)
 * @param maxStderrBytes stderr kept; more is read and dropped
 * @param tmpfsBytes size of the private writable /tmp
 * @param tmpfsInodes files, directories and links the private /tmp may hold (its root counts as one)
 * @param fileSizeBytes RLIMIT_FSIZE: largest file a program may write
 */
public record SandboxLimits(long cpuMs, long wallMs, long addressSpaceBytes, int maxProcesses, int maxStdoutBytes,
                            int maxStderrBytes, long tmpfsBytes, int tmpfsInodes, long fileSizeBytes) {
    /** 6 s CPU (LiveCodeBench's per-test limit), 1 GiB address space, 32 processes, 16 MiB of stdout, 4,096 files in /tmp. */
    public static final SandboxLimits DEFAULT = new SandboxLimits(6_000, 15_000, 1L << 30, 32, 16 << 20, 64 << 10,
            64L << 20, 4_096, 16L << 20);

    public SandboxLimits {
        if (cpuMs < 1 || wallMs < 1 || maxProcesses < 1 || maxStdoutBytes < 1 || maxStderrBytes < 0 || tmpfsBytes < 1
                || tmpfsInodes < 2 || fileSizeBytes < 1 || addressSpaceBytes < 0) {
            throw new IllegalArgumentException("sandbox limits must be positive");
        }
    }

    /** These limits with another CPU budget and a wall-clock net of twice that plus two seconds. */
    public SandboxLimits withCpuMs(long cpu) {
        return new SandboxLimits(cpu, 2 * cpu + 2_000, addressSpaceBytes, maxProcesses, maxStdoutBytes, maxStderrBytes,
                tmpfsBytes, tmpfsInodes, fileSizeBytes);
    }

    /** These limits with another process cap (a JVM's threads count as processes). */
    public SandboxLimits withMaxProcesses(int n) {
        return new SandboxLimits(cpuMs, wallMs, addressSpaceBytes, n, maxStdoutBytes, maxStderrBytes, tmpfsBytes,
                tmpfsInodes, fileSizeBytes);
    }

    /** These limits with another inode cap for the private /tmp. */
    public SandboxLimits withTmpfsInodes(int n) {
        return new SandboxLimits(cpuMs, wallMs, addressSpaceBytes, maxProcesses, maxStdoutBytes, maxStderrBytes, tmpfsBytes,
                n, fileSizeBytes);
    }

    /** These limits with another address-space limit in bytes (0: none). */
    public SandboxLimits withAddressSpace(long bytes) {
        return new SandboxLimits(cpuMs, wallMs, bytes, maxProcesses, maxStdoutBytes, maxStderrBytes, tmpfsBytes,
                tmpfsInodes, fileSizeBytes);
    }
}
