package dev.claimcheck.site.claims;

import java.util.Map;

/**
 * A vendor's claim as transcribed in the ledger.
 *
 * @param settings the stated settings ({@code temperature}, {@code topP}, {@code maxTokens}, {@code tasks}, …) as text;
 *                 empty with {@code undisclosed} true when the source does not state them
 * @param sourceUrl the source's address (shown as a link only when it is http or https)
 */
public record Claim(String id, String workload, String suite, String dataset, String metric, double value, String unit,
                    Map<String, String> settings, boolean undisclosed, String sourceUrl, String sourceDate,
                    String sourceTitle, String note) {
    public Claim {
        settings = Map.copyOf(settings);
    }
}
