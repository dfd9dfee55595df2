package dev.claimcheck.site.cost;

import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.site.index.RunEntry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's cost and speed beside its score: its token and time totals, the declared price of the model it ran (null
 * when the table lists none) and what the tokens cost at that price (null without a price or without token counts).
 * A simulated run is priced like a real one at the price of the model it names, and every figure of it says
 * "simulated": the simulator's token counts are not the model's (docs/site.md, "Cost and speed").
 */
public record RunEconomics(RunUsage usage, Price price, RunCost cost, boolean simulated) {
    public static final RunEconomics NONE = new RunEconomics(RunUsage.NONE, null, null, false);

    public static RunEconomics of(RunUsage usage, Price price, boolean simulated) {
        return new RunEconomics(usage, price, price == null ? null : RunCost.of(usage, price), simulated);
    }

    /**
     * Every scored run's economics by run id, from its journal. Throughput runs are left out: the bench has its own
     * per-request figures (ThroughputView). A journal that cannot be read counts as no usage; its run page says why.
     */
    public static Map<String, RunEconomics> of(List<RunEntry> runs, PriceTable prices) {
        Map<String, RunEconomics> out = new HashMap<>();
        for (RunEntry r : runs) {
            if (r.manifest().workload() == Workload.THROUGHPUT) {
                continue;
            }
            RunUsage usage;
            try {
                usage = RunUsage.of(Journal.readAll(r.folder()));
            } catch (RuntimeException e) {
                usage = RunUsage.NONE;
            }
            out.put(r.runId(), of(usage, prices.forModel(r.manifest().model().id()).orElse(null), r.simulated()));
        }
        return out;
    }
}
