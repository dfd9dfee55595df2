package dev.claimcheck.site.routing;

import dev.claimcheck.core.model.Lane;
import dev.claimcheck.site.index.ResultsIndex;
import dev.claimcheck.site.index.RunEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which runs of a root the routing pages compare (docs/site.md): runs are grouped by workload, suite and dataset
 * sha256; in each group the default pair is the closest-related instant and thinking runs — one model served in
 * both lanes, else one family (Ling-2.5-1T ↔ Ring-2.5-1T: same organisation, same name after the family word),
 * else the latest of each lane, said to be unrelated — latest first within a relation, real runs before simulated
 * ones, and never a real run with a simulated one. A reader may choose any other instant and thinking run of the
 * group ({@link #chosen}). Whether the two runs hold the same task ids is checked by the analysis itself.
 */
public final class RoutingPairs {
    private RoutingPairs() {
    }

    /** How the two models of a pair are related, closest first. */
    public enum Relation {
        SAME_MODEL("one model, both lanes"), SAME_FAMILY("one model family"), UNRELATED("unrelated models");

        private final String label;

        Relation(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        static Relation of(String instantModel, String thinkingModel) {
            if (instantModel.equalsIgnoreCase(thinkingModel)) {
                return SAME_MODEL;
            }
            return family(instantModel).equals(family(thinkingModel)) ? SAME_FAMILY : UNRELATED;
        }

        /** {@code inclusionAI/Ling-2.5-1T} → {@code inclusionai/2.5-1t}: the organisation and the name after its first word. */
        static String family(String modelId) {
            String id = modelId.toLowerCase(Locale.ROOT);
            int slash = id.lastIndexOf('/');
            String org = slash < 0 ? "" : id.substring(0, slash);
            String name = id.substring(slash + 1);
            int dash = name.indexOf('-');
            return org + "/" + (dash < 0 ? name : name.substring(dash + 1));
        }
    }

    /**
     * One pair: same workload, suite and data, one run per lane.
     *
     * @param instants every instant run of the group a reader may pair instead (same simulated-ness), latest first
     * @param thinkings likewise for the thinking lane
     * @param chosen true when a reader chose the pair rather than the default
     */
    public record Pair(String workload, String suite, String dataset, String datasetSha256, RunEntry instant,
                       RunEntry thinking, Relation relation, List<RunEntry> instants, List<RunEntry> thinkings,
                       boolean chosen) {
        Pair with(RunEntry i, RunEntry t) {
            return new Pair(workload, suite, dataset, datasetSha256, i, t,
                    Relation.of(i.manifest().model().id(), t.manifest().model().id()), instants, thinkings, true);
        }
    }

    /** Every default pair of the index, by workload then suite then dataset hash. */
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
                List<RunEntry> instants = latestFirst(g, Lane.INSTANT, simulated);
                List<RunEntry> thinkings = latestFirst(g, Lane.THINKING, simulated);
                Optional<Pair> best = closest(instants, thinkings);
                if (best.isPresent()) {
                    out.add(best.get());
                    break;
                }
            }
        }
        return out;
    }

    /**
     * The pair of the reader's two runs, when both are in the pair's group (same simulated-ness) in their lanes;
     * empty otherwise (the page then says so and keeps the default).
     */
    public static Optional<Pair> chosen(Pair group, String instantRun, String thinkingRun) {
        Optional<RunEntry> i = group.instants().stream().filter(r -> r.runId().equals(instantRun)).findFirst();
        Optional<RunEntry> t = group.thinkings().stream().filter(r -> r.runId().equals(thinkingRun)).findFirst();
        return i.isPresent() && t.isPresent() ? Optional.of(group.with(i.get(), t.get())) : Optional.empty();
    }

    private static Optional<Pair> closest(List<RunEntry> instants, List<RunEntry> thinkings) {
        Pair best = null;
        for (RunEntry i : instants) {
            for (RunEntry t : thinkings) {
                Relation rel = Relation.of(i.manifest().model().id(), t.manifest().model().id());
                if (best == null || rel.ordinal() < best.relation().ordinal()) {
                    best = new Pair(i.manifest().workload().id(), i.manifest().suite().id(), i.datasetName(),
                            i.manifest().suite().dataset().sha256(), i, t, rel, instants, thinkings, false);
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static List<RunEntry> latestFirst(List<RunEntry> runs, Lane lane, boolean simulated) {
        return runs.stream().filter(r -> r.manifest().lane() == lane && r.simulated() == simulated)
                .sorted(Comparator.comparing(RunEntry::runId).reversed()).toList();
    }
}
