package dev.claimcheck.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The summary of a run, recomputable from its samples (verify checks this): the figures every workload shares, then
 * one nullable block per workload (JSON {@code NON_NULL}), each computed and listed by that workload's
 * {@code stats.Figures}, which the suite supplies.
 *
 * @param score the workload's primary metric over graded attempts (null when none, or for throughput)
 * @param ci95Low cluster-robust (by task) 95% interval, clipped to [0, 1]; null with fewer than 2 tasks
 * @param tasks tasks with at least one attempt
 * @param attempts attempts finished (graded or errored)
 * @param graded attempts that received a verdict
 * @param errors errored attempts by cause id
 * @param truncated graded attempts that stopped at max_tokens
 * @param outputTokens completion tokens per attempt with a response, reasoning included
 * @param scorePer1kOutputTokens score divided by mean output tokens per 1,000
 * @param math the math workload's pass@k, cons@k and counts; null (absent) for other workloads
 * @param code the code workload's pass@k and verdict breakdown; null (absent) for other workloads
 * @param cells long-context accuracy per (length, depth) cell; null (absent) for other workloads
 * @param longctx the long-context workload's other figures; null (absent) for other workloads
 * @param docs the grounded-document workload's figures; null (absent) for other workloads
 * @param agent the agent workload's counts, violations, steps and tokens per success; null (absent) for other workloads
 * @param passHatK pass^k for k = 1 … the run's k (agent; the path the issue names); null (absent) for other workloads
 * @param byFault the agent workload's success and recovery rate per injected fault id; null (absent) for other workloads
 * @param points the throughput workload's measured load points (docs/throughput.md); null (absent) for other workloads
 * @param calibration throughput against the simulator: receive lag and token mismatches; null (absent) otherwise
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Metrics(Double score, Double ci95Low, Double ci95High, int tasks, int attempts, int graded,
                      Map<String, Integer> errors, int truncated, TokenSummary outputTokens,
                      TokenSummary reasoningTokens, Double scorePer1kOutputTokens,
                      @JsonInclude(JsonInclude.Include.NON_NULL) MathMetrics math,
                      @JsonInclude(JsonInclude.Include.NON_NULL) CodeMetrics code,
                      @JsonInclude(JsonInclude.Include.NON_NULL) List<LongctxCell> cells,
                      @JsonInclude(JsonInclude.Include.NON_NULL) LongctxMetrics longctx,
                      @JsonInclude(JsonInclude.Include.NON_NULL) DocsMetrics docs,
                      @JsonInclude(JsonInclude.Include.NON_NULL) AgentMetrics agent,
                      @JsonInclude(JsonInclude.Include.NON_NULL) List<PassHatK> passHatK,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, FaultMetrics> byFault,
                      @JsonInclude(JsonInclude.Include.NON_NULL) List<ThroughputPoint> points,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Calibration calibration) {
    public Metrics {
        errors = errors == null ? Map.of() : new TreeMap<>(errors);
        passHatK = passHatK == null ? null : List.copyOf(passHatK);
        byFault = byFault == null ? null : new TreeMap<>(byFault);
        points = points == null ? null : List.copyOf(points);
    }

    /** The figures every workload shares, with no workload block (tests and workloads without one). */
    public static Metrics shared(Double score, Double ci95Low, Double ci95High, int tasks, int attempts, int graded,
                                 Map<String, Integer> errors, int truncated, TokenSummary outputTokens,
                                 TokenSummary reasoningTokens, Double scorePer1kOutputTokens) {
        return new Metrics(score, ci95Low, ci95High, tasks, attempts, graded, errors, truncated, outputTokens,
                reasoningTokens, scorePer1kOutputTokens, null, null, null, null, null, null, null, null, null, null);
    }

    // One wither per workload block: a workload's Figures adds its block to the shared figures (stats.Figures.addTo).

    public Metrics withScore(Double score, Double ci95Low, Double ci95High, Double scorePer1kOutputTokens) {
        return new Metrics(score, ci95Low, ci95High, tasks, attempts, graded, errors, truncated, outputTokens, reasoningTokens,
                scorePer1kOutputTokens, math, code, cells, longctx, docs, agent, passHatK, byFault, points, calibration);
    }

    public Metrics withMath(MathMetrics math) {
        return new Metrics(score, ci95Low, ci95High, tasks, attempts, graded, errors, truncated, outputTokens, reasoningTokens,
                scorePer1kOutputTokens, math, code, cells, longctx, docs, agent, passHatK, byFault, points, calibration);
    }

    public Metrics withCode(CodeMetrics code) {
        return new Metrics(score, ci95Low, ci95High, tasks, attempts, graded, errors, truncated, outputTokens, reasoningTokens,
                scorePer1kOutputTokens, math, code, cells, longctx, docs, agent, passHatK, byFault, points, calibration);
    }

    public Metrics withLongctx(List<LongctxCell> cells, LongctxMetrics longctx) {
        return new Metrics(score, ci95Low, ci95High, tasks, attempts, graded, errors, truncated, outputTokens, reasoningTokens,
                scorePer1kOutputTokens, math, code, cells, longctx, docs, agent, passHatK, byFault, points, calibration);
    }

    public Metrics withDocs(DocsMetrics docs) {
        return new Metrics(score, ci95Low, ci95High, tasks, attempts, graded, errors, truncated, outputTokens, reasoningTokens,
                scorePer1kOutputTokens, math, code, cells, longctx, docs, agent, passHatK, byFault, points, calibration);
    }

    public Metrics withAgent(AgentMetrics agent, List<PassHatK> passHatK, Map<String, FaultMetrics> byFault) {
        return new Metrics(score, ci95Low, ci95High, tasks, attempts, graded, errors, truncated, outputTokens, reasoningTokens,
                scorePer1kOutputTokens, math, code, cells, longctx, docs, agent, passHatK, byFault, points, calibration);
    }

    public Metrics withThroughput(List<ThroughputPoint> points, Calibration calibration) {
        return new Metrics(score, ci95Low, ci95High, tasks, attempts, graded, errors, truncated, outputTokens, reasoningTokens,
                scorePer1kOutputTokens, math, code, cells, longctx, docs, agent, passHatK, byFault, points, calibration);
    }

    public int errorCount() {
        return errors.values().stream().mapToInt(Integer::intValue).sum();
    }
}
