package dev.claimcheck.core.provenance;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.model.RunManifest.HardwareRef;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * What hardware served a bench: probed with {@code nvidia-smi} when the server is on this machine, else declared
 * with {@code --hardware "8xH200,tp=8,dtype=fp8,..."}, else unknown. A probe never guesses: no nvidia-smi, a remote
 * server or an unreadable answer leaves it to the declaration.
 */
public final class HardwareProbe {
    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,31}");
    private static final Pattern GPUS = Pattern.compile("(?:(\\d{1,4})\\s*[xX×]\\s*)?([A-Za-z0-9][A-Za-z0-9 ._-]{0,63})");

    private HardwareProbe() {
    }

    /** Parses {@code --hardware}: {@code [N x]GPU} then {@code key=value} settings; {@code nodes} goes to its own field. */
    public static HardwareRef declared(String spec) {
        String[] parts = spec.split(",");
        var m = GPUS.matcher(parts[0].trim());
        if (parts[0].contains("=") || !m.matches()) {
            throw new BadInputException("--hardware must start with the GPUs, e.g. 8xH200,tp=8,dtype=fp8; got '" + spec + "'");
        }
        int count = m.group(1) == null ? 1 : Integer.parseInt(m.group(1));
        Map<String, String> settings = new LinkedHashMap<>();
        Integer nodes = null;
        String driver = null;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            int eq = p.indexOf('=');
            if (eq <= 0 || !KEY.matcher(p.substring(0, eq)).matches() || p.length() - eq - 1 > 200) {
                throw new BadInputException("--hardware setting '" + p + "' is not key=value");
            }
            String k = p.substring(0, eq);
            String v = p.substring(eq + 1).trim();
            if (k.equals("nodes")) {
                try {
                    nodes = Integer.parseInt(v);
                } catch (NumberFormatException e) {
                    throw new BadInputException("--hardware nodes must be an integer, got '" + v + "'");
                }
            } else if (k.equals("driver")) {
                driver = v;
            } else {
                settings.put(k, v);
            }
        }
        return new HardwareRef(m.group(2).trim(), count, nodes, driver, "declared", settings);
    }

    /**
     * The hardware record of a bench: probed when the server is local and {@code nvidiaSmi} answers (declared settings
     * are kept beside the probed GPUs), else the declaration, else unknown.
     *
     * @param nvidiaSmi the nvidia-smi executable, or null when none is on the PATH
     */
    public static HardwareRef of(String baseUrl, String declaredSpec, Path nvidiaSmi) {
        HardwareRef declared = declaredSpec == null ? null : declared(declaredSpec);
        if (nvidiaSmi != null && isLocal(baseUrl)) {
            HardwareRef probed = probe(nvidiaSmi);
            if (probed != null) {
                Map<String, String> settings = new LinkedHashMap<>(probed.settings() == null ? Map.of() : probed.settings());
                if (declared != null && declared.settings() != null) {
                    settings.putAll(declared.settings());
                }
                return new HardwareRef(probed.gpu(), probed.gpuCount(), declared == null ? null : declared.nodes(),
                        probed.driver(), "probed", settings);
            }
        }
        return declared != null ? declared : HardwareRef.UNKNOWN;
    }

    /** nvidia-smi on the PATH, or null. */
    public static Path findNvidiaSmi() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "nvidia-smi");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    static boolean isLocal(String baseUrl) {
        try {
            String host = URI.create(baseUrl).getHost();
            if (host == null) {
                return false;
            }
            InetAddress a = InetAddress.getByName(host);
            return a.isLoopbackAddress() || a.isAnyLocalAddress();
        } catch (IllegalArgumentException | UnknownHostException e) {
            return false;
        }
    }

    /** {@code nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv}, or null when it fails. */
    static HardwareRef probe(Path nvidiaSmi) {
        try {
            Process p = new ProcessBuilder(nvidiaSmi.toString(), "--query-gpu=name,memory.total,driver_version",
                    "--format=csv,noheader").redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readNBytes(64 * 1024);
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return null;
            }
            List<String[]> rows = new ArrayList<>();
            for (String line : new String(out, StandardCharsets.UTF_8).split("\n")) {
                String[] cols = line.split(",");
                if (cols.length == 3 && !cols[0].isBlank()) {
                    rows.add(new String[] {cols[0].trim(), cols[1].trim(), cols[2].trim()});
                }
            }
            if (rows.isEmpty()) {
                return null;
            }
            String[] first = rows.get(0);
            boolean same = rows.stream().allMatch(r -> r[0].equals(first[0]));
            return new HardwareRef(same ? first[0] : String.join(" + ", rows.stream().map(r -> r[0]).toList()), rows.size(),
                    null, first[2], "probed", Map.of("memoryTotal", first[1]));
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
