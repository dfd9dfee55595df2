package dev.claimcheck.core.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.model.LoadPoint;
import dev.claimcheck.core.model.RunManifest.BenchClient;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** run.json harness.client: the JVM a bench measured from and the warm-up it did. */
class BenchClientInfoTest {
    static BenchSpec spec(Integer warmup) {
        return new BenchSpec("m", List.of(new LoadPoint(0, 4, null, null, null, 8, 2, null, null, null)), 40, null, warmup,
                "o200k_base", 0, 1, 0, 5_000_000_000L, Map.of(), null, null);
    }

    @Test
    void theHeapAndCollectorFlagsAreRecordedButNotPropertiesOrAgentsWhichMayCarrySecrets() {
        assertThat(BenchClientInfo.jvmFlags(List.of("-Xms2g", "-Xmx2g", "-XX:+UseZGC", "-Dapi.key=sk-secret",
                "-javaagent:/opt/agent.jar=token=abc", "-ea"))).containsExactly("-Xms2g", "-Xmx2g", "-XX:+UseZGC");
    }

    @Test
    void theClientIsThisJvmWithTheWarmUpItsSpecAsksFor() {
        BenchClient client = BenchClientInfo.of(spec(5), null);
        assertThat(client.java()).isEqualTo(System.getProperty("java.version"));
        assertThat(client.cpus()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(client.jvmFlags()).isEqualTo(BenchClientInfo.jvmFlags(ManagementFactory.getRuntimeMXBean().getInputArguments()));
        assertThat(client.warmup()).startsWith("the first 5 requests of each point sent and not counted")
                .contains("connections opened before each window, 32 at a time: a closed-loop point's concurrency, "
                        + "an open-loop point's rate × expected latency");
        assertThat(client.receiveLag()).as("against an engine: nothing to say").isNull();
        assertThat(BenchClientInfo.of(spec(null), null).warmup()).startsWith("the first 10% of each point's requests");
    }
}
