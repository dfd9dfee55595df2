package dev.claimcheck.site.claims;

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
    static String text(String datasetPublished, String modelReleased) {
        if (datasetPublished.isEmpty() || modelReleased.isEmpty()) {
            return "";
        }
        long days = ChronoUnit.DAYS.between(LocalDate.parse(datasetPublished), LocalDate.parse(modelReleased));
        String between = days > 0 ? days + (days == 1 ? " day" : " days") + " before the model's release"
                : days == 0 ? "the day of the model's release" : -days + (days == -1 ? " day" : " days") + " after the model's release";
        return "dataset public " + datasetPublished + ", model released " + modelReleased + " (" + between + ")";
    }
}
