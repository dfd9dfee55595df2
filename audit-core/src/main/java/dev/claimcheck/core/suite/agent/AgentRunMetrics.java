package dev.claimcheck.core.suite.agent;

import dev.claimcheck.core.model.AgentDetail;
import dev.claimcheck.core.model.Estimate;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.stats.ClusteredMean;
import dev.claimcheck.core.stats.ScoreInterval;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * The agent workload's figures from a run's samples, read from each verdict's {@link AgentDetail}: pass^k, success
 * and recovery per fault, policy violations, steps and tokens per success; called by the workload's {@link Figures} (its suite package). Every
 * interval is the clustered (by task) t interval of {@link ClusteredMean}. Definitions: docs/workloads/agent.md.
 */
public final class AgentRunMetrics {
    /** The three places agent figures go in run.json: {@code metrics.agent}, {@code metrics.passHatK}, {@code metrics.byFault}. */
    public record Result(AgentMetrics agent, List<PassHatK> passHatK, Map<String, FaultMetrics> byFault) {
    }

    /** One graded attempt as the metrics see it. */
    private record Attempt(Sample sample, AgentDetail detail) {
        boolean success() {
            return sample.verdict().correct();
        }
    }

    private AgentRunMetrics() {
    }

    public static Result of(Collection<Sample> samples) {
        // Sorted by task id so the figures do not depend on journal order.
        Map<String, List<Attempt>> byTask = new TreeMap<>();
        int k = 0;
        for (Sample s : samples) {
            k = Math.max(k, s.attempt() + 1);
            if (s.graded()) {
                AgentDetail d = AgentDetail.parse(s.verdict().detail())
                        .orElse(new AgentDetail("unknown", null, false, false, 0, 0, 0, 0, 0, null));
                byTask.computeIfAbsent(s.taskId(), id -> new ArrayList<>()).add(new Attempt(s, d));
            }
        }
        List<PassHatK> passHatK = new ArrayList<>();
        for (int j = 1; j <= k; j++) {
            List<double[]> perTask = new ArrayList<>();
            for (List<Attempt> attempts : byTask.values()) {
                if (attempts.size() >= j) {
                    int c = (int) attempts.stream().filter(Attempt::success).count();
                    perTask.add(new double[] {allSucceed(attempts.size(), c, j)});
                }
            }
            if (!perTask.isEmpty()) {
                passHatK.add(new PassHatK(j, estimate(ClusteredMean.of(perTask))));
            }
        }
        Map<String, FaultMetrics> byFault = new TreeMap<>();
        Map<String, Estimate> byWorld = new TreeMap<>();
        List<Attempt> all = byTask.values().stream().flatMap(List::stream).toList();
        all.stream().map(a -> a.detail().fault()).filter(f -> f != null).distinct().forEach(fault -> {
            Predicate<Attempt> of = a -> fault.equals(a.detail().fault());
            Estimate success = rate(byTask, of, Attempt::success);
            Estimate recovery = rate(byTask, of.and(a -> a.detail().faultInjected()), Attempt::success);
            int attempts = (int) all.stream().filter(of).count();
            int injected = (int) all.stream().filter(of.and(a -> a.detail().faultInjected())).count();
            byFault.put(fault, new FaultMetrics(success, recovery, attempts, injected));
        });
        all.stream().map(a -> a.detail().world()).distinct().forEach(world ->
                byWorld.put(world, rate(byTask, a -> world.equals(a.detail().world()), Attempt::success)));
        int successes = (int) all.stream().filter(Attempt::success).count();
        AgentMetrics agent = new AgentMetrics(k, successes,
                rate(byTask, a -> true, a -> a.detail().policyViolations() > 0),
                all.stream().mapToInt(a -> a.detail().policyViolations()).sum(),
                mean(byTask, Attempt::success, a -> a.detail().steps()),
                mean(byTask, Attempt::success, a -> a.sample().usage().promptTokens() + a.sample().usage().completionTokens()),
                all.stream().mapToInt(a -> a.detail().toolErrors()).sum(),
                all.stream().mapToInt(a -> a.detail().malformedCalls()).sum(),
                (int) all.stream().filter(a -> a.detail().budgetStop() != null).count(),
                byWorld);
        return new Result(agent, passHatK, byFault);
    }

    /** C(c, j) / C(n, j): the chance that j of n attempts drawn without replacement are all among the c successes. */
    static double allSucceed(int n, int c, int j) {
        if (c < 0 || c > n || j < 1 || j > n) {
            throw new IllegalArgumentException("need 0 <= c <= n and 1 <= j <= n, got n=" + n + " c=" + c + " j=" + j);
        }
        double p = 1.0;
        for (int i = 0; i < j; i++) {
            p *= (double) (c - i) / (n - i);
        }
        return Math.max(0, p);
    }

    /** The share of selected attempts that pass {@code yes}, clustered by task; null when none is selected. */
    private static Estimate rate(Map<String, List<Attempt>> byTask, Predicate<Attempt> selected, Predicate<Attempt> yes) {
        List<double[]> clusters = clusters(byTask, selected, a -> yes.test(a) ? 1 : 0);
        return clusters.isEmpty() ? null : estimate(ClusteredMean.of(clusters));
    }

    /** The mean of {@code value} over selected attempts, clustered by task, not clipped; null when none is selected. */
    private static Estimate mean(Map<String, List<Attempt>> byTask, Predicate<Attempt> selected, ToDoubleFunction<Attempt> value) {
        List<double[]> clusters = clusters(byTask, selected, value);
        return clusters.isEmpty() ? null : estimate(ClusteredMean.unbounded(clusters));
    }

    private static List<double[]> clusters(Map<String, List<Attempt>> byTask, Predicate<Attempt> selected,
                                           ToDoubleFunction<Attempt> value) {
        List<double[]> clusters = new ArrayList<>();
        for (List<Attempt> attempts : byTask.values()) {
            double[] values = attempts.stream().filter(selected).mapToDouble(value).toArray();
            if (values.length > 0) {
                clusters.add(values);
            }
        }
        return clusters;
    }

    private static Estimate estimate(ScoreInterval i) {
        return new Estimate(i.estimate(), i.low(), i.high(), i.clusters());
    }
}
