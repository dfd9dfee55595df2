package dev.claimcheck.core.suite.swebench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claimcheck.core.RunFailedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The official evaluation images need docker or podman; without one, evaluation is refused with the reason. */
class ContainerEngineTest {
    @TempDir
    Path dir;

    @Test
    void withoutAnEngineOnPathEvaluationIsRefusedWithWhatIsMissingAndTheAlternative() {
        assertThat(ContainerEngine.onPath(dir.toString())).isEmpty();
        assertThatThrownBy(() -> ContainerEngine.require(dir.toString())).isInstanceOf(RunFailedException.class)
                .hasMessageContaining("needs a container engine (docker or podman on PATH)").hasMessageContaining("none was found")
                .hasMessageContaining("swebench import");
    }

    @Test
    void anExecutableDockerOrPodmanOnPathIsFound() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path podman = Files.createFile(bin.resolve("podman"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.createFile(bin.resolve("docker")); // not executable: skipped

        assertThat(ContainerEngine.onPath(dir + ":" + bin)).contains(new ContainerEngine("podman", podman));
    }

    private Path fakeEngine(String name, String script) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path exe = bin.resolve(name);
        Files.writeString(exe, "#!/bin/sh\n" + script + "\n");
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    @Test
    void aDockerCliWithoutADaemonIsRefusedWithWhatItSaid() throws Exception {
        Path bin = fakeEngine("docker", "echo; echo 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock.' >&2; exit 1");

        assertThatThrownBy(() -> ContainerEngine.require(bin.toString())).isInstanceOf(RunFailedException.class)
                .hasMessageContaining("is on PATH but cannot run containers (docker info: Cannot connect to the Docker daemon");
    }

    @Test
    void anEngineThatAnswersInfoIsAccepted() throws Exception {
        Path bin = fakeEngine("podman", "[ \"$1\" = info ] && echo 5.4.0");

        assertThat(ContainerEngine.require(bin.toString()).name()).isEqualTo("podman");
    }

    @Test
    void anInstancesImageNameReplacesTheDoubleUnderscoreAndIsLowerCase() {
        assertThat(ContainerEngine.imageName("django__django-11099"))
                .isEqualTo("swebench/sweb.eval.x86_64.django_1776_django-11099:latest");
        assertThat(ContainerEngine.imageName("sphinx-doc__sphinx-8595"))
                .isEqualTo("swebench/sweb.eval.x86_64.sphinx-doc_1776_sphinx-8595:latest");
    }
}
