package dev.claimcheck.site.leaderboard;

import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.suite.agent.AgentFigures;
import dev.claimcheck.core.suite.agent.PassHatK;
import dev.claimcheck.site.page.Fmt;
import java.util.StringJoiner;

/**
 * The short line of workload figures a leaderboard row shows under its score; empty for workloads without
 * any. Agent: pass^k at the run's k and the recovery rate after each injected fault.
 */
final class WorkloadFigures {
    private WorkloadFigures() {
    }

    static String of(Metrics x) {
        if (x == null || x.get(AgentFigures.BLOCK) == null || x.get(AgentFigures.PASS_HAT_K) == null || x.get(AgentFigures.PASS_HAT_K).isEmpty()) {
            return "";
        }
        PassHatK last = x.get(AgentFigures.PASS_HAT_K).get(x.get(AgentFigures.PASS_HAT_K).size() - 1);
        StringJoiner line = new StringJoiner(" · ");
        line.add("pass^" + last.k() + " " + Fmt.pct(last.estimate().value()));
        if (x.get(AgentFigures.BY_FAULT) != null && !x.get(AgentFigures.BY_FAULT).isEmpty()) {
            StringJoiner recovery = new StringJoiner(", ", "recovery ", "");
            x.get(AgentFigures.BY_FAULT).forEach((fault, f) -> recovery.add(fault + " "
                    + (f.recoveryRate() == null ? Fmt.NONE : Fmt.pct(f.recoveryRate().value()))));
            line.add(recovery.toString());
        }
        return line.toString();
    }
}
