package dev.claimcheck.site.leaderboard;

import dev.claimcheck.core.model.ClaimMetric;
import dev.claimcheck.core.model.Lane;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.TokenSummary;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.suite.agent.AgentFigures;
import dev.claimcheck.site.claims.Assessment;
import dev.claimcheck.site.cost.RowEconomics;
import dev.claimcheck.site.cost.RunEconomics;
import dev.claimcheck.site.index.ResultsIndex;
import dev.claimcheck.site.index.RunEntry;
import dev.claimcheck.site.index.TrustBadge;
import dev.claimcheck.site.throughput.ThroughputView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Groups scored runs into boards: per workload (enum order), per suite and dataset (sorted), per lane, the
 * latest run of each model, ranked by score with rank bands. Throughput runs have no score and no board
 * ({@link ThroughputView}).
 */
public final class Boards {
    /** The unit of the claim a row carries ({@link ClaimMetric#ACCURACY}'s, like the score). */
    public static final String SCORE_CLAIM_UNIT = "fraction";

    private Boards() {
    }

    /** @param economics each run's cost and speed by run id (SiteModel reads them from the journals) */
    public static List<Board> build(ResultsIndex index, List<Assessment> assessments, Map<String, RunEconomics> economics) {
        // A row's claim is set beside its score, so only an accuracy claim qualifies (not the same run's tokens/s).
        Map<String, Assessment> claims = new TreeMap<>();
        assessments.stream().filter(a -> a.claim().metricKind() == ClaimMetric.ACCURACY)
                .forEach(a -> claims.putIfAbsent(a.key(), a));
        // workload -> "suite\0dataset" -> lane -> slug -> latest run
        Map<Workload, Map<String, Map<Lane, Map<String, RunEntry>>>> tree = new EnumMap<>(Workload.class);
        for (RunEntry r : index.runs()) {
            RunManifest m = r.manifest();
            if (m.workload() == Workload.THROUGHPUT) {
                continue; // no score to rank: ThroughputView groups these by hardware lane instead
            }
            if (m.shard() != null) {
                continue; // one shard's part of an audit is not a score; its merged run is (docs/scale-out.md)
            }
            tree.computeIfAbsent(m.workload(), w -> new TreeMap<>())
                    .computeIfAbsent(m.suite().id() + "\u0000" + r.datasetName(), k -> new EnumMap<>(Lane.class))
                    .computeIfAbsent(m.lane(), l -> new TreeMap<>())
                    .merge(r.modelSlug(), r, (a, b) -> a.runId().compareTo(b.runId()) >= 0 ? a : b);
        }
        List<Board> boards = new ArrayList<>();
        tree.forEach((workload, bySuite) -> bySuite.forEach((key, byLane) -> {
            String[] sd = key.split("\u0000", 2);
            Map<Lane, List<LeaderboardRow>> lanes = new EnumMap<>(Lane.class);
            TreeSet<String> shas = new TreeSet<>();
            byLane.forEach((lane, bySlug) -> {
                List<LeaderboardRow> rows = new ArrayList<>();
                bySlug.values().forEach(r -> {
                    rows.add(row(r, claims, economics.getOrDefault(r.runId(), RunEconomics.NONE)));
                    RunManifest.DatasetRef d = r.manifest().suite().dataset();
                    shas.add(d == null || d.sha256() == null ? "" : d.sha256());
                });
                lanes.put(lane, band(rows));
            });
            String sha = shas.size() == 1 ? shas.first() : shas.size() + " different dataset hashes";
            boards.add(new Board(workload, sd[0], sd[1], sha, lanes));
        }));
        return boards;
    }

    static LeaderboardRow row(RunEntry r, Map<String, Assessment> claims, RunEconomics economics) {
        RunManifest m = r.manifest();
        Metrics x = m.metrics();
        TokenSummary out = x.outputTokens() == null ? TokenSummary.EMPTY : x.outputTokens();
        Assessment a = claims.get(Assessment.key(r.modelSlug(), m.lane().id(), m.workload().id(), m.suite().id(), r.datasetName()));
        RunManifest.HardwareRef h = m.hardware() == null ? RunManifest.HardwareRef.UNKNOWN : m.hardware();
        return new LeaderboardRow(m.workload().id(), m.suite().id(), r.datasetName(), sha(m), m.lane().id(), 0,
                m.model().id(), r.modelSlug(), r.runId(), r.simulated(), r.trust(),
                r.badges().stream().map(TrustBadge::kind).toList(), x.score(), x.ci95Low(), x.ci95High(), x.tasks(),
                x.attempts(), x.graded(), x.errorCount(), x.truncated(), out.mean(), x.scorePer1kOutputTokens(),
                hardware(h), h.source() == null ? "unknown" : h.source(), m.finishedAt(),
                a == null ? null : a.claim().id(), a == null ? null : a.claim().value(), a == null ? null : a.verdict().id(),
                x.get(AgentFigures.PASS_HAT_K), x.get(AgentFigures.BY_FAULT), RowEconomics.of(economics));
    }

    static String sha(RunManifest m) {
        return m.suite().dataset() == null ? null : m.suite().dataset().sha256();
    }

    /** "8×NVIDIA H200" or "unknown". */
    public static String hardware(RunManifest.HardwareRef h) {
        if (h.gpu() == null) {
            return "unknown";
        }
        return (h.gpuCount() == null ? "" : h.gpuCount() + "×") + h.gpu();
    }

    /**
     * Sorts by score (best first, no score last, then model id) and assigns bands: a row joins the current
     * band while its CI overlaps the band leader's CI, else it opens the next band.
     */
    static List<LeaderboardRow> band(List<LeaderboardRow> rows) {
        List<LeaderboardRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing((LeaderboardRow r) -> r.score() == null)
                .thenComparing(r -> r.score() == null ? 0 : -r.score())
                .thenComparing(LeaderboardRow::modelId).thenComparing(LeaderboardRow::runId));
        List<LeaderboardRow> out = new ArrayList<>();
        LeaderboardRow leader = null;
        int band = 0;
        for (LeaderboardRow r : sorted) {
            if (r.score() == null) {
                out.add(r.withBand(0));
                continue;
            }
            if (leader == null || r.hi() < leader.lo()) {
                leader = r;
                band++;
            }
            out.add(r.withBand(band));
        }
        return out;
    }
}
