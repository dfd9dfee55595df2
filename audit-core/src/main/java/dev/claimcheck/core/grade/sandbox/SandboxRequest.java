package dev.claimcheck.core.grade.sandbox;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One execution: the command (paths as the sandbox sees them), the files placed read-only under
 * {@link Sandbox#BOX} and the bytes fed to stdin.
 *
 * @param command argv inside the sandbox, e.g. {@code /usr/bin/python3 -I /box/main.py}
 * @param files file name to content, placed read-only in {@code /box}; names are plain (no '/')
 * @param stdin fed to the program's standard input, then closed
 * @param workdir a host directory bound read-write at {@link Sandbox#TESTBED} (an agent's working copy, kept between
 *                executions), or null for none; everything in it must be writable by any uid, since the sandbox's
 *                uid differs per execution
 */
public record SandboxRequest(List<String> command, Map<String, byte[]> files, byte[] stdin, SandboxLimits limits,
                             Path workdir) {
    public SandboxRequest {
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        files = Map.copyOf(files);
        for (String name : files.keySet()) {
            if (!name.matches("[A-Za-z0-9_$][A-Za-z0-9_.$-]{0,127}")) {
                throw new IllegalArgumentException("bad sandbox file name: " + name);
            }
        }
        stdin = stdin == null ? new byte[0] : stdin;
        Objects.requireNonNull(limits, "limits");
    }

    /** An execution with no working copy: only /box (read-only) and the private /tmp. */
    public SandboxRequest(List<String> command, Map<String, byte[]> files, byte[] stdin, SandboxLimits limits) {
        this(command, files, stdin, limits, null);
    }
}
