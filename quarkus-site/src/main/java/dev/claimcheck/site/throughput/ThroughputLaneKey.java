package dev.claimcheck.site.throughput;

import dev.claimcheck.core.model.RunManifest;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What makes two throughput runs comparable (docs/site.md, "Throughput lanes"): the same GPUs (model × count), node
 * count, hardware source (probed, declared, unknown), every {@code hardware.settings} entry (tp, pp, dp, dtype, image,
 * commit, …), the same engine and engine version, and both real or both simulated. Runs differing in any of these are
 * in different lanes; their numbers are never ranked against each other.
 */
public record ThroughputLaneKey(String gpu, Integer gpuCount, Integer nodes, String source, Map<String, String> settings,
                                String engine, String engineVersion, boolean simulated) implements Comparable<ThroughputLaneKey> {
    public ThroughputLaneKey {
        settings = settings == null ? Map.of() : Map.copyOf(new TreeMap<>(settings));
    }

    public static ThroughputLaneKey of(RunManifest m) {
        RunManifest.HardwareRef h = m.hardware() == null ? RunManifest.HardwareRef.UNKNOWN : m.hardware();
        RunManifest.EndpointRef e = m.endpoint();
        return new ThroughputLaneKey(h.gpu(), h.gpuCount(), h.nodes(), h.source() == null ? "unknown" : h.source(),
                h.settings(), e == null ? null : e.engine(), e == null ? null : e.engineVersion(), m.simulated());
    }

    /** "8×NVIDIA H200" or "unknown hardware". */
    public String hardware() {
        return gpu == null ? "unknown hardware" : (gpuCount == null ? "" : gpuCount + "×") + gpu;
    }

    /** "tp=8 · dtype=fp8" in key order, or empty. */
    public String settingsText() {
        return new TreeMap<>(settings).entrySet().stream().map(x -> x.getKey() + "=" + x.getValue())
                .collect(Collectors.joining(" · "));
    }

    /** "vllm 0.8.1" or "unknown engine". */
    public String engineText() {
        return engine == null ? "unknown engine" : engineVersion == null ? engine : engine + " " + engineVersion;
    }

    /** The whole key as one line: what the lane's heading says and what the API's {@code lane} field holds. */
    public String title() {
        StringBuilder s = new StringBuilder(hardware());
        if (nodes != null) {
            s.append(" · ").append(nodes).append(nodes == 1 ? " node" : " nodes");
        }
        if (!settings.isEmpty()) {
            s.append(" · ").append(settingsText());
        }
        s.append(" · ").append(source).append(" · ").append(engineText());
        return simulated ? s.append(" · simulated").toString() : s.toString();
    }

    @Override
    public int compareTo(ThroughputLaneKey o) {
        // real lanes first, then by the text; the full key breaks ties so that distinct keys never compare equal
        int c = Boolean.compare(simulated, o.simulated);
        c = c != 0 ? c : title().compareTo(o.title());
        return c != 0 ? c : Objects.toString(settings).compareTo(Objects.toString(o.settings));
    }
}
