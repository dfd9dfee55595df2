package dev.claimcheck.site.index;

/** A folder or file of the root the site could not use, and why; listed on the excluded page. */
public record ExcludedRun(String path, String reason) {
}
