package dev.claimcheck.site.cost;

import dev.claimcheck.site.prices.Price;

/**
 * What a run's tokens cost at one declared list price: uncached prompt tokens at the input rate, cached prompt tokens
 * at the cached-input rate (the input rate when the provider declares none), completion tokens at the output rate.
 *
 * @param usdPerRun every attempt of the run
 * @param usdPerTask {@code usdPerRun} over the run's tasks: one task with all its k attempts
 * @param price the entry used (its provider, date and source go beside the figure)
 */
public record RunCost(double usdPerRun, double usdPerTask, Price price) {
    static final double MTOK = 1_000_000.0;

    /** The cost of {@code u} at {@code p}; null when the run has no token counts or no task (nothing to price). */
    public static RunCost of(RunUsage u, Price p) {
        if (!u.counted() || u.tasks() == 0) {
            return null;
        }
        double uncached = u.promptTokens() - u.cachedTokens();
        double run = (uncached * p.inputUsdPerMtok() + u.cachedTokens() * p.cachedRate()
                + u.completionTokens() * p.outputUsdPerMtok()) / MTOK;
        return new RunCost(run, run / u.tasks(), p);
    }
}
