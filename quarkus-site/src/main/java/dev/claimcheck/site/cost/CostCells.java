package dev.claimcheck.site.cost;

import dev.claimcheck.site.page.Fmt;
import dev.claimcheck.site.page.Links;

/**
 * A row's cost and speed as a page shows them: every string formatted ({@link CostText}), with sort keys (empty
 * where there is no figure, so those rows sort last).
 *
 * @param title where the price comes from (the cost cells' tooltip), or why there is none
 * @param tokensPerTask output tokens per task (all its attempts and turns), a dash without reported counts
 */
public record CostCells(String perTask, String perTaskKey, String perRun, String perRunKey, String title, String latency,
                        String latencyKey, String tokensPerTask, String tokensPerTaskKey) {
    /** A run without these figures (a throughput run: its figures are per load point). */
    public static final CostCells NONE = new CostCells(Fmt.NONE, "", Fmt.NONE, "", "", Fmt.NONE, "", Fmt.NONE, "");

    /** The cells in the language of the {@code page} they appear on. */
    public static CostCells of(RowEconomics e, boolean simulated, Links page) {
        return new CostCells(CostText.perTask(e, simulated, page), Fmt.key(e.usdPerTask()), CostText.perRun(e, simulated, page),
                Fmt.key(e.usdPerRun()), CostText.title(e, simulated, page), CostText.latency(e, simulated, page),
                Fmt.key(e.meanLatencyMs()), e.outputTokensPerTask() == null ? Fmt.NONE : Fmt.count(e.outputTokensPerTask()),
                Fmt.key(e.outputTokensPerTask()));
    }
}
