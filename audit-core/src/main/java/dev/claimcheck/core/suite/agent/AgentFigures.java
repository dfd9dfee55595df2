package dev.claimcheck.core.suite.agent;

import dev.claimcheck.core.model.AgentMetrics;
import dev.claimcheck.core.model.FigureRow;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.PassHatK;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.stats.AgentRunMetrics;
import dev.claimcheck.core.stats.Figures;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The agent blocks, {@code metrics.agent}, {@code metrics.passHatK} and {@code metrics.byFault} (the last two at the
 * top level, the paths issue #10 names). Definitions: docs/workloads/agent.md.
 */
public final class AgentFigures implements Figures {
    public static final AgentFigures INSTANCE = new AgentFigures();

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
        return shared.withAgent(r.agent(), r.passHatK(), r.byFault());
    }

    /** pass^k and per-fault rows (n = tasks), per-world success, counts with n = graded attempts. */
    @Override
    public List<FigureRow> rows(Metrics m) {
        AgentMetrics x = m.agent();
        if (x == null) {
            return List.of();
        }
        int graded = m.graded();
        List<FigureRow> out = new ArrayList<>();
        for (PassHatK p : m.passHatK()) {
            out.add(FigureRow.of("passHatK." + p.k(), p.estimate()));
        }
        m.byFault().forEach((fault, f) -> {
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
