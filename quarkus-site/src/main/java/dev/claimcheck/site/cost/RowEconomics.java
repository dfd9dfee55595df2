package dev.claimcheck.site.cost;

import dev.claimcheck.site.prices.Price;

/**
 * A leaderboard row's cost and speed as {@code /api/leaderboard.json} and {@code .csv} give them (flattened into the
 * row; docs/site.md). Every field is null when there is no such figure: no declared price gives null dollars, never 0.
 *
 * @param meanInputTokens prompt tokens per attempt as the endpoint reported them, cached ones included (over the
 *        attempts it reported counts for)
 * @param meanCachedInputTokens the part of them the endpoint reported as served from its prefix cache
 * @param meanLatencyMs mean end-to-end time per request (sent to last byte), over the attempts with a time
 * @param usdPerTask the run's cost over its tasks (one task with all its attempts), at the declared price
 * @param usdPerRun every attempt of the run at the declared price
 * @param priceProvider whose list price was used; null when the table lists none for the model
 * @param priceRead the day that price was read (YYYY-MM-DD)
 * @param priceSource the page it was read from
 * @param priceInputUsdPerMtok that price's rates in US dollars per million tokens (cached: null when the provider
 *        declares none, so cached tokens were priced at the input rate)
 * @param outputTokensPerTask completion tokens (reasoning included) over the run's tasks, each task with all its
 *        attempts and turns, as the endpoint reported them; null when it reported none
 */
public record RowEconomics(Double meanInputTokens, Double meanCachedInputTokens, Double meanLatencyMs, Double usdPerTask,
                           Double usdPerRun, String priceProvider, String priceRead, String priceSource,
                           Double priceInputUsdPerMtok, Double priceCachedInputUsdPerMtok, Double priceOutputUsdPerMtok,
                           Double outputTokensPerTask) {
    public static final RowEconomics NONE = of(RunEconomics.NONE);

    public static RowEconomics of(RunEconomics e) {
        RunUsage u = e.usage();
        Price p = e.price();
        RunCost c = e.cost();
        return new RowEconomics(u.meanPromptTokens(), u.meanCachedTokens(),
                u.meanE2eMs(), c == null ? null : c.usdPerTask(), c == null ? null : c.usdPerRun(),
                p == null ? null : p.provider(), p == null ? null : p.read(), p == null ? null : p.source(),
                p == null ? null : p.inputUsdPerMtok(), p == null ? null : p.cachedInputUsdPerMtok(),
                p == null ? null : p.outputUsdPerMtok(), u.outputTokensPerTask());
    }
}
