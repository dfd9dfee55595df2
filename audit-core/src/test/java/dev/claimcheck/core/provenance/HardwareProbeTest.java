package dev.claimcheck.core.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.model.RunManifest.HardwareRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HardwareProbeTest {
    @Test
    void aDeclarationNamesTheGpusThenItsSettings() {
        HardwareRef h = HardwareProbe.declared("8xH200,tp=8,pp=1,dtype=fp8,image=vllm/vllm-openai:v0.11.0,nodes=2,driver=570.86");
        assertThat(h.gpu()).isEqualTo("H200");
        assertThat(h.gpuCount()).isEqualTo(8);
        assertThat(h.nodes()).isEqualTo(2);
        assertThat(h.driver()).isEqualTo("570.86");
        assertThat(h.source()).isEqualTo("declared");
        assertThat(h.settings()).isEqualTo(Map.of("tp", "8", "pp", "1", "dtype", "fp8", "image", "vllm/vllm-openai:v0.11.0"));
        assertThat(HardwareProbe.declared("MI300X").gpuCount()).isEqualTo(1);
        assertThat(HardwareProbe.declared("MI300X").settings()).isNull();
    }

    @Test
    void aDeclarationWithoutGpusOrWithABadSettingIsBadInput() {
        assertThatThrownBy(() -> HardwareProbe.declared("tp=8")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("must start with the GPUs");
        assertThatThrownBy(() -> HardwareProbe.declared("8xH200,tp")).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> HardwareProbe.declared("8xH200,nodes=two")).isInstanceOf(BadInputException.class);
    }

    @Test
    void onlyALocalServerIsProbedAndAFailingProbeFallsBackToTheDeclaration(@TempDir Path dir) throws Exception {
        Path smi = dir.resolve("nvidia-smi");
        Files.writeString(smi, "#!/bin/sh\necho 'NVIDIA H100 80GB HBM3, 81559 MiB, 550.54.15'\n");
        Files.setPosixFilePermissions(smi, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path broken = dir.resolve("broken-smi");
        Files.writeString(broken, "#!/bin/sh\necho 'NVIDIA-SMI has failed' >&2\nexit 9\n");
        Files.setPosixFilePermissions(broken, PosixFilePermissions.fromString("rwxr-xr-x"));

        HardwareRef local = HardwareProbe.of("http://localhost:8000/v1", "1xH100,tp=1", smi);
        assertThat(local.source()).isEqualTo("probed");
        assertThat(local.gpu()).isEqualTo("NVIDIA H100 80GB HBM3");
        assertThat(local.settings()).containsEntry("memoryTotal", "81559 MiB").containsEntry("tp", "1");

        assertThat(HardwareProbe.of("http://gpu-box.example.invalid:8000/v1", "1xH100", smi).source()).isEqualTo("declared");
        assertThat(HardwareProbe.of("http://127.0.0.1:8000/v1", "1xH100", broken).source()).isEqualTo("declared");
        assertThat(HardwareProbe.of("http://127.0.0.1:8000/v1", null, broken)).isEqualTo(HardwareRef.UNKNOWN);
        assertThat(HardwareProbe.of("http://127.0.0.1:8000/v1", null, null)).isEqualTo(HardwareRef.UNKNOWN);
    }
}
