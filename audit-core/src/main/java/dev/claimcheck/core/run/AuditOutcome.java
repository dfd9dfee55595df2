package dev.claimcheck.core.run;

import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.store.RunFolder;

/**
 * How a run ended. {@code stopReason} is null for a complete run; {@code abort} holds the failure
 * that stopped it early (null when it stopped by budget or completed).
 */
public record AuditOutcome(RunFolder folder, RunManifest manifest, String stopReason, RuntimeException abort) {
    public boolean complete() {
        return stopReason == null;
    }
}
