package dev.claimcheck.site.routing;

import dev.claimcheck.core.model.Lane;
import dev.claimcheck.site.index.ResultsIndex;
import dev.claimcheck.site.index.RunEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which runs of a root the routing pages compare (docs/site.md): runs are grouped by workload, suite and dataset
 * sha256; in each group the latest instant run and the latest thinking run form the pair — real runs before
 * simulated ones, and never a real run with a simulated one. Whether the two runs hold the same task ids is
 * checked by the analysis itself (a group whose runs differ shows that error instead of numbers).
 */
public final class RoutingPairs {
    private RoutingPairs() {
    }

    /** One pair: same workload, suite and data, one run per lane. */
    public record Pair(String workload, String suite, String dataset, String datasetSha256, RunEntry instant,
                       RunEntry thinking) {
    }

    /** Every pair of the index, by workload then suite then dataset hash. */
    public static List<Pair> of(ResultsIndex index) {
        Map<String, List<RunEntry>> groups = new TreeMap<>();
        for (RunEntry r : index.runs()) {
            var d = r.manifest().suite().dataset();
            if (d == null || d.sha256() == null || r.manifest().metrics() == null) {
                continue;
            }
            groups.computeIfAbsent(String.join("\u0000", r.manifest().workload().id(), r.manifest().suite().id(), d.sha256()),
                    k -> new ArrayList<>()).add(r);
        }
        List<Pair> out = new ArrayList<>();
        for (List<RunEntry> g : groups.values()) {
            for (boolean simulated : new boolean[] {false, true}) {
                Optional<RunEntry> i = latest(g, Lane.INSTANT, simulated);
                Optional<RunEntry> t = latest(g, Lane.THINKING, simulated);
                if (i.isPresent() && t.isPresent()) {
                    RunEntry a = i.get();
                    out.add(new Pair(a.manifest().workload().id(), a.manifest().suite().id(), a.datasetName(),
                            a.manifest().suite().dataset().sha256(), a, t.get()));
                    break;
                }
            }
        }
        return out;
    }

    private static Optional<RunEntry> latest(List<RunEntry> runs, Lane lane, boolean simulated) {
        return runs.stream().filter(r -> r.manifest().lane() == lane && r.simulated() == simulated)
                .max(Comparator.comparing(RunEntry::runId));
    }
}
