package dev.claimcheck.site.index;

import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.store.RunFolder;
import java.util.List;

/**
 * One readable run of the root.
 *
 * @param relPath the folder relative to the root, with forward slashes
 * @param badges trust badges: {@link TrustBadge#SIMULATED} first when simulated, then the signature status
 * @param trust the signature status id: {@code verified}, {@code unverified} or {@code invalid}
 */
public record RunEntry(RunManifest manifest, RunFolder folder, String relPath, List<TrustBadge> badges, String trust) {
    public RunEntry {
        badges = List.copyOf(badges);
    }

    public String runId() {
        return manifest.runId();
    }

    public String modelSlug() {
        return manifest.model().slug();
    }

    public String datasetName() {
        RunManifest.DatasetRef d = manifest.suite().dataset();
        return d == null || d.name() == null ? "-" : d.name();
    }

    public boolean simulated() {
        return manifest.simulated();
    }
}
