package dev.claimcheck.core.run;

import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.store.RunFolder;

/**
 * How a run ended. {@code stopReason} is null for a complete run; {@code abort} holds the failure
 * that stopped it early (null when it stopped by budget or completed).
 */
public record AuditOutcome(RunFolder folder, RunManifest manifest, String stopReason, RuntimeException abort) {
    /** The message of the first errored attempt in the journal, for a one-line diagnosis. */
    public String firstError() {
        for (var s : dev.claimcheck.core.store.Journal.readAll(folder)) {
            if (s.error() != null) {
                return s.error().cause().id() + ": " + s.error().message();
            }
        }
        return "none";
    }

    public boolean complete() {
        return stopReason == null;
    }
}
