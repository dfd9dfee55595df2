package dev.claimcheck.site.leaderboard;

import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.suite.SuiteRegistry;
import dev.claimcheck.site.index.RunEntry;
import dev.claimcheck.site.page.Fmt;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The filter form of the leaderboard and the boards' pages. Each control lists the choices present in the root and is
 * left out when there is only one (a filter with one choice filters nothing). On the server the form is a plain GET
 * form (the server filters; no script needed); in the static export there is no server, so the form is hidden until
 * the script shows it and filters the page's rows itself ({@code clientSide}).
 *
 * @param workloads,lanes,runs,hardware the choices (value and label; {@code runs}: real, simulated) — empty when fewer
 *        than two
 * @param trust whether both verified (✓) and other runs are present, so "✓ only" would change something
 * @param dates whether runs finished on more than one day
 * @param action the page the form submits to (itself)
 */
public record FilterForm(Filter filter, boolean clientSide, String action, boolean models, List<Choice> workloads,
                         List<Choice> lanes, List<Choice> runs, boolean trust, List<Choice> hardware, boolean dates) {

    public record Choice(String value, String label, boolean selected) {
    }

    /** The form for rows (scored runs) and other runs (throughput), choices from all of them, not the filtered ones. */
    public static FilterForm of(Filter f, boolean clientSide, String action, boolean withWorkload,
                                List<LeaderboardRow> rows, List<RunEntry> others) {
        TreeSet<String> models = new TreeSet<>();
        TreeSet<String> workloads = new TreeSet<>();
        TreeSet<String> lanes = new TreeSet<>();
        TreeSet<String> kinds = new TreeSet<>();
        TreeSet<String> trusts = new TreeSet<>();
        TreeSet<String> hardware = new TreeSet<>();
        TreeSet<String> days = new TreeSet<>();
        for (LeaderboardRow r : rows) {
            models.add(r.modelId());
            workloads.add(r.workload());
            lanes.add(r.lane());
            kinds.add(r.simulated() ? "simulated" : "real");
            trusts.add("verified".equals(r.trust()) ? "verified" : "other");
            hardware.add(r.hardware());
            days.add(Fmt.date(r.finishedAt()));
        }
        for (RunEntry r : others) {
            models.add(r.manifest().model().id());
            workloads.add(r.manifest().workload().id());
            kinds.add(r.simulated() ? "simulated" : "real");
            trusts.add("verified".equals(r.trust()) ? "verified" : "other");
            days.add(Fmt.date(r.manifest().finishedAt()));
        }
        List<Choice> w = new ArrayList<>();
        if (withWorkload && workloads.size() > 1) {
            for (Workload x : Workload.values()) {
                if (workloads.contains(x.id())) {
                    w.add(new Choice(x.id(), SuiteRegistry.figures(x).title(), x.id().equals(f.workload())));
                }
            }
        }
        return new FilterForm(f, clientSide, action, models.size() > 1, w, choices(lanes, f.lane()),
                choices(kinds, f.runs()), trusts.size() > 1, choices(hardware, f.hardware()), days.size() > 1);
    }

    static List<Choice> choices(TreeSet<String> values, String selected) {
        return values.size() < 2 ? List.of() : values.stream().map(v -> new Choice(v, v, v.equals(selected))).toList();
    }

    /** Whether the form has any control to show. */
    public boolean any() {
        return models || !workloads.isEmpty() || !lanes.isEmpty() || !runs.isEmpty() || trust || !hardware.isEmpty() || dates;
    }
}
