package dev.claimcheck.core.grade.sandbox;

/**
 * What one execution did.
 *
 * @param exitCode the program's exit status; 128 + n when signal n ended it; -1 when the sandbox killed it
 * @param stdout the first {@link SandboxLimits#maxStdoutBytes()} bytes of standard output
 * @param stderr the first {@link SandboxLimits#maxStderrBytes()} bytes of standard error, decoded leniently
 * @param stdoutOverflow the program wrote more than the cap and was killed for it
 * @param wallTimeout the wall-clock safety net killed it
 * @param wallMs wall time from start to exit, as measured by the host
 */
public record SandboxResult(int exitCode, byte[] stdout, String stderr, boolean stdoutOverflow, boolean wallTimeout,
                            long wallMs) {
    /** Signal number that ended the program (exit status above 128), or 0. */
    public int signal() {
        return exitCode > 128 && exitCode < 128 + 65 ? exitCode - 128 : 0;
    }

    /** RLIMIT_CPU was hit: SIGXCPU at the soft limit or SIGKILL at the hard one. */
    public boolean cpuLimitHit() {
        return signal() == 24 || signal() == 9;
    }
}
