package dev.claimcheck.core.serving;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.RunFailedException;
import dev.claimcheck.core.endpoint.Secrets;
import dev.claimcheck.core.model.RunManifest.EndpointRef;
import dev.claimcheck.core.provenance.ServerMetrics;
import dev.claimcheck.core.store.Json;
import dev.claimcheck.core.store.RunFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The engine's Prometheus metrics around a bench (docs/throughput.md "Server and hardware capture"): the text
 * before the first point and after the last, stored redacted beside the run, and their key series in run.json.
 */
final class PrometheusSnapshots {
    private PrometheusSnapshots() {
    }

    /** The metrics text, redacted (label values are free text a server may fill with anything), stored as a file. */
    static void take(String serverRoot, Path file, Secrets secrets) {
        String text = secrets.redact(ServerMetrics.fetch(serverRoot));
        if (text != null) {
            try {
                Files.writeString(file, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new RunFailedException("cannot write " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /** The key series of the engine's metrics now (empty when it serves none). */
    static Map<String, Double> summaryNow(String serverRoot) {
        String text = ServerMetrics.fetch(serverRoot);
        return text == null ? Map.of() : ServerMetrics.summary(text);
    }

    /** endpoint.serverInfo gains {@code prometheus.before/after}: the key series of each snapshot. */
    static EndpointRef summarised(EndpointRef e, RunFolder folder) {
        ObjectNode prom = Json.mapper().createObjectNode();
        for (String[] f : new String[][] {{"before", ServingBench.PROMETHEUS_BEFORE}, {"after", ServingBench.PROMETHEUS_AFTER}}) {
            Path file = folder.dir().resolve(f[1]);
            if (Files.isRegularFile(file)) {
                try {
                    prom.set(f[0], Json.mapper().valueToTree(ServerMetrics.summary(Files.readString(file))));
                } catch (IOException ignored) {
                    // the file stays; only its summary is missing
                }
            }
        }
        if (prom.isEmpty()) {
            return e;
        }
        ObjectNode info = e.serverInfo() != null && e.serverInfo().isObject() ? ((ObjectNode) e.serverInfo()).deepCopy()
                : Json.mapper().createObjectNode();
        info.set("prometheus", prom);
        return e.withServerInfo(info);
    }
}
