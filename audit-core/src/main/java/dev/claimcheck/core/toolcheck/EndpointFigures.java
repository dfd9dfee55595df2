package dev.claimcheck.core.toolcheck;

import dev.claimcheck.core.model.Estimate;
import dev.claimcheck.core.stats.ClusteredMean;
import dev.claimcheck.core.stats.Percentiles;
import dev.claimcheck.core.stats.ScoreInterval;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** One endpoint's {@link EndpointReport} from its replies and the reference endpoint's. */
final class EndpointFigures {
    private EndpointFigures() {
    }

    static EndpointReport of(String endpoint, boolean reference, List<ToolProbe> probes, List<ProbeReply> replies,
                             List<ProbeReply> referenceReplies) {
        Map<String, ToolProbe> byId = new HashMap<>();
        probes.forEach(p -> byId.put(p.id(), p));
        List<ProbeReply> ok = replies.stream().filter(ProbeReply::ok).toList();
        Map<String, Long> finishes = new TreeMap<>();
        ok.forEach(r -> finishes.merge(r.finishReason() == null ? "none" : r.finishReason(), 1L, Long::sum));
        int empty = (int) ok.stream().filter(ProbeReply::empty).count();
        List<ProbeReply> calling = ok.stream().filter(r -> !r.calls().isEmpty()).toList();
        Estimate valid = rate(calling, r -> r.invalid().isEmpty());
        Estimate called = rate(ok.stream().filter(r -> byId.get(r.probe()).expectsCall()).toList(), r -> !r.calls().isEmpty());

        Map<String, ProbeReply> ref = new HashMap<>();
        referenceReplies.stream().filter(ProbeReply::ok).forEach(r -> ref.put(r.probe() + "#" + r.attempt(), r));
        List<ProbeReply> paired = ok.stream().filter(r -> ref.containsKey(r.probe() + "#" + r.attempt())).toList();
        Estimate sameDecision = rate(paired, r -> r.decision().equals(ref.get(r.probe() + "#" + r.attempt()).decision()));
        Estimate sameArguments = rate(paired, r -> r.parsedCalls().equals(ref.get(r.probe() + "#" + r.attempt()).parsedCalls()));

        double prompt = ok.stream().mapToLong(ProbeReply::promptTokens).average().orElse(0);
        double completion = ok.stream().mapToLong(ProbeReply::completionTokens).average().orElse(0);
        long[] latencies = ok.stream().filter(r -> r.e2eMs() != null).mapToLong(r -> Math.round(r.e2eMs())).toArray();
        Double p50 = latencies.length == 0 ? null : Percentiles.of(latencies, 0.5);
        Double mean = latencies.length == 0 ? null : java.util.Arrays.stream(latencies).average().orElse(0);
        String flag = empty == 0 ? null : empty + " of " + ok.size()
                + " replies had neither content nor tool_calls: the server's tool-call parser drops calls";
        return new EndpointReport(endpoint, reference, replies.size(), replies.size() - ok.size(), calling.size(), valid,
                called, empty, finishes, sameDecision, sameArguments, prompt, completion, p50, mean, flag);
    }

    /** The share of replies meeting the test, clustered by probe; null when there are none. */
    private static Estimate rate(List<ProbeReply> replies, Predicate<ProbeReply> test) {
        if (replies.isEmpty()) {
            return null;
        }
        Map<String, List<Double>> byProbe = new LinkedHashMap<>();
        replies.forEach(r -> byProbe.computeIfAbsent(r.probe(), p -> new ArrayList<>()).add(test.test(r) ? 1.0 : 0.0));
        List<double[]> clusters = new ArrayList<>();
        byProbe.values().forEach(v -> clusters.add(v.stream().mapToDouble(Double::doubleValue).toArray()));
        ScoreInterval i = ClusteredMean.of(clusters);
        return new Estimate(i.estimate(), i.low(), i.high(), i.clusters());
    }
}
