package dev.claimcheck.core.suite.agent;

import dev.claimcheck.core.model.FigureRow;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.MetricsBlock;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.stats.Figures;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The agent blocks, {@code metrics.agent}, {@code metrics.passHatK} and {@code metrics.byFault} (the last two at the
 * top level, the paths issue #10 names). Definitions: docs/workloads/agent.md.
 */
public final class AgentFigures implements Figures {
    public static final AgentFigures INSTANCE = new AgentFigures();
    /** run.json {@code metrics.agent}: counts, violations, steps and tokens per success. */
    public static final MetricsBlock<AgentMetrics> BLOCK = MetricsBlock.of("agent", AgentMetrics.class);
    /** run.json {@code metrics.passHatK}: pass^k for k = 1 … the run's k. */
    public static final MetricsBlock<List<PassHatK>> PASS_HAT_K = MetricsBlock.listOf("passHatK", PassHatK.class);
    /** run.json {@code metrics.byFault}: success and recovery per injected fault id. */
    public static final MetricsBlock<Map<String, FaultMetrics>> BY_FAULT = MetricsBlock.mapOf("byFault", FaultMetrics.class);

    private AgentFigures() {
    }

    @Override
    public String title() {
        return "Agent";
    }

    @Override
    public String measured() {
        return "success rate of tool-calling episodes, final state re-checked";
    }

    @Override
    public Metrics addTo(Metrics shared, Collection<Sample> samples) {
        if (shared.graded() == 0) {
            return shared;
        }
        AgentRunMetrics.Result r = AgentRunMetrics.of(samples);
        return shared.with(BLOCK, r.agent()).with(PASS_HAT_K, r.passHatK()).with(BY_FAULT, r.byFault());
    }

    /** pass^k and per-fault rows (n = tasks), per-world success, counts with n = graded attempts. */
    @Override
    public List<FigureRow> rows(Metrics m) {
        AgentMetrics x = m.get(BLOCK);
        if (x == null) {
            return List.of();
        }
        int graded = m.graded();
        List<FigureRow> out = new ArrayList<>();
        for (PassHatK p : m.get(PASS_HAT_K)) {
            out.add(FigureRow.of("passHatK." + p.k(), p.estimate()));
        }
        m.get(BY_FAULT).forEach((fault, f) -> {
            out.add(FigureRow.of("byFault." + fault + ".success", f.success()));
            if (f.recoveryRate() != null) {
                out.add(FigureRow.of("byFault." + fault + ".recoveryRate", f.recoveryRate()));
            }
        });
        FigureRow.estimates(out, "agent.success.world.", x.byWorld());
        out.add(FigureRow.of("agent.successes", x.successes(), graded));
        out.add(FigureRow.of("agent.policyViolationRate", x.policyViolationRate()));
        out.add(FigureRow.of("agent.policyViolations", x.policyViolations(), graded));
        if (x.stepsPerSuccess() != null) {
            out.add(FigureRow.of("agent.stepsPerSuccess", x.stepsPerSuccess()));
            out.add(FigureRow.of("agent.tokensPerSuccess", x.tokensPerSuccess()));
        }
        out.add(FigureRow.of("agent.toolErrors", x.toolErrors(), graded));
        out.add(FigureRow.of("agent.malformedCalls", x.malformedCalls(), graded));
        out.add(FigureRow.of("agent.budgetStops", x.budgetStops(), graded));
        return out;
    }
}
