package dev.claimcheck.site.leaderboard;

import dev.claimcheck.core.model.Workload;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Workloads the leaderboard shows side by side (issue #19): our agent workload, whose fault injection no public
 * benchmark has, next to the public agent and tool benchmarks, so a model's recovery under faults is read beside what
 * vendors report. A site-side order: {@link Workload}'s order is the one run.json and the API keep.
 */
public enum WorkloadFamily {
    AGENT("family.agent", List.of(Workload.AGENT, Workload.BFCL, Workload.TAU2, Workload.SEARCH, Workload.SWEBENCH));

    private final String label;
    private final List<Workload> members;

    WorkloadFamily(String label, List<Workload> members) {
        this.label = label;
        this.members = members;
    }

    /** The message key of the line that links the family's sections. */
    public String label() {
        return label;
    }

    public List<Workload> members() {
        return members;
    }

    public static Optional<WorkloadFamily> of(Workload w) {
        for (WorkloadFamily f : values()) {
            if (f.members.contains(w)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * The workloads present in section order: {@link Workload} order, except that a family's members follow one another
     * in the family's order, at the place of the first of them present.
     */
    public static List<Workload> order(Collection<Workload> present) {
        List<Workload> out = new ArrayList<>();
        for (Workload w : Workload.values()) {
            if (!present.contains(w) || out.contains(w)) {
                continue;
            }
            Optional<WorkloadFamily> f = of(w);
            if (f.isEmpty()) {
                out.add(w);
            } else {
                f.get().members.stream().filter(present::contains).forEach(out::add);
            }
        }
        return out;
    }
}
