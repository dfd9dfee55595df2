package dev.claimcheck.site.throughput;

import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.site.page.Links;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
    /** The hardware sources audit-core records (provenance.HardwareProbe), each with its text {@code tp.source.ID}. */
    static final Set<String> SOURCES = Set.of("probed", "declared", "unknown");

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

    /** The whole key as one line: what the API's {@code lane} field holds (English, as data). */
    public String title() {
        return title(hardware(), nodes == null ? null : nodes + (nodes == 1 ? " node" : " nodes"), source, engineText(), "simulated");
    }

    /** {@link #title()} in the page's language: what the lane's heading and the run page's lane row say. */
    public String title(Links links) {
        return title(hardware(links), nodes == null ? null : nodes == 1 ? links.text("tp.lane.node", nodes)
                : links.text("tp.lane.nodes", nodes), source(links), engineText(links), links.text("tp.lane.simulated"));
    }

    private String title(String hardware, String nodeCount, String source, String engine, String simulatedWord) {
        StringBuilder s = new StringBuilder(hardware);
        if (nodeCount != null) {
            s.append(" · ").append(nodeCount);
        }
        if (!settings.isEmpty()) {
            s.append(" · ").append(settingsText());
        }
        s.append(" · ").append(source).append(" · ").append(engine);
        return simulated ? s.append(" · ").append(simulatedWord).toString() : s.toString();
    }

    /** {@link #hardware()} in the page's language. */
    public String hardware(Links links) {
        return gpu == null ? links.text("tp.lane.unknownHardware") : hardware();
    }

    /** How the hardware is known ({@code probed}, {@code declared}, {@code unknown}) in the page's language; another value as it is. */
    public String source(Links links) {
        return SOURCES.contains(source) ? links.text("tp.source." + source) : source;
    }

    /** {@link #engineText()} in the page's language. */
    public String engineText(Links links) {
        return engine == null ? links.text("tp.lane.unknownEngine") : engineText();
    }

    @Override
    public int compareTo(ThroughputLaneKey o) {
        // real lanes first, then by the text; the full key breaks ties so that distinct keys never compare equal
        int c = Boolean.compare(simulated, o.simulated);
        c = c != 0 ? c : title().compareTo(o.title());
        return c != 0 ? c : Objects.toString(settings).compareTo(Objects.toString(o.settings));
    }
}
