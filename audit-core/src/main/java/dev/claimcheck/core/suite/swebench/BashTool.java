package dev.claimcheck.core.suite.swebench;

import dev.claimcheck.core.RunFailedException;
import dev.claimcheck.core.grade.sandbox.Sandbox;
import dev.claimcheck.core.grade.sandbox.SandboxException;
import dev.claimcheck.core.grade.sandbox.SandboxLimits;
import dev.claimcheck.core.grade.sandbox.SandboxRequest;
import dev.claimcheck.core.grade.sandbox.SandboxResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The agent's one tool: a bash command run in the sandbox with the working copy at {@code /testbed} as its directory
 * (no network, an emptied environment, HOME a private /tmp, CPU, wall-time, process and file-size limits), stdout and
 * stderr together, the way mini-swe-agent runs each action in a fresh subprocess. What the model sees is cut to
 * {@code maxOutputChars} (head and tail kept, a marker between).
 */
public final class BashTool {
    /** The tool as offered (OpenAI tools schema). */
    public static final String NAME = "bash";
    static final String DESCRIPTION = "Run one bash command in the repository (the current directory, /testbed). Each "
            + "command runs in a fresh shell: cd and variables do not persist. There is no network.";
    /** Output a command may write before it is killed; what the model sees is cut much shorter. */
    static final int STDOUT_CAP = 4 << 20;

    private final Sandbox sandbox;
    private final SandboxLimits limits;
    private final int maxOutputChars;

    public BashTool(Sandbox sandbox, long timeoutMs, int maxOutputChars) {
        this.sandbox = sandbox;
        this.limits = new SandboxLimits(timeoutMs, timeoutMs, 2L << 30, 128, STDOUT_CAP, 0, 256L << 20, 16_384, 256L << 20);
        this.maxOutputChars = maxOutputChars;
    }

    /** One command's result as recorded: exit code (-1 when killed), the output as the model saw it, and why it was cut. */
    public record Observation(int exitCode, String output, boolean truncated, boolean timedOut) {
        /** The tool message the model gets. */
        public String toMessage() {
            return "<returncode>" + exitCode + "</returncode>\n<output>\n" + output + "</output>";
        }
    }

    public Observation run(Path workdir, String command) {
        SandboxRequest request = new SandboxRequest(List.of("/bin/bash", "-c", "cd " + Sandbox.TESTBED
                + " && exec /bin/bash " + Sandbox.BOX + "/command.sh 2>&1"),
                Map.of("command.sh", command.getBytes(StandardCharsets.UTF_8)), null, limits, workdir);
        SandboxResult r;
        try {
            r = sandbox.run(request);
        } catch (SandboxException e) {
            throw new RunFailedException("bash tool: " + e.getMessage(), e);
        }
        String output = new String(r.stdout(), StandardCharsets.UTF_8);
        boolean timedOut = r.wallTimeout() || r.cpuLimitHit();
        if (timedOut) {
            output += "\n[the command was killed: it ran past its " + limits.wallMs() / 1000 + " s limit]\n";
        } else if (r.stdoutOverflow()) {
            output += "\n[the command was killed: it wrote more than " + STDOUT_CAP + " bytes]\n";
        }
        String shown = cut(output, maxOutputChars);
        return new Observation(r.exitCode(), shown, shown.length() != output.length() || r.stdoutOverflow(), timedOut);
    }

    /**
     * The model's change: {@code git diff} of everything in the copy (new files included) against the copy's base
     * commit, run in the sandbox like the commands, since the model controls the copy's .git; empty when the diff
     * cannot be taken (the model removed .git) or is larger than {@link #STDOUT_CAP}.
     */
    public String diff(WorkingCopy copy) {
        String git = "git -c safe.directory='*' -c core.hooksPath=/dev/null -c core.fsmonitor=false -c diff.external=";
        String script = git + " add -A >/dev/null 2>&1 && " + git + " diff --cached --no-color --no-ext-diff --binary "
                + copy.baseRevision() + " 2>/dev/null";
        SandboxRequest request = new SandboxRequest(List.of("/bin/bash", "-c", "cd " + Sandbox.TESTBED + " && exec /bin/bash "
                + Sandbox.BOX + "/diff.sh"), Map.of("diff.sh", script.getBytes(StandardCharsets.UTF_8)), null, limits, copy.dir());
        try {
            SandboxResult r = sandbox.run(request);
            return r.exitCode() == 0 && !r.stdoutOverflow() ? new String(r.stdout(), StandardCharsets.UTF_8) : "";
        } catch (SandboxException e) {
            throw new RunFailedException("bash tool: " + e.getMessage(), e);
        }
    }

    /** At most {@code max} characters of {@code text}: its head and tail, with a marker saying how much is left out. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int head = max / 2;
        int tail = max - head;
        return text.substring(0, head) + "\n[… " + (text.length() - max) + " characters elided: the output was too long;"
                + " narrow the command (head, tail, grep) …]\n" + text.substring(text.length() - tail);
    }
}
