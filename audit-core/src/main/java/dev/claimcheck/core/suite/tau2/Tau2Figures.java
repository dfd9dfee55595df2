package dev.claimcheck.core.suite.tau2;

import dev.claimcheck.core.model.Estimate;
import dev.claimcheck.core.model.FigureRow;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.MetricsBlock;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.stats.Figures;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The τ² block, {@code metrics.tau2}: pass^k re-derived and claimed, reward mismatches, and the trials' endings with
 * user-simulator errors apart. The run's score is replaced by the re-derived pass^1 (τ²-bench's headline number,
 * over evaluable trials only). Definitions: docs/workloads/tau2.md.
 */
public final class Tau2Figures implements Figures {
    public static final Tau2Figures INSTANCE = new Tau2Figures();
    /** run.json {@code metrics.tau2}. */
    public static final MetricsBlock<Tau2Metrics> BLOCK = MetricsBlock.of("tau2", Tau2Metrics.class);

    private Tau2Figures() {
    }

    @Override
    public String title() {
        return "Agent (τ²-bench)";
    }

    @Override
    public String measured() {
        return "τ²-bench pass^k per domain, each trial's reward re-derived from its recorded messages and the published task";
    }

    @Override
    public String scoreLabel() {
        return "pass^1";
    }

    @Override
    public Metrics addTo(Metrics shared, Collection<Sample> samples) {
        if (shared.graded() == 0) {
            return shared;
        }
        Tau2Metrics m = Tau2RunMetrics.of(samples);
        if (m == null) {
            return shared;
        }
        Metrics out = shared.with(BLOCK, m);
        if (!m.passHatK().isEmpty()) {
            Estimate p1 = m.passHatK().get(0).derived();
            out = out.withScore(p1.value(), p1.ci95Low(), p1.ci95High(), shared.scorePer1kOutputTokens());
        }
        return out;
    }

    /** pass^k rows (n = tasks), then counts with n = imported trials. */
    @Override
    public List<FigureRow> rows(Metrics m) {
        Tau2Metrics x = m.get(BLOCK);
        if (x == null) {
            return List.of();
        }
        List<FigureRow> out = new ArrayList<>();
        for (Tau2Metrics.PassHatK p : x.passHatK()) {
            out.add(FigureRow.of("tau2.passHatK." + p.k(), p.derived()));
            if (p.claimed() != null) {
                out.add(FigureRow.of("tau2.passHatK." + p.k() + ".claimed", p.claimed()));
            }
        }
        if (x.successWithoutUserSimulatorErrors() != null) {
            out.add(FigureRow.of("tau2.successWithoutUserSimulatorErrors", x.successWithoutUserSimulatorErrors()));
        }
        out.add(FigureRow.of("tau2.rewardMismatches", x.rewardMismatches(), x.trials()));
        out.add(FigureRow.of("tau2.checkDisagreements", x.checkDisagreements(), x.trials()));
        out.add(FigureRow.of("tau2.userSimulatorErrors", x.userSimulatorErrors(), x.trials()));
        out.add(FigureRow.of("tau2.agentErrors", x.agentErrors(), x.trials()));
        out.add(FigureRow.of("tau2.notEvaluable", x.notEvaluable(), x.trials()));
        x.terminations().forEach((reason, n) -> out.add(FigureRow.of("tau2.termination." + reason, n, x.trials())));
        if (!x.notRun().isEmpty()) {
            // n = every task of tasks.json: those run and those --skip-unsupported left out.
            out.add(FigureRow.of("tau2.notRun", x.notRun().size(), m.tasks() + x.notRun().size()));
        }
        if (x.notScorable() > 0) {
            out.add(FigureRow.of("tau2.notScorable", x.notScorable(), x.trials() + x.notScorable()));
        }
        if (x.userSimulatorTokens() != null) {
            // The user simulator's tokens, never in the run's token or cost figures (those are the agent's).
            out.add(FigureRow.of("tau2.userSimulator.promptTokens", x.userSimulatorTokens().prompt(), x.userSimulatorTokens().requests()));
            out.add(FigureRow.of("tau2.userSimulator.completionTokens", x.userSimulatorTokens().completion(), x.userSimulatorTokens().requests()));
        }
        if (x.nlJudge() != null) {
            Tau2Metrics.NlJudge j = x.nlJudge();
            out.add(FigureRow.of("tau2.nlJudge.asked", j.asked(), x.trials() + x.notScorable()));
            out.add(FigureRow.of("tau2.nlJudge.parseFailures", j.parseFailures(), j.asked()));
            out.add(FigureRow.of("tau2.nlJudge.errors", j.errors(), j.asked()));
            out.add(FigureRow.of("tau2.nlJudge.promptTokens", j.tokens().prompt(), j.asked()));
            out.add(FigureRow.of("tau2.nlJudge.completionTokens", j.tokens().completion(), j.asked()));
        }
        if (!x.changedTasks().isEmpty()) {
            out.add(FigureRow.of("tau2.changedTasks", x.changedTasks().size(), x.trials()));
        }
        return out;
    }
}
