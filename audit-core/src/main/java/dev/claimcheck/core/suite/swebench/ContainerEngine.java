package dev.claimcheck.core.suite.swebench;

import dev.claimcheck.core.RunFailedException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The container engine the official per-instance evaluation images need (docker, or podman with its docker-compatible
 * CLI), found on PATH. Evaluation in those images runs only where one exists; elsewhere it is refused with the reason.
 */
public record ContainerEngine(String name, Path executable) {
    private static final List<String> NAMES = List.of("docker", "podman");

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
        return onPath(path).orElseThrow(() -> new RunFailedException(
                "SWE-bench evaluation needs a container engine (docker or podman on PATH) to run the official "
                        + "per-instance images (swebench/sweb.eval.x86_64.<instance>:latest); none was found. "
                        + "Import an existing evaluation instead: swebench import --dataset FILE --submission DIR "
                        + "(docs/grading/swebench.md)"));
    }

    /** The official evaluation image of an instance: "__" in the id becomes "_1776_", lower-cased. */
    public static String imageName(String instanceId) {
        return ("swebench/sweb.eval.x86_64." + instanceId.replace("__", "_1776_") + ":latest").toLowerCase(java.util.Locale.ROOT);
    }
}
