package dev.claimcheck.site.prices;

/**
 * One model's list price at one provider, as the price table declares it (docs/site.md, "Cost and speed").
 *
 * @param model the model id as runs record it ({@code run.json model.id}), matched ignoring case
 * @param provider who sells it at this price (OpenRouter, Novita, …)
 * @param inputUsdPerMtok US dollars per million prompt tokens not served from a prefix cache
 * @param outputUsdPerMtok US dollars per million completion tokens, reasoning included
 * @param cachedInputUsdPerMtok US dollars per million prompt tokens served from the provider's prefix cache; null when
 *     the provider declares no cached rate, so cached tokens cost the input rate
 * @param read the day the price was read from {@code source} (YYYY-MM-DD): prices change, the page says when
 * @param source the page the price was read from
 */
public record Price(String model, String provider, double inputUsdPerMtok, double outputUsdPerMtok,
                    Double cachedInputUsdPerMtok, String read, String source) {
    /** The rate a cached prompt token is billed at: the declared cached rate, else the input rate. */
    public double cachedRate() {
        return cachedInputUsdPerMtok == null ? inputUsdPerMtok : cachedInputUsdPerMtok;
    }
}
