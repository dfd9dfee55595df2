package dev.claimcheck.site.claims;

import dev.claimcheck.site.page.Links;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A claim's dataset date beside its model's release date (docs/claims.md): a benchmark made public long before the
 * release may be in the training data; one made public after it cannot have been trained on by those weights.
 */
final class ContaminationWindow {
    private ContaminationWindow() {
    }

    /** The two dates and the days between, or empty when either is unknown. */
    static String text(String datasetPublished, String modelReleased, Links links) {
        if (datasetPublished.isEmpty() || modelReleased.isEmpty()) {
            return "";
        }
        long days = ChronoUnit.DAYS.between(LocalDate.parse(datasetPublished), LocalDate.parse(modelReleased));
        String between = days == 0 ? links.text("claims.window.same")
                : links.text("claims.window." + (days > 0 ? "before" : "after") + (Math.abs(days) == 1 ? ".one" : ""), Math.abs(days));
        return links.text("claims.window", datasetPublished, modelReleased, between);
    }
}
