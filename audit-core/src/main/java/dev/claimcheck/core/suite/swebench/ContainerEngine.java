package dev.claimcheck.core.suite.swebench;

import dev.claimcheck.core.RunFailedException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The container engine the official per-instance evaluation images need (docker, or podman with its docker-compatible
 * CLI), found on PATH and answering {@code info} (a docker CLI without a reachable daemon is no engine). Evaluation in
 * those images runs only where one exists; elsewhere it is refused with the reason.
 */
public record ContainerEngine(String name, Path executable) {
    private static final List<String> NAMES = List.of("docker", "podman");
    /** A daemon that answers at all answers {@code info} in well under this. */
    private static final int INFO_TIMEOUT_S = 20;

    /** The first engine on a PATH value ({@code System.getenv("PATH")} in the command). */
    public static Optional<ContainerEngine> onPath(String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String name : NAMES) {
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(new ContainerEngine(name, candidate));
                }
            }
        }
        return Optional.empty();
    }

    /** The engine, or a refusal that says what is missing and what can still be done without it. */
    public static ContainerEngine require(String path) {
        Optional<ContainerEngine> engine = onPath(path);
        Optional<String> missing = engine.isPresent() ? engine.get().unreachable() : Optional.of("none was found");
        if (missing.isPresent()) {
            throw new RunFailedException("SWE-bench evaluation needs a container engine (docker or podman on PATH) to run "
                    + "the official per-instance images (swebench/sweb.eval.x86_64.<instance>:latest); " + missing.get()
                    + ". Import an existing evaluation instead: swebench import --dataset FILE --submission DIR "
                    + "(docs/grading/swebench.md)");
        }
        return engine.get();
    }

    /** Why the engine cannot run containers ({@code info} fails: no daemon, no permission), or empty when it can. */
    Optional<String> unreachable() {
        try {
            Process p = new ProcessBuilder(executable.toString(), "info", "--format", "{{.ServerVersion}}")
                    .redirectErrorStream(true).start();
            p.getOutputStream().close();
            boolean done = p.waitFor(INFO_TIMEOUT_S, TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly();
                return Optional.of(executable + " info did not answer within " + INFO_TIMEOUT_S + " s");
            }
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.exitValue() != 0) {
                String line = output.lines().filter(l -> !l.isBlank()).findFirst().orElse("exit " + p.exitValue());
                return Optional.of(executable + " is on PATH but cannot run containers (" + name + " info: " + line + ")");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(executable + " cannot be started: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(executable + " info was interrupted");
        }
    }

    /** The official evaluation image of an instance: "__" in the id becomes "_1776_", lower-cased. */
    public static String imageName(String instanceId) {
        return ("swebench/sweb.eval.x86_64." + instanceId.replace("__", "_1776_") + ":latest").toLowerCase(java.util.Locale.ROOT);
    }
}
