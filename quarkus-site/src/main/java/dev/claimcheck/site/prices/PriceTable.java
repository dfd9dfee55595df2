package dev.claimcheck.site.prices;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The declared price table ({@code results/prices/prices.json}, docs/schemas/prices-v1.schema.json): list prices per
 * model and provider, each dated and sourced. A model the table does not list has no declared price: its runs show
 * "no declared price", never $0.
 */
public record PriceTable(List<Price> prices) {
    public static final String SCHEMA = "claimcheck/prices/v1";
    public static final PriceTable NONE = new PriceTable(List.of());

    public PriceTable {
        prices = List.copyOf(prices);
    }

    /** The price a run of {@code modelId} is costed at: the first entry the table lists for that model. */
    public Optional<Price> forModel(String modelId) {
        if (modelId == null) {
            return Optional.empty();
        }
        String id = modelId.toLowerCase(Locale.ROOT);
        return prices.stream().filter(p -> p.model().toLowerCase(Locale.ROOT).equals(id)).findFirst();
    }
}
