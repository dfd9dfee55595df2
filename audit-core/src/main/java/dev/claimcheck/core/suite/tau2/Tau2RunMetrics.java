package dev.claimcheck.core.suite.tau2;

import dev.claimcheck.core.grade.tau2.Tau2Detail;
import dev.claimcheck.core.grade.tau2.Termination;
import dev.claimcheck.core.model.Estimate;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.stats.ClusteredMean;
import dev.claimcheck.core.stats.ScoreInterval;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** {@link Tau2Metrics} from a run's samples, read from each verdict's {@link Tau2Detail}; null without one. */
final class Tau2RunMetrics {
    static final int LISTED_MISMATCHES = 20;

    private Tau2RunMetrics() {
    }

    static Tau2Metrics of(Collection<Sample> samples) {
        // Sorted by task id and trial so the figures do not depend on journal order.
        Map<String, TreeMap<Integer, Tau2Detail>> byTask = new TreeMap<>();
        int k = 0;
        for (Sample s : samples) {
            k = Math.max(k, s.attempt() + 1);
            if (s.graded()) {
                Tau2Detail.parse(s.verdict().detail()).filter(d -> d.termination() != null)
                        .ifPresent(d -> byTask.computeIfAbsent(s.taskId(), id -> new TreeMap<>()).put(s.attempt(), d));
            }
        }
        List<Tau2Detail> everyTrial = byTask.values().stream().flatMap(m -> m.values().stream()).toList();
        if (everyTrial.isEmpty()) {
            return null;
        }
        int notScorable = (int) everyTrial.stream().filter(d -> d.notScorable() != null).count();
        // A trial that cannot be scored here counts in no figure but its own.
        byTask.values().forEach(m -> m.values().removeIf(d -> d.notScorable() != null));
        byTask.values().removeIf(Map::isEmpty);
        List<Tau2Detail> all = byTask.values().stream().flatMap(m -> m.values().stream()).toList();
        List<Tau2Metrics.PassHatK> passHatK = new ArrayList<>();
        for (int j = 1; j <= k; j++) {
            Estimate derived = passHatK(byTask, j, d -> Tau2Detail.success(d.derivedReward()));
            Estimate claimed = passHatK(byTask, j, d -> Tau2Detail.success(d.claimedReward()));
            if (derived != null) {
                passHatK.add(new Tau2Metrics.PassHatK(j, derived, claimed));
            }
        }
        List<String> mismatches = new ArrayList<>();
        int mismatchCount = 0;
        Map<String, Integer> terminations = new TreeMap<>();
        Map<String, Integer> bySide = new TreeMap<>();
        for (var task : byTask.entrySet()) {
            for (var trial : task.getValue().entrySet()) {
                Tau2Detail d = trial.getValue();
                terminations.merge(d.termination(), 1, Integer::sum);
                bySide.merge(d.side(), 1, Integer::sum);
                if (!d.rewardAgrees()) {
                    mismatchCount++;
                    if (mismatches.size() < LISTED_MISMATCHES) {
                        mismatches.add(String.format(Locale.ROOT, "%s#%d: claimed %s, re-derived %s%s", task.getKey(), trial.getKey(),
                                d.claimedReward(), d.derivedReward(), d.disagreements().isEmpty() ? "" : " (" + d.disagreements().get(0) + ")"));
                    }
                }
            }
        }
        Tau2Detail.Origin origin = everyTrial.stream().map(Tau2Detail::origin).filter(o -> o != null).findFirst().orElse(null);
        String source = origin != null && "native".equals(origin.source()) ? "native" : "imported";
        // A native run has no file: every trial it ran is "in the file".
        int trialsInFile = source.equals("native") ? all.size() : byTask.values().stream().mapToInt(m -> m.values().stream().map(Tau2Detail::origin)
                .filter(o -> o != null).mapToInt(Tau2Detail.Origin::trialsInFile).max().orElse(m.size())).sum();
        List<String> changed = byTask.entrySet().stream().filter(e -> e.getValue().values().stream()
                .anyMatch(d -> d.origin() != null && d.origin().taskCopyChanged())).map(Map.Entry::getKey).toList();
        String userSide = Termination.Side.USER_SIMULATOR.name().toLowerCase(Locale.ROOT);
        String agentSide = Termination.Side.AGENT.name().toLowerCase(Locale.ROOT);
        return new Tau2Metrics(origin == null ? null : origin.domain(), source, origin == null ? null : origin.file(), origin == null ? null : origin.sha256(),
                origin == null ? null : origin.agentModel(), origin == null ? null : origin.userModel(), all.size(), trialsInFile,
                passHatK, mismatchCount, mismatches, (int) all.stream().filter(d -> !d.disagreements().isEmpty()).count(),
                terminations, bySide, bySide.getOrDefault(userSide, 0), bySide.getOrDefault(agentSide, 0),
                (int) all.stream().filter(d -> !d.evaluable()).count(),
                rate(byTask, d -> d.evaluable() && !userSide.equals(d.side())), changed, notScorable,
                tokens(everyTrial.stream().map(Tau2Detail::userSimulatorTokens).toList()), judge(everyTrial),
                origin == null ? null : origin.notRun());
    }

    /** Summed over the trials that record them; null when none does. */
    static Tau2Detail.Tokens tokens(List<Tau2Detail.Tokens> perTrial) {
        List<Tau2Detail.Tokens> known = perTrial.stream().filter(t -> t != null).toList();
        return known.isEmpty() ? null : new Tau2Detail.Tokens(known.stream().mapToLong(Tau2Detail.Tokens::prompt).sum(),
                known.stream().mapToLong(Tau2Detail.Tokens::completion).sum(), known.stream().mapToInt(Tau2Detail.Tokens::requests).sum());
    }

    private static Tau2Metrics.NlJudge judge(List<Tau2Detail> trials) {
        List<Tau2Detail.NlJudged> asked = trials.stream().map(Tau2Detail::nlJudge).filter(j -> j != null).toList();
        if (asked.isEmpty()) {
            return null;
        }
        return new Tau2Metrics.NlJudge(asked.get(0).judge(), asked.size(), count(asked, "graded"), count(asked, "parseFailure"),
                count(asked, "error"), tokens(asked.stream().map(Tau2Detail.NlJudged::tokens).toList()));
    }

    private static int count(List<Tau2Detail.NlJudged> asked, String status) {
        return (int) asked.stream().filter(j -> status.equals(j.status())).count();
    }

    /** Mean over tasks with at least j evaluable trials of C(c,j)/C(n,j); null when no task has j. */
    static Estimate passHatK(Map<String, TreeMap<Integer, Tau2Detail>> byTask, int j, Predicate<Tau2Detail> success) {
        List<double[]> perTask = new ArrayList<>();
        for (TreeMap<Integer, Tau2Detail> trials : byTask.values()) {
            List<Tau2Detail> evaluable = trials.values().stream().filter(Tau2Detail::evaluable).toList();
            if (evaluable.size() >= j) {
                int c = (int) evaluable.stream().filter(success).count();
                perTask.add(new double[] {allSucceed(evaluable.size(), c, j)});
            }
        }
        return perTask.isEmpty() ? null : estimate(ClusteredMean.of(perTask));
    }

    /** Re-derived success over the selected trials, clustered by task; null when none is selected. */
    private static Estimate rate(Map<String, TreeMap<Integer, Tau2Detail>> byTask, Predicate<Tau2Detail> selected) {
        List<double[]> clusters = new ArrayList<>();
        for (TreeMap<Integer, Tau2Detail> trials : byTask.values()) {
            double[] v = trials.values().stream().filter(selected).mapToDouble(d -> Tau2Detail.success(d.derivedReward()) ? 1 : 0).toArray();
            if (v.length > 0) {
                clusters.add(v);
            }
        }
        return clusters.isEmpty() ? null : estimate(ClusteredMean.of(clusters));
    }

    /** C(c, j) / C(n, j): the chance that j of n trials drawn without replacement are all among the c successes. */
    static double allSucceed(int n, int c, int j) {
        double p = 1.0;
        for (int i = 0; i < j; i++) {
            p *= (double) (c - i) / (n - i);
        }
        return Math.max(0, p);
    }

    private static Estimate estimate(ScoreInterval i) {
        return new Estimate(i.estimate(), i.low(), i.high(), i.clusters());
    }
}
