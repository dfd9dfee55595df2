package dev.claimcheck.site.cost;

import dev.claimcheck.site.prices.Price;

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
}
