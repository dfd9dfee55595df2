package dev.claimcheck.site.leaderboard;

import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.suite.agent.AgentFigures;
import dev.claimcheck.core.suite.agent.PassHatK;
import dev.claimcheck.core.suite.longctx.LongctxFigures;
import dev.claimcheck.core.suite.longctx.MrcrMetrics;
import dev.claimcheck.site.page.Fmt;
import dev.claimcheck.site.page.Links;
import java.util.StringJoiner;

/**
 * The short line of workload figures a leaderboard row shows under its score; empty for workloads without
 * any. Agent: pass^k at the run's k and the recovery rate after each injected fault. MRCR: the score by needle
 * count and the server's prompt tokens per attempt. Worded in the page's language; fault names and bins are ids.
 */
final class WorkloadFigures {
    private WorkloadFigures() {
    }

    static String of(Metrics x, Links links) {
        if (x != null && x.get(LongctxFigures.MRCR) != null) {
            return mrcr(x.get(LongctxFigures.MRCR), links);
        }
        if (x == null || x.get(AgentFigures.BLOCK) == null || x.get(AgentFigures.PASS_HAT_K) == null || x.get(AgentFigures.PASS_HAT_K).isEmpty()) {
            return "";
        }
        PassHatK last = x.get(AgentFigures.PASS_HAT_K).get(x.get(AgentFigures.PASS_HAT_K).size() - 1);
        StringJoiner line = new StringJoiner(" · ");
        line.add("pass^" + last.k() + " " + Fmt.pct(last.estimate().value()));
        if (x.get(AgentFigures.BY_FAULT) != null && !x.get(AgentFigures.BY_FAULT).isEmpty()) {
            StringJoiner recovery = new StringJoiner(", ", links.text("board.figures.recovery") + " ", "");
            x.get(AgentFigures.BY_FAULT).forEach((fault, f) -> recovery.add(fault + " "
                    + (f.recoveryRate() == null ? Fmt.NONE : Fmt.pct(f.recoveryRate().value()))));
            line.add(recovery.toString());
        }
        return line.toString();
    }

    /** "2 needles 71.0% · 8 needles 40.0% · 23,456 prompt tokens per attempt" (tokens as the server reported them). */
    static String mrcr(MrcrMetrics m, Links links) {
        StringJoiner line = new StringJoiner(" · ");
        m.byNeedles().forEach(n -> line.add(links.text("board.figures.needles", n.needles(), Fmt.pct(n.score().value()))));
        double tokens = 0;
        long n = 0;
        for (MrcrMetrics.Bin b : m.byBin()) {
            if (b.promptTokens() != null) {
                tokens += b.promptTokens().mean() * b.promptTokens().n();
                n += b.promptTokens().n();
            }
        }
        if (n > 0) {
            line.add(links.text("board.figures.promptTokens", Fmt.count(tokens / n)));
        }
        return line.toString();
    }
}
